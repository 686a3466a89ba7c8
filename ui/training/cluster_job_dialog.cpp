#include "ui/training/cluster_job_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "ui/common/error_reporter.h"
#include "ui/common/qt_convert.h"

namespace cxr::ui {

ClusterJobDialog::ClusterJobDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Export cluster job"));
    const workflows::ClusterJob defaults;
    m_nodes = new QSpinBox(this);
    m_nodes->setRange(1, 4096);
    m_nodes->setValue(defaults.nodes);
    m_procs = new QSpinBox(this);
    m_procs->setRange(1, 1024);
    m_procs->setValue(defaults.procsPerNode);
    m_procsLabel = new QLabel(this);
    m_device = new QComboBox(this);
    m_device->addItem(tr("GPU (CUDA, NCCL)"), QStringLiteral("cuda"));
    m_device->addItem(tr("CPU (Gloo)"), QStringLiteral("cpu"));
    m_time = new QLineEdit(toQString(defaults.timeLimit), this);
    m_time->setToolTip(tr("HH:MM:SS or D-HH:MM:SS"));
    m_partition = new QLineEdit(this);
    m_partition->setPlaceholderText(tr("the cluster's default"));
    m_account = new QLineEdit(this);
    m_account->setPlaceholderText(tr("your default"));
    m_data = new QLineEdit(this);
    m_data->setToolTip(tr("The data folder as the cluster's nodes see it"));
    m_run = new QLineEdit(this);
    m_run->setToolTip(tr("The run folder on the cluster; rank 0 writes it, every node must see it"));
    m_weights = new QLineEdit(this);
    m_weights->setPlaceholderText(tr("none: from scratch"));
    m_weights->setToolTip(tr("ImageNet ResNet18 weights (.pth) as the cluster sees them; a run that was "
                             "fine-tuned from them needs them again"));
    for (auto* edit : {m_data, m_run, m_weights})
        edit->setMinimumWidth(300);
    m_threads = new QSpinBox(this);
    m_threads->setRange(1, 1024);
    m_threads->setValue(defaults.threadsPerRank);
    m_executable = new QLineEdit(toQString(defaults.executable), this);
    m_executable->setToolTip(tr("The cxr program on the cluster: a name on PATH or a path"));

    auto* form = new QFormLayout;
    form->addRow(tr("Nodes:"), m_nodes);
    form->addRow(m_procsLabel, m_procs);
    form->addRow(tr("Device:"), m_device);
    form->addRow(tr("Time limit:"), m_time);
    form->addRow(tr("Partition:"), m_partition);
    form->addRow(tr("Account:"), m_account);
    form->addRow(tr("Data folder on the cluster:"), m_data);
    form->addRow(tr("Run folder on the cluster:"), m_run);
    form->addRow(tr("ImageNet weights on the cluster:"), m_weights);
    form->addRow(tr("CPU threads per rank:"), m_threads);
    form->addRow(tr("cxr program:"), m_executable);

    m_preview = new QPlainTextEdit(this);
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setMinimumWidth(560);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_export = buttons->addButton(tr("Export…"), QDialogButtonBox::ActionRole);
    m_export->setToolTip(tr("Writes config.json, torchrun.sh and cxr-train.sbatch into a folder"));

