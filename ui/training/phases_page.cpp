#include "ui/training/phases_page.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QWizard>

#include "core/model/cpu_features.h"
#include "core/model/device.h"
#include "core/training/run_directory.h"
#include "ui/common/notice_text.h"
#include "ui/common/qt_convert.h"
#include "ui/training/cluster_job_dialog.h"
#include "ui/common/term_text.h"
#include "ui/training/wizard_plan.h"

namespace cxr::ui {
namespace {

enum Column { kName, kTrainable, kEpochs, kRate, kStep, kGamma, kPatience, kColumns };

QString trainableText(const std::vector<std::string>& prefixes) {
    if (prefixes.empty())
        return QObject::tr("everything");
    QStringList parts;
    for (const auto& p : prefixes)
        parts << toQString(p);
    return parts.join(QStringLiteral(" + "));
}

QSpinBox* intCell(int lo, int hi, int value) {
    auto* s = new QSpinBox;
    s->setRange(lo, hi);
    s->setValue(value);
    s->setFrame(false);
    return s;
}

QDoubleSpinBox* doubleCell(double lo, double hi, int decimals, double step, double value) {
    auto* s = new QDoubleSpinBox;
    s->setRange(lo, hi);
    s->setDecimals(decimals);
    s->setSingleStep(step);
    s->setValue(value);
    s->setFrame(false);
    return s;
}

}  // namespace

PhasesPage::PhasesPage(WizardPlan* plan, QWidget* parent) : QWizardPage(parent), m_plan(plan) {
    setTitle(tr("Phases"));
    // Training starts from here: the button says so, and there is no going back into a run.
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("Start training"));
    setSubTitle(tr("Three-phase fine-tuning: the head alone, then layer4 with the head, then the "
                   "whole network. Each phase stops early when its validation loss has not beaten "
                   "the phase's own best for “Patience” epochs (or the run's best, below); the best "
                   "checkpoint across all phases is kept."));

    m_table = new QTableWidget(0, kColumns, this);
    m_table->setHorizontalHeaderLabels({tr("Phase"), tr("Trains"), tr("Epochs"), tr("Learning rate"),
                                        tr("StepLR step"), tr("StepLR gamma"), tr("Patience")});
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    // Phase names are the longest cells, longer still in some languages: never cut them.
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    auto* reset = new QPushButton(tr("Reset to defaults"), this);
    connect(reset, &QPushButton::clicked, this, [this] {
        training::TrainingConfig defaults;
        defaults.device = config().device;
        setConfig(defaults);
    });
    // The plan as it stands, taken to a cluster instead of (or before) training here.
    auto* clusterJob = new QPushButton(tr("Export cluster job…"), this);
    clusterJob->setToolTip(tr("This plan's config.json with a torchrun script and a SLURM batch script, to "
                              "train it on a cluster"));
    connect(clusterJob, &QPushButton::clicked, this, [this] {
        auto* dialog = new ClusterJobDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setPaths(toQString(m_plan->request.dataDir), m_output->text().trimmed(),
                         m_plan->request.weights ? toQString(*m_plan->request.weights) : QString());
        dialog->setConfig(config().toJson());
        dialog->open();
    });
    m_total = new QLabel(this);

