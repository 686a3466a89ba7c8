#pragma once
// PacsQueryDialog: File ▸ Open from PACS…. The user picks a node, filters studies (patient name
// and ID with wildcards, a date range, modalities — CR, DX and DR by default — accession), sorts
// the matches, looks into a study's series, and retrieves the selected studies or series. Every
// query runs off the GUI thread and can be cancelled; Retrieve hands the choice to the window,
// which retrieves and diagnoses (PacsTransfers).
#include <QDialog>
#include <QFutureWatcher>

#include "core/common/cancel_token.h"
#include "core/pacs/query.h"
#include "ui/pacs/pacs_server.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace cxr::ui {

class QueryResultModel;

// One thing to retrieve: a whole study, or one series of it.
struct RetrieveItem {
    std::string studyInstanceUid;
    std::string seriesInstanceUid;  // empty: the whole study
    int expectedInstances = -1;     // what the query said, -1 unknown
};

class PacsQueryDialog : public QDialog {
    Q_OBJECT
public:
    explicit PacsQueryDialog(const QList<PacsServer>& servers, QWidget* parent = nullptr);
    ~PacsQueryDialog() override;

    PacsServer server() const;               // the node chosen
    QList<RetrieveItem> selection() const;   // what Retrieve asked for (selected series, else studies)
    bool isSearching() const;

    // Tests and the screenshot tool fill the filter as a user types it.
    void setFilterText(const QString& patientName, const QString& patientId, const QString& dates,
                       const QString& modalities, const QString& accession);

public Q_SLOTS:
    void search();
    void cancelSearch();

Q_SIGNALS:
    void searchFinished(int matches, const QString& message);

private:
    struct Outcome {
        bool series = false;
        std::vector<pacs::QueryMatch> matches;
        QString error;
    };
    void startQuery(const pacs::QueryFilter& filter, bool series);
    void onQueryFinished();
    void onStudyChanged();
    void updateButtons();

    QList<PacsServer> m_servers;
    QComboBox* m_server;
    QLineEdit* m_patientName;
    QLineEdit* m_patientId;
    QLineEdit* m_dates;
    QLineEdit* m_modalities;
    QLineEdit* m_accession;
    QPushButton* m_search;
    QPushButton* m_retrieve;
    QLabel* m_status;
    QueryResultModel* m_studies;
    QSortFilterProxyModel* m_studiesSorted;
    QTableView* m_studyView;
    QueryResultModel* m_series;
    QSortFilterProxyModel* m_seriesSorted;
    QTableView* m_seriesView;
    QFutureWatcher<Outcome>* m_query;
    CancelTokenPtr m_cancel;
    bool m_pendingSeries = false;  // a series query waits for the running query
    std::string m_seriesStudy;     // the study whose series are shown or asked for
};

}  // namespace cxr::ui