    auto* columns = new QHBoxLayout;
    columns->addLayout(form);
    auto* previewColumn = new QVBoxLayout;
    previewColumn->addWidget(new QLabel(tr("SLURM batch script (cxr-train.sbatch):"), this));
    previewColumn->addWidget(m_preview, 1);
    columns->addLayout(previewColumn, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    for (auto* box : {m_nodes, m_procs, m_threads})
        connect(box, &QSpinBox::valueChanged, this, &ClusterJobDialog::refresh);
    for (auto* edit : {m_time, m_partition, m_account, m_data, m_run, m_weights, m_executable})
        connect(edit, &QLineEdit::textChanged, this, &ClusterJobDialog::refresh);
    connect(m_device, &QComboBox::currentIndexChanged, this, &ClusterJobDialog::refresh);
    connect(m_export, &QPushButton::clicked, this, &ClusterJobDialog::askAndExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    refresh();
}

void ClusterJobDialog::setConfig(const Json& config) {
    m_config = config;
    refresh();
}

bool ClusterJobDialog::setRunDirectory(const std::filesystem::path& runDir) {
    return ErrorReporter::guard(this, tr("Export cluster job"), [&] {
        const Json config = readJsonFile(runDir / "config.json");
        // The desktop's paths as a start: on a cluster that mounts the same storage they are right.
        if (config.is_object() && config.contains("dataDir") && config["dataDir"].is_string())
            m_data->setText(toQString(config["dataDir"].get<std::string>()));
        if (config.is_object() && config.contains("imagenetWeights") && config["imagenetWeights"].is_string())
            m_weights->setText(toQString(config["imagenetWeights"].get<std::string>()));
        const auto name = runDir.lexically_normal().filename().empty() ? runDir.lexically_normal().parent_path().filename()
                                                                       : runDir.lexically_normal().filename();
        m_run->setText(toQString(runDir.lexically_normal().parent_path() / (name.string() + "-cluster")));
        setConfig(config);
    });
}

void ClusterJobDialog::setPaths(const QString& dataDir, const QString& runDir, const QString& weights) {
    m_data->setText(dataDir);
    m_run->setText(runDir);
    m_weights->setText(weights);
}

workflows::ClusterJob ClusterJobDialog::job() const {
    workflows::ClusterJob job;
    job.nodes = m_nodes->value();
    job.procsPerNode = m_procs->value();
    job.device = m_device->currentData().toString().toStdString();
    job.timeLimit = m_time->text().trimmed().toStdString();
    job.partition = m_partition->text().trimmed().toStdString();
    job.account = m_account->text().trimmed().toStdString();
    job.dataDir = m_data->text().toStdString();
    job.runDir = m_run->text().toStdString();
    job.weights = m_weights->text().toStdString();
    job.threadsPerRank = m_threads->value();
    job.executable = m_executable->text().trimmed().toStdString();
    return job;
}

QString ClusterJobDialog::previewText() const { return m_preview->toPlainText(); }

QString ClusterJobDialog::problem() const { return m_problem->text(); }

QString ClusterJobDialog::statusText() const { return m_status->text(); }

// Every change redraws the script core renders for the fields; a field core refuses shows why
// instead, and Export waits until it is fixed.
void ClusterJobDialog::refresh() {
    const bool gpu = m_device->currentData().toString() == QLatin1String("cuda");
    m_procsLabel->setText(gpu ? tr("GPUs per node:") : tr("Processes per node:"));
    QString problem;
    QString script;
    try {
        const auto j = job();
        script = toQString(workflows::renderSlurmScript(j));
        if (!m_config.is_null())
            workflows::clusterTrainingConfig(m_config, j);
    } catch (const std::exception& e) {
        problem = QString::fromStdString(e.what());
    }
    if (m_config.is_null())
        problem = tr("No training config to export.");
    if (m_preview->toPlainText() != script)
        m_preview->setPlainText(script);
    m_problem->setText(problem);
    m_export->setEnabled(problem.isEmpty());
}

bool ClusterJobDialog::exportTo(const QString& folder, bool overwrite) {
    workflows::ClusterJobFiles files;
    const bool ok = ErrorReporter::guard(this, tr("Export cluster job"), [&] {
        files = workflows::writeClusterJob(toPath(folder), m_config, job(), overwrite);
    });
    if (ok)
        m_status->setText(tr("Wrote config.json, torchrun.sh and cxr-train.sbatch to %1. On the cluster: %2")
                              .arg(QDir::toNativeSeparators(folder), toQString(workflows::submitCommand(toPath(folder)))));
    return ok;
}

void ClusterJobDialog::askAndExport() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Export cluster job into"), QDir::homePath());
    if (folder.isEmpty())
        return;
    bool exists = false;
    for (const char* name : {workflows::kClusterConfigFile, workflows::kClusterTorchrunFile, workflows::kClusterSbatchFile})
        exists = exists || QDir(folder).exists(QString::fromLatin1(name));
    const bool replace =
        exists && ErrorReporter::isInteractive() &&
        QMessageBox::question(this, tr("Export cluster job"),
                              tr("%1 already holds a cluster job. Replace its config.json, torchrun.sh and "
                                 "cxr-train.sbatch?")
                                  .arg(QDir::toNativeSeparators(folder))) == QMessageBox::Yes;
    if (exists && !replace && ErrorReporter::isInteractive())
        return;
    exportTo(folder, replace);
}

}  // namespace cxr::ui
