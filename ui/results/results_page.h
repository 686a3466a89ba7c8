#pragma once
// ResultsPage: the wizard's last page — the finished run's ResultsView, "Use this model"
// (makes the run the review model) and the PDF report export (de-identified unless ticked; the
// reviewers' agreement page when ticked, offered only when the review records hold verdicts on
// films the run's model diagnosed), and "Export cluster job…" (the run's config.json with a
// torchrun and a SLURM script, ClusterJobDialog).
#include <filesystem>
#include <optional>

#include <QWizardPage>

#include "core/workflows/review_records.h"

class QCheckBox;
class QLabel;
class QPushButton;

namespace cxr::ui {

class ResultsView;

class ResultsPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ResultsPage(QWidget* parent = nullptr);

    // The run shown; set before the page is entered (the wizard does it from its plan).
    void setRunDirectory(const std::filesystem::path& runDir);
    void initializePage() override;

    ResultsView* view() const { return m_view; }
    // Writes the report to `file`; false (and the reason shown) on failure.
    bool exportReport(const QString& file);
    // "Include reviewer agreement": enabled once the records (read off the GUI thread when the
    // page is entered) have verdicts for the run's model; agreementChecked() is emitted then.
    QCheckBox* agreementBox() const { return m_agreement; }
    // "Export cluster job…": opens a ClusterJobDialog on the run shown.
    QPushButton* clusterJobButton() const { return m_clusterJob; }
    // The review records read for the agreement page (default RecordsDb::defaultPath()).
    void setRecordsFile(const std::filesystem::path& file) { m_recordsFile = file; }

Q_SIGNALS:
    void agreementChecked();

    void useModel(const QString& runDir);

private:
    void askAndExport();
    void checkAgreement();

    std::filesystem::path m_runDir;
    ResultsView* m_view;
    QPushButton* m_use;
    QPushButton* m_export;
    QPushButton* m_clusterJob;
    QCheckBox* m_identifiers;
    QCheckBox* m_agreement;
    std::filesystem::path m_recordsFile;
    // The agreement read for the run shown (empty: none, or not read yet).
    std::optional<workflows::AgreementStats> m_agreementStats;
    QLabel* m_status;
};

}  // namespace cxr::ui
