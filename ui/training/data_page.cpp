#include "ui/training/data_page.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "core/workflows/demo_workflow.h"
#include "ui/common/error_reporter.h"
#include "ui/common/notice_text.h"
#include "ui/common/qt_convert.h"
#include "ui/training/wizard_plan.h"

namespace cxr::ui {

struct DataPage::ScanOutcome {
    std::optional<workflows::DatasetSummary> summary;
    QString error;
    QString folder;  // scanned (for a demo: the folder made)
};

namespace {

// Forwards the demo's progress to the page's bar on the GUI thread.
class BarProgress : public ProgressSink {
public:
    explicit BarProgress(QProgressBar* bar) : m_bar(bar) {}
    void onProgress(const Progress& p) override {
        const int done = static_cast<int>(p.done), total = static_cast<int>(p.total);
        QPointer<QProgressBar> bar = m_bar;
        QMetaObject::invokeMethod(
            m_bar,
            [bar, done, total] {
                if (!bar)
                    return;
                bar->setRange(0, total > 0 ? total : 0);
                bar->setValue(done);
            },
            Qt::QueuedConnection);
    }

private:
    QProgressBar* m_bar;
};

QTableWidgetItem* numberItem(std::size_t n) {
    auto* item = new QTableWidgetItem(QString::number(static_cast<qulonglong>(n)));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

}  // namespace

DataPage::DataPage(WizardPlan* plan, QWidget* parent)
    : QWizardPage(parent), m_plan(plan), m_watcher(new QFutureWatcher<void>(this)) {
    setTitle(tr("Data"));
    setSubTitle(tr("Choose a chest X-ray folder in the Kaggle layout (train, val and test folders, "
                   "each with one folder per class), or let CXR Studio make a synthetic demo set."));

    m_folder = new QLineEdit(this);
    m_folder->setPlaceholderText(tr("Folder with train/ and test/ (val/ optional)"));
    m_browse = new QPushButton(tr("Browse…"), this);
    m_demo = new QPushButton(tr("Make a demo set…"), this);
    m_demo->setToolTip(tr("Synthesizes about 600 chest films with known opacities (a few seconds)"));
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_browse);
    folderRow->addWidget(m_demo);

    m_policy = new QComboBox(this);
    m_policy->addItem(tr("Automatic (re-split train by patient when val is small)"), QStringLiteral("auto"));
    m_policy->addItem(tr("Use the val folder as given"), QStringLiteral("folder"));

    m_busy = new QProgressBar(this);
    m_busy->setVisible(false);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(10);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_counts = new QTableWidget(this);
    m_counts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_counts->verticalHeader()->setVisible(false);
    m_counts->setSelectionMode(QAbstractItemView::NoSelection);
    m_counts->setMinimumHeight(170);

    m_reason = new QLabel(this);
    m_reason->setWordWrap(true);
    m_problemsTitle = new QLabel(tr("Problems found"), this);
    m_problems = new QListWidget(this);
    m_problems->setMaximumHeight(90);
    m_problemsTitle->setVisible(false);
    m_problems->setVisible(false);

    auto* form = new QFormLayout;
    form->addRow(tr("Validation:"), m_policy);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(folderRow);
    layout->addWidget(m_busy);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_counts, 1);
    layout->addWidget(m_reason);
    layout->addWidget(m_problemsTitle);
    layout->addWidget(m_problems);

    connect(m_browse, &QPushButton::clicked, this, &DataPage::browse);
    connect(m_demo, &QPushButton::clicked, this, &DataPage::makeDemoSet);
    connect(m_folder, &QLineEdit::editingFinished, this, [this] {
        if (!m_summary || toQString(m_summary->root) != m_folder->text())
            rescan();
    });
    connect(m_policy, &QComboBox::currentIndexChanged, this, [this] { rescan(); });
    connect(m_watcher, &QFutureWatcher<void>::finished, this, &DataPage::onScanFinished);
}

DataPage::~DataPage() {
    m_watcher->waitForFinished();
}

data::ValPolicy DataPage::policy() const {
    return m_policy->currentData().toString() == QStringLiteral("folder") ? data::ValPolicy::Folder
                                                                           : data::ValPolicy::Auto;
}

bool DataPage::isBusy() const {
    return m_watcher->isRunning();
}

bool DataPage::isComplete() const {
    return m_summary.has_value() && !isBusy();
}

bool DataPage::validatePage() {
    if (!m_summary)
        return false;
    m_plan->dataset = m_summary;
    m_plan->request.dataDir = m_summary->root;
    m_plan->request.config.valPolicy = m_summary->policy;
    return true;
}

void DataPage::setFolder(const QString& folder) {
    m_folder->setText(folder);
    rescan();
}

void DataPage::browse() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose a data folder"), m_folder->text());
    if (!folder.isEmpty())
        setFolder(folder);
}

