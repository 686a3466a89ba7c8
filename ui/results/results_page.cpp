#include "ui/results/results_page.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/common/error_reporter.h"
#include "ui/common/qt_convert.h"
#include "ui/report/report_renderer.h"
#include "ui/results/results_view.h"

namespace cxr::ui {

ResultsPage::ResultsPage(QWidget* parent) : QWizardPage(parent) {
    setTitle(tr("Results"));
    setSubTitle(tr("The best checkpoint on the untouched test split. Research and teaching only — not for "
                   "diagnostic use."));
    m_view = new ResultsView(this);
    m_use = new QPushButton(tr("Use this model for review"), this);
    m_use->setToolTip(tr("Loads this run's model in the main window"));
    m_export = new QPushButton(tr("Export PDF report…"), this);
    m_identifiers = new QCheckBox(tr("Include film names and the data folder (patient identifiers)"), this);
    m_identifiers->setChecked(false);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_use);
    buttons->addWidget(m_export);
    buttons->addWidget(m_identifiers);
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
}

void ResultsPage::setRunDirectory(const std::filesystem::path& runDir) {
    m_runDir = runDir;
}

void ResultsPage::initializePage() {
    m_status->clear();
    const bool ok = ErrorReporter::guard(this, tr("Results"), [&] { m_view->setResults(workflows::RunResults::load(m_runDir)); });
    m_use->setEnabled(ok && m_view->results().report.has_value());
    m_export->setEnabled(ok);
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
    const bool ok = ErrorReporter::guard(this, tr("Export PDF report"),
                                         [&] { renderReport(m_view->results(), toPath(file), options); });
    QApplication::restoreOverrideCursor();
    if (ok)
        m_status->setText(tr("Report written to %1").arg(QDir::toNativeSeparators(file)));
    return ok;
}

}  // namespace cxr::ui