    m_batch = new QSpinBox(this);
    m_batch->setRange(1, 1024);
    m_imageSize = new QSpinBox(this);
    m_imageSize->setRange(32, 1024);
    m_imageSize->setSingleStep(32);
    m_imageSize->setSuffix(tr(" px"));
    m_device = new QComboBox(this);
    model::initTorchThreads();  // so the CPU entry names the thread count training will use
    m_device->addItem(tr("Automatic (CUDA when available)"), QStringLiteral("auto"));
    m_device->addItem(noticeText(model::deviceDescription("cpu")), QStringLiteral("cpu"));
    if (model::cudaAvailable())
        m_device->addItem(noticeText(model::deviceDescription("cuda")), QStringLiteral("cuda"));
    else
        m_device->setToolTip(tr("No CUDA device was found: training runs on the CPU."));
    m_precision = new QComboBox(this);
    const auto& bf16 = model::cpuBf16Support();
    m_precision->addItem(tr("Automatic (bf16 on CUDA, fp32 on the CPU)"), QStringLiteral("auto"));
    m_precision->addItem(tr("fp32"), QStringLiteral("fp32"));
    m_precision->addItem(bf16.fast() ? tr("bf16 (faster on this processor, %1; lower AUC on real films)")
                                           .arg(toQString(bf16.describe()))
                                     : tr("bf16 (emulated on this processor: slower than fp32)"),
                         QStringLiteral("bf16"));
    m_precision->setToolTip(tr("The arithmetic of training steps. bf16 is about twice as fast on processors with "
                               "AVX512-BF16 or AMX and on GPUs; weights, checkpoints and the exported model stay "
                               "fp32, and validation and the test report are computed in fp32."));
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, 1 << 30);
    m_earlyStopOn = new QComboBox(this);
    m_earlyStopOn->addItem(tr("the phase's own best (each phase stops on its own)"), QStringLiteral("phase"));
    m_earlyStopOn->addItem(tr("the best of the whole run"), QStringLiteral("run"));
    m_earlyStopOn->setToolTip(tr("Which validation loss an epoch must beat to count as an improvement for early "
                                 "stopping. The saved checkpoint is always the best of the whole run."));
    m_freezeBatchNorm = new QCheckBox(tr("Keep BatchNorm statistics of frozen layers fixed"), this);
    m_freezeBatchNorm->setToolTip(tr("Off (the default, like the seed script): the running means and variances "
                                     "of frozen layers still follow this data set while a phase trains other "
                                     "layers. On: frozen layers keep the statistics they started with."));

    m_output = new QLineEdit(this);
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* outRow = new QHBoxLayout;
    outRow->addWidget(m_output, 1);
    outRow->addWidget(browse);
    m_resume = new QCheckBox(tr("Resume the run in this folder"), this);
    m_resume->setVisible(false);
    m_outputState = new QLabel(this);
    m_outputState->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Batch size:"), m_batch);
    form->addRow(tr("Image size:"), m_imageSize);
    form->addRow(tr("Device:"), m_device);
    form->addRow(tr("Precision:"), m_precision);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(tr("Early stopping compares with:"), m_earlyStopOn);
    form->addRow(QString(), m_freezeBatchNorm);
    form->addRow(tr("Output folder:"), outRow);
    form->addRow(QString(), m_resume);
    form->addRow(QString(), m_outputState);

    auto* tableRow = new QHBoxLayout;
    tableRow->addWidget(m_total, 1);
    tableRow->addWidget(reset);
    tableRow->addWidget(clusterJob);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addLayout(tableRow);
    layout->addLayout(form);
    layout->addStretch(1);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Run output folder"), m_output->text());
        if (!folder.isEmpty())
            setOutputFolder(folder);
    });
    connect(m_output, &QLineEdit::textEdited, this, [this] {
        m_outputTouched = true;
        updateOutputState();
    });
    connect(m_resume, &QCheckBox::toggled, this, &PhasesPage::updateOutputState);
    setConfig(training::TrainingConfig{});
}

void PhasesPage::setConfig(const training::TrainingConfig& given) {
    // Earlier pages own the split policy and class weighting; keep theirs.
    training::TrainingConfig c = given;
    c.valPolicy = m_plan->request.config.valPolicy;
    c.classWeighting = m_plan->request.config.classWeighting;
    m_plan->request.config = c;
    // The cell editors are made once per row and then only refilled: replacing cell widgets
    // leaves the old ones on screen until the event loop deletes them.
    if (m_table->rowCount() != static_cast<int>(c.phases.size())) {
        m_table->setRowCount(static_cast<int>(c.phases.size()));
        for (int r = 0; r < m_table->rowCount(); ++r) {
            auto* epochs = intCell(1, 1000, 1);
            connect(epochs, &QSpinBox::valueChanged, this, [this] {
                m_total->setText(tr("At most %n epoch(s) in all", nullptr, config().totalEpochs()));
            });
            m_table->setCellWidget(r, kEpochs, epochs);
            m_table->setCellWidget(r, kRate, doubleCell(1e-7, 1.0, 7, 1e-4, 1e-3));
            m_table->setCellWidget(r, kStep, intCell(1, 1000, 1));
            m_table->setCellWidget(r, kGamma, doubleCell(0.001, 1.0, 3, 0.05, 0.1));
            m_table->setCellWidget(r, kPatience, intCell(1, 1000, 1));
        }
        const int rowHeight = m_table->cellWidget(0, kEpochs)->sizeHint().height() + 4;
        m_table->verticalHeader()->setDefaultSectionSize(rowHeight);
        m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() + rowHeight * m_table->rowCount() +
                                2 * m_table->frameWidth() + 2);
    }
    for (int r = 0; r < static_cast<int>(c.phases.size()); ++r) {
        const auto& p = c.phases[static_cast<std::size_t>(r)];
        auto* name = new QTableWidgetItem(tr("%1. %2").arg(r + 1).arg(termText(p.name)));
        name->setFlags(Qt::ItemIsEnabled);
        auto* trains = new QTableWidgetItem(trainableText(p.trainable));
        trains->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(r, kName, name);
        m_table->setItem(r, kTrainable, trains);
        static_cast<QSpinBox*>(m_table->cellWidget(r, kEpochs))->setValue(p.epochs);
        static_cast<QDoubleSpinBox*>(m_table->cellWidget(r, kRate))->setValue(p.learningRate);
        static_cast<QSpinBox*>(m_table->cellWidget(r, kStep))->setValue(p.stepSize);
        static_cast<QDoubleSpinBox*>(m_table->cellWidget(r, kGamma))->setValue(p.gamma);
        static_cast<QSpinBox*>(m_table->cellWidget(r, kPatience))->setValue(p.patience);
    }
    m_batch->setValue(c.batchSize);
    m_imageSize->setValue(c.imageSize);
    const int d = m_device->findData(toQString(c.device));
    m_device->setCurrentIndex(d >= 0 ? d : 0);
    const int precision = m_precision->findData(toQString(c.precision));
    m_precision->setCurrentIndex(precision >= 0 ? precision : 0);
    m_seed->setValue(static_cast<int>(c.seed));
    const int stopOn = m_earlyStopOn->findData(toQString(c.earlyStopOn));
    m_earlyStopOn->setCurrentIndex(stopOn >= 0 ? stopOn : 0);
    m_freezeBatchNorm->setChecked(c.freezeBatchNorm);
    m_total->setText(tr("At most %n epoch(s) in all", nullptr, c.totalEpochs()));
    m_plan->request.config = config();
}