void DataPage::makeDemoSet() {
    const QString base = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Choose a folder for the demo set (its data go into a sub-folder “data”)"), base);
    if (folder.isEmpty() || isBusy())
        return;
    m_summary.reset();
    m_status->setText(tr("Making a synthetic demo set in %1…").arg(QDir::toNativeSeparators(folder)));
    m_busy->setVisible(true);
    m_busy->setRange(0, 0);
    Q_EMIT completeChanged();
    auto outcome = std::make_shared<ScanOutcome>();
    m_outcome = outcome;
    const auto valPolicy = policy();
    auto* bar = m_busy;
    m_watcher->setFuture(QtConcurrent::run([outcome, folder, valPolicy, bar] {
        try {
            BarProgress progress(bar);
            workflows::DemoOptions options;
            options.outDir = toPath(folder);
            const auto demo = workflows::runDemo(options, &progress);
            outcome->folder = toQString(demo.dataDir);
            outcome->summary = workflows::summarizeDataset(demo.dataDir, valPolicy);
        } catch (...) {
            outcome->error = ErrorReporter::describeCurrent();
        }
    }));
}

void DataPage::rescan() {
    if (isBusy()) {
        ++m_generation;  // scan again when the running one ends
        return;
    }
    const QString folder = m_folder->text().trimmed();
    m_summary.reset();
    Q_EMIT completeChanged();
    if (folder.isEmpty()) {
        m_status->setText(tr("No folder chosen yet."));
        return;
    }
    m_status->setText(tr("Scanning %1…").arg(QDir::toNativeSeparators(folder)));
    m_busy->setVisible(true);
    m_busy->setRange(0, 0);
    auto outcome = std::make_shared<ScanOutcome>();
    outcome->folder = folder;
    m_outcome = outcome;
    const auto valPolicy = policy();
    m_watcher->setFuture(QtConcurrent::run([outcome, folder, valPolicy] {
        try {
            outcome->summary = workflows::summarizeDataset(toPath(folder), valPolicy);
        } catch (...) {
            outcome->error = ErrorReporter::describeCurrent();
        }
    }));
}

void DataPage::onScanFinished() {
    m_busy->setVisible(false);
    const auto outcome = m_outcome;
    if (m_generation > 0) {
        m_generation = 0;
        if (outcome && !outcome->folder.isEmpty() && outcome->summary)
            m_folder->setText(outcome->folder);
        rescan();
        return;
    }
    if (outcome) {
        if (!outcome->folder.isEmpty())
            m_folder->setText(outcome->folder);
        if (outcome->summary)
            showSummary(*outcome->summary);
        else
            showError(outcome->error);
    }
    Q_EMIT completeChanged();
    Q_EMIT scanned();
}

void DataPage::showError(const QString& message) {
    m_summary.reset();
    m_counts->clear();
    m_counts->setRowCount(0);
    m_counts->setColumnCount(0);
    m_reason->clear();
    m_status->setText(QStringLiteral("<span style='color:#b00020'>%1</span>").arg(message.toHtmlEscaped()));
}

void DataPage::showSummary(const workflows::DatasetSummary& s) {
    m_summary = s;
    QStringList headers{tr("Split")};
    for (const auto& c : s.classes)
        headers << toQString(c);
    headers << tr("Films") << tr("Patients");
    m_counts->clear();
    m_counts->setColumnCount(headers.size());
    m_counts->setHorizontalHeaderLabels(headers);
    const int rows = static_cast<int>(s.folders.size() + s.plan.size());
    m_counts->setRowCount(rows);
    int r = 0;
    auto addRow = [&](const workflows::DatasetRow& row, const QString& label, bool bold) {
        auto* name = new QTableWidgetItem(label);
        QFont f = name->font();
        f.setBold(bold);
        name->setFont(f);
        m_counts->setItem(r, 0, name);
        int c = 1;
        for (std::size_t n : row.perClass)
            m_counts->setItem(r, c++, numberItem(n));
        m_counts->setItem(r, c++, numberItem(row.films));
        m_counts->setItem(r, c++, numberItem(row.patients));
        ++r;
    };
    for (const auto& row : s.folders)
        addRow(row, tr("folder %1/").arg(toQString(row.name)), false);
    const QStringList used{tr("→ training"), tr("→ validation"), tr("→ test")};
    for (std::size_t i = 0; i < s.plan.size(); ++i)
        addRow(s.plan[i], i < static_cast<std::size_t>(used.size()) ? used[static_cast<int>(i)] : toQString(s.plan[i].name),
               true);
    m_counts->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_counts->resizeRowsToContents();

    std::size_t films = 0;
    for (const auto& row : s.folders)
        films += row.films;
    QString status = tr("%n film(s) in %1", nullptr, static_cast<int>(films)).arg(QDir::toNativeSeparators(toQString(s.root)));
    if (s.synthetic)
        status += tr(" — a synthetic set (not real patients)");
    m_status->setText(status);
    m_reason->setText(tr("<b>Validation policy: %1.</b> %2")
                          .arg(s.policy == "folder" ? tr("use the val folder") : tr("automatic"))
                          .arg(noticeText(s.reason).toHtmlEscaped()));
    m_problems->clear();
    for (const auto& p : s.problems)
        m_problems->addItem(noticeText(p));
    m_problemsTitle->setText(tr("Problems found (skipped, not fatal): %n", nullptr, static_cast<int>(s.problems.size())));
    m_problemsTitle->setVisible(!s.problems.empty());
    m_problems->setVisible(!s.problems.empty());
}

}  // namespace cxr::ui
