#pragma once
// TriagePanel: the list of opened films for working through many: sortable by P(pneumonia),
// filterable by call, by review and by model, up/down keys move through films (the viewer
// follows), export as CSV.
#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;
class QToolButton;

namespace cxr::ui {

class ReviewListModel;
class TriageProxy;

class TriagePanel : public QWidget {
    Q_OBJECT
public:
    explicit TriagePanel(ReviewListModel* model, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    TriageProxy* proxy() const { return m_proxy; }
    int currentSourceRow() const;
    // Source rows in the order and filter shown.
    QList<int> visibleSourceRows() const;

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray& state);

public Q_SLOTS:
    void selectSourceRow(int row);
    void selectNext();
    void selectPrevious();
    void exportCsv();
    // Writes the visible rows; returns false and reports through the error reporter on failure.
    bool exportCsvTo(const QString& file);

Q_SIGNALS:
    void filmActivated(int sourceRow);

private:
    void updateSummary();
    void updateModelChoices();
    void moveBy(int delta);

    ReviewListModel* m_model = nullptr;
    TriageProxy* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    QComboBox* m_filter = nullptr;
    QComboBox* m_modelFilter = nullptr;
    QLabel* m_summary = nullptr;
    QToolButton* m_export = nullptr;
};

}  // namespace cxr::ui
