#pragma once
// DataPage: the wizard's first page. The user picks a Kaggle-layout folder (or has a demo set
// made); the page scans it in the background and shows films per split and class, patients,
// the validation policy that will apply and why, and any problems. Complete once the folder
// is a usable data set.
#include <QFutureWatcher>
#include <QWizardPage>

#include "core/workflows/dataset_summary.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace cxr::ui {

struct WizardPlan;

class DataPage : public QWizardPage {
    Q_OBJECT
public:
    DataPage(WizardPlan* plan, QWidget* parent = nullptr);
    ~DataPage() override;

    bool isComplete() const override;
    bool validatePage() override;

    // Sets the folder and scans it (also what Browse and the demo button end in).
    void setFolder(const QString& folder);
    bool isBusy() const;

Q_SIGNALS:
    void scanned();  // a scan ended (with a summary or an error shown)

private:
    struct ScanOutcome;
    void browse();
    void makeDemoSet();
    void rescan();
    void showSummary(const workflows::DatasetSummary& summary);
    void showError(const QString& message);
    void onScanFinished();
    data::ValPolicy policy() const;

    WizardPlan* m_plan;
    QLineEdit* m_folder;
    QPushButton* m_browse;
    QPushButton* m_demo;
    QComboBox* m_policy;
    QProgressBar* m_busy;
    QLabel* m_status;
    QTableWidget* m_counts;
    QLabel* m_reason;
    QListWidget* m_problems;
    QLabel* m_problemsTitle;
    std::optional<workflows::DatasetSummary> m_summary;
    QFutureWatcher<void>* m_watcher;
    std::shared_ptr<ScanOutcome> m_outcome;
    int m_generation = 0;
};

}  // namespace cxr::ui