training::TrainingConfig PhasesPage::config() const {
    training::TrainingConfig c = m_plan->request.config;
    const auto defaults = training::TrainingConfig::defaultPhases();
    c.phases.resize(static_cast<std::size_t>(m_table->rowCount()));
    for (int r = 0; r < m_table->rowCount(); ++r) {
        auto& p = c.phases[static_cast<std::size_t>(r)];
        if (p.name.empty() && r < static_cast<int>(defaults.size()))
            p = defaults[static_cast<std::size_t>(r)];
        p.epochs = static_cast<QSpinBox*>(m_table->cellWidget(r, kEpochs))->value();
        p.learningRate = static_cast<QDoubleSpinBox*>(m_table->cellWidget(r, kRate))->value();
        p.stepSize = static_cast<QSpinBox*>(m_table->cellWidget(r, kStep))->value();
        p.gamma = static_cast<QDoubleSpinBox*>(m_table->cellWidget(r, kGamma))->value();
        p.patience = static_cast<QSpinBox*>(m_table->cellWidget(r, kPatience))->value();
    }
    c.batchSize = m_batch->value();
    c.imageSize = m_imageSize->value();
    // The film cache holds films a little larger than the model sees, for random crops.
    if (c.imageSize != m_plan->request.config.imageSize || c.workingSize < c.imageSize)
        c.workingSize = std::max(c.imageSize, c.imageSize * 8 / 7);
    c.device = m_device->currentData().toString().toStdString();
    c.precision = m_precision->currentData().toString().toStdString();
    c.seed = static_cast<std::uint64_t>(m_seed->value());
    c.earlyStopOn = m_earlyStopOn->currentData().toString().toStdString();
    c.freezeBatchNorm = m_freezeBatchNorm->isChecked();
    return c;
}

void PhasesPage::initializePage() {
    if (!m_outputTouched && m_plan->dataset) {
        const QDir dataParent(toQString(m_plan->dataset->root.parent_path()));
        const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        m_output->setText(QDir::toNativeSeparators(dataParent.filePath(QStringLiteral("runs/run-") + stamp)));
    }
    updateOutputState();
}

void PhasesPage::setOutputFolder(const QString& folder) {
    m_output->setText(folder);
    m_outputTouched = true;
    updateOutputState();
}

void PhasesPage::updateOutputState() {
    const QString folder = m_output->text().trimmed();
    const bool hasRun = !folder.isEmpty() && training::RunDirectory(toPath(folder)).hasRun();
    m_resume->setVisible(hasRun);
    if (!hasRun)
        m_resume->setChecked(false);
    if (folder.isEmpty())
        m_outputState->setText(tr("Choose where the run's checkpoints, metrics and model go."));
    else if (hasRun && !m_resume->isChecked())
        m_outputState->setText(tr("<span style='color:#b00020'>This folder already holds a run. Tick "
                                  "“Resume” to continue it, or choose another folder.</span>"));
    else if (hasRun)
        m_outputState->setText(tr("The run continues at its last finished epoch."));
    else
        m_outputState->setText(tr("A new run is created here."));
    Q_EMIT completeChanged();
}

bool PhasesPage::isComplete() const {
    const QString folder = m_output->text().trimmed();
    if (folder.isEmpty())
        return false;
    const bool hasRun = training::RunDirectory(toPath(folder)).hasRun();
    return !hasRun || m_resume->isChecked();
}

bool PhasesPage::validatePage() {
    const auto c = config();
    try {
        c.validate();
    } catch (const std::exception& e) {
        m_outputState->setText(QStringLiteral("<span style='color:#b00020'>%1</span>").arg(QString::fromUtf8(e.what()).toHtmlEscaped()));
        return false;
    }
    m_plan->request.config = c;
    m_plan->request.runDir = toPath(m_output->text().trimmed());
    m_plan->request.resume = m_resume->isChecked();
    return true;
}

}  // namespace cxr::ui
