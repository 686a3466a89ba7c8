#include "ui/results/results_page.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/common/background.h"
#include "ui/common/error_reporter.h"
#include "ui/common/qt_convert.h"
#include "ui/report/report_renderer.h"
#include "ui/results/results_view.h"
#include "ui/training/cluster_job_dialog.h"

namespace cxr::ui {

ResultsPage::ResultsPage(QWidget* parent) : QWizardPage(parent) {
    setTitle(tr("Results"));
    setSubTitle(tr("The best checkpoint on the untouched test split. Research and teaching only — not for "
                   "diagnostic use."));
    m_view = new ResultsView(this);
    m_use = new QPushButton(tr("Use this model for review"), this);
    m_use->setToolTip(tr("Loads this run's model in the main window"));
    m_export = new QPushButton(tr("Export PDF report…"), this);
    m_clusterJob = new QPushButton(tr("Export cluster job…"), this);
    m_clusterJob->setToolTip(tr("This run's config.json with a torchrun script and a SLURM batch script, to train "
                                "it again on a cluster"));
    m_identifiers = new QCheckBox(tr("Include film names and the data folder (patient identifiers)"), this);
    m_identifiers->setChecked(false);
    m_agreement = new QCheckBox(tr("Include reviewer agreement"), this);
    m_agreement->setEnabled(false);
    m_agreement->setToolTip(tr("A last page with the reviewers' verdicts against this model's calls, from the "
                               "review records"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_use);
    buttons->addWidget(m_export);
    buttons->addWidget(m_identifiers);
    buttons->addWidget(m_agreement);
    buttons->addWidget(m_clusterJob);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    connect(m_use, &QPushButton::clicked, this, [this] {
        Q_EMIT useModel(toQString(m_runDir));
        m_status->setText(tr("This model is now the review model."));
    });
    connect(m_export, &QPushButton::clicked, this, &ResultsPage::askAndExport);
    connect(m_clusterJob, &QPushButton::clicked, this, [this] {
        auto* dialog = new ClusterJobDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setRunDirectory(m_runDir);
        dialog->open();
    });
}

void ResultsPage::setRunDirectory(const std::filesystem::path& runDir) {
    m_runDir = runDir;
}

void ResultsPage::initializePage() {
    m_status->clear();
    const bool ok = ErrorReporter::guard(this, tr("Results"), [&] { m_view->setResults(workflows::RunResults::load(m_runDir)); });
    m_use->setEnabled(ok && m_view->results().report.has_value());
    m_export->setEnabled(ok);
    m_clusterJob->setEnabled(ok);
    if (ok)
        checkAgreement();
}

// Reading the records can take a moment on a large database: done on a pool thread, the box
// enabled when it returns. Offered only with verdicts for this run's model, so a ticked box
// never fails the export.
void ResultsPage::checkAgreement() {
    m_agreementStats.reset();
    m_agreement->setChecked(false);
    m_agreement->setEnabled(false);
    const std::string model = m_view->results().weightsSha256;
    if (model.empty())
        return;
    const std::filesystem::path file = m_recordsFile;  // empty: the user's records
    m_agreement->setToolTip(tr("Reading the review records…"));
    runInBackground(
        this,
        [file, model]() -> std::pair<std::optional<workflows::AgreementStats>, QString> {
            try {
                return {workflows::reviewedAgreement(file, model), QString()};
            } catch (const std::exception& e) {
                return {std::nullopt, QString::fromStdString(e.what())};
            }
        },
        [this, model](const std::pair<std::optional<workflows::AgreementStats>, QString>& read) {
            if (m_view->results().weightsSha256 != model)
                return;  // another run is shown by now
            m_agreementStats = read.first;
            m_agreement->setEnabled(read.first.has_value());
            m_agreement->setToolTip(read.first ? tr("A last page with the reviewers' verdicts on %n film(s) against "
                                                    "this model's calls, from the review records",
                                                    nullptr, static_cast<int>(read.first->reviewed))
                                               : read.second);
            Q_EMIT agreementChecked();
        });
}

void ResultsPage::askAndExport() {
    const QString suggested = QDir(toQString(m_runDir)).filePath(QStringLiteral("report.pdf"));
    const QString file = QFileDialog::getSaveFileName(this, tr("Export PDF report"), suggested, tr("PDF (*.pdf)"));
    if (!file.isEmpty())
        exportReport(file);
}

bool ResultsPage::exportReport(const QString& file) {
    QApplication::setOverrideCursor(Qt::WaitCursor);
    ReportOptions options;
    options.includeIdentifiers = m_identifiers->isChecked();
    options.threshold = m_view->threshold();
    if (m_agreement->isChecked() && m_agreementStats)
        options.agreement = m_agreementStats;
    const bool ok = ErrorReporter::guard(this, tr("Export PDF report"),
                                         [&] { renderReport(m_view->results(), toPath(file), options); });
    QApplication::restoreOverrideCursor();
    if (ok)
        m_status->setText(tr("Report written to %1").arg(QDir::toNativeSeparators(file)));
    return ok;
}

}  // namespace cxr::ui
