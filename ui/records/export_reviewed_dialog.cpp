#include "ui/records/export_reviewed_dialog.h"

#include <chrono>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMetaObject>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/workflows/review_records.h"
#include "ui/common/app_settings.h"
#include "ui/common/background.h"
#include "ui/common/error_reporter.h"
#include "ui/common/eta_text.h"
#include "ui/common/qt_convert.h"
#include "ui/diagnosis/review_item.h"
#include "ui/records/shared_records.h"

namespace cxr::ui {
namespace {

struct Outcome {
    std::optional<workflows::ExportResult> result;
    QString error;
};

QString countsText(const std::map<std::string, std::int64_t>& counts) {
    QStringList parts;
    for (const auto& [label, n] : counts) parts << QStringLiteral("%1 %2").arg(n).arg(classTitle(toQString(label)));
    return parts.isEmpty() ? ExportReviewedDialog::tr("none") : parts.join(QStringLiteral(", "));
}

}  // namespace

ExportReviewedDialog::ExportReviewedDialog(std::shared_ptr<SharedRecords> records, QWidget* parent)
    : QDialog(parent), m_records(std::move(records)) {
    setWindowTitle(tr("Export Reviewed Films"));
    auto* intro = new QLabel(tr("Writes every film whose latest verdict labels it Normal or Pneumonia into a new folder "
                                "in the training layout (train/ and test/, NORMAL/ and PNEUMONIA/), under de-identified "
                                "names, with provenance.csv saying who labelled what. DICOM films are written as the "
                                "8-bit image the model reads, so no patient data travels in the files."),
                             this);
    intro->setWordWrap(true);
    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("exportFolder"));
    m_folder->setPlaceholderText(tr("a new or empty folder"));
    auto* browse = new QToolButton(this);
    browse->setText(tr("Browse…"));
    connect(browse, &QToolButton::clicked, this, &ExportReviewedDialog::browse);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    m_testShare = new QDoubleSpinBox(this);
    m_testShare->setRange(0, 50);
    m_testShare->setSingleStep(5);
    m_testShare->setDecimals(0);
    m_testShare->setSuffix(QStringLiteral(" %"));
    m_testShare->setValue(20);
    m_testShare->setToolTip(tr("Share of each label's films kept apart as test/ (films of one study stay together)"));
    m_links = new QCheckBox(tr("Hard-link raster films instead of copying them (same disk only)"), this);
    m_links->setChecked(true);
    auto* form = new QFormLayout;
    auto* folderLabel = new QLabel(tr("&Folder:"), this);
    folderLabel->setBuddy(m_folder);
    form->addRow(folderLabel, folderRow);
    form->addRow(tr("&Test share:"), m_testShare);
    form->addRow(QString(), m_links);

    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("exportResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(this);
    m_export = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_train = buttons->addButton(tr("&Train on These Films…"), QDialogButtonBox::ActionRole);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    buttons->addButton(QDialogButtonBox::Close);
    m_train->setEnabled(false);
    m_cancel->setEnabled(false);
    connect(m_export, &QPushButton::clicked, this, &ExportReviewedDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_cancelToken) m_cancelToken->cancel();
    });
    connect(m_train, &QPushButton::clicked, this, [this] {
        Q_EMIT trainRequested(m_done);
        accept();
    });
    connect(buttons->button(QDialogButtonBox::Close), &QPushButton::clicked, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_result, 1);
    layout->addWidget(buttons);
    resize(620, 340);
}

ExportReviewedDialog::~ExportReviewedDialog() {
    if (m_cancelToken) m_cancelToken->cancel();  // the job stops between films; it owns what it uses
}

void ExportReviewedDialog::setFolder(const QString& folder) { m_folder->setText(folder); }

void ExportReviewedDialog::setTestShare(double fraction) { m_testShare->setValue(100.0 * fraction); }

void ExportReviewedDialog::browse() {
    AppSettings settings;
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Export Reviewed Films To"),
                                                             settings.lastFolder(QStringLiteral("exports")));
    if (!folder.isEmpty()) {
        settings.setLastFolder(QStringLiteral("exports"), folder);
        m_folder->setText(folder);
    }
}

void ExportReviewedDialog::start() {
    const QString folder = m_folder->text().trimmed();
    if (m_running) return;
    if (folder.isEmpty()) {
        m_result->setText(tr("Choose a new or empty folder first."));
        return;
    }
    m_running = true;
    m_done.clear();
    m_cancelToken = std::make_shared<CancelToken>();
    m_export->setEnabled(false);
    m_train->setEnabled(false);
    m_cancel->setEnabled(true);
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    m_result->setText(tr("Exporting…"));
    workflows::ExportOptions options;
    options.testFraction = m_testShare->value() / 100.0;
    options.allowLinks = m_links->isChecked();
    options.cancel = m_cancelToken.get();
    QPointer<ExportReviewedDialog> self = this;
    const auto started = std::chrono::steady_clock::now();
    options.progress = [self, started](std::int64_t done, std::int64_t total) {
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        const double eta = done > 0 ? elapsed * static_cast<double>(total - done) / static_cast<double>(done) : -1.0;
        QMetaObject::invokeMethod(self, [self, done, total, eta] {
            if (!self || !self->m_running) return;
            self->m_progress->setRange(0, static_cast<int>(total));
            self->m_progress->setValue(static_cast<int>(done));
            self->m_result->setText(tr("Exporting: step %1 of %2 · %3").arg(done).arg(total).arg(etaText(eta)));
        }, Qt::QueuedConnection);
    };
    const auto records = m_records;
    const auto token = m_cancelToken;  // alive as long as the job
    const auto dir = toPath(folder);
    runInBackground(
        this,
        [records, dir, options, token] {
            Outcome o;
            try {
                o.result = records->with([&](const records::RecordsDb& db) { return workflows::exportReviewed(db, dir, options); });
            } catch (...) {
                o.error = ErrorReporter::describeCurrent();
            }
            return o;
        },
        [this, folder](const Outcome& o) {
            if (!o.result) {
                finish(o.error, false);
                return;
            }
            const workflows::ExportResult& r = *o.result;
            QString text = tr("Exported %n film(s) to %1.", nullptr, static_cast<int>(r.exported))
                               .arg(QDir::toNativeSeparators(folder));
            text += QLatin1Char('\n') + tr("train: %1; test: %2.").arg(countsText(r.trainCounts), countsText(r.testCounts));
            if (r.skippedOther > 0) text += QLatin1Char('\n') + tr("%n labelled Other left out.", nullptr, static_cast<int>(r.skippedOther));
            if (!r.missing.empty() || !r.changed.empty()) {
                text += QLatin1Char('\n') + tr("Not exported: %1 film(s) whose file is gone, %2 whose file changed since it was reviewed.")
                                                .arg(r.missing.size())
                                                .arg(r.changed.size());
            }
            m_done = folder;
            finish(text, true);
        });
}

void ExportReviewedDialog::finish(const QString& summary, bool ok) {
    m_running = false;
    m_cancel->setEnabled(false);
    m_export->setEnabled(!ok);
    m_train->setEnabled(ok);
    m_progress->setVisible(false);
    m_result->setText(summary);
}

QString ExportReviewedDialog::resultText() const { return m_result->text(); }

}  // namespace cxr::ui
