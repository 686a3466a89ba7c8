#include "ui/training/train_page.h"

#include <algorithm>
#include <cmath>

#include <QChartView>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>
#include <QWizard>

#include "core/training/metrics_log.h"
#include "core/training/run_directory.h"
#include "ui/common/app_settings.h"
#include "ui/common/notice_text.h"
#include "ui/common/qt_convert.h"
#include "ui/common/term_text.h"
#include "ui/training/training_charts.h"
#include "ui/common/eta_text.h"
#include "ui/training/training_session.h"
#include "ui/training/wizard_plan.h"

namespace cxr::ui {
namespace {

QChartView* makeView(QChart* chart, QWidget* parent) {
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(180);
    return view;
}

}  // namespace

TrainPage::TrainPage(WizardPlan* plan, QWidget* parent)
    : QWizardPage(parent),
      m_plan(plan),
      m_session(new TrainingSession(this)),
      m_charts(new TrainingCharts(this)),
      m_redraw(new QTimer(this)) {
    setTitle(tr("Train"));
    setSubTitle(tr("Training runs in the background; the window stays usable. Cancel keeps the best "
                   "checkpoint so far, and Resume continues from the last finished epoch."));

    m_lossView = makeView(m_charts->lossChart(), this);
    m_accuracyView = makeView(m_charts->accuracyChart(), this);
    m_lrView = makeView(m_charts->learningRateChart(), this);
    m_lrView->setMinimumHeight(140);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setFormat(tr("Waiting to start"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setMinimumHeight(70);
    m_cancel = new QPushButton(tr("Cancel training"), this);
    m_resume = new QPushButton(tr("Resume"), this);
    m_resume->setEnabled(false);

    auto* charts = new QWidget(this);
    auto* grid = new QGridLayout(charts);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_lossView, 0, 0);
    grid->addWidget(m_accuracyView, 0, 1);
    grid->addWidget(m_lrView, 1, 0);
    grid->addWidget(m_log, 1, 1);
    grid->setRowStretch(0, 3);
    grid->setRowStretch(1, 2);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_resume);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(charts, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    connect(m_cancel, &QPushButton::clicked, this, &TrainPage::cancel);
    connect(m_resume, &QPushButton::clicked, this, &TrainPage::resume);
    m_redraw->setInterval(100);  // charts redraw at most ten times a second
    connect(m_redraw, &QTimer::timeout, this, &TrainPage::redraw);

    connect(m_session, &TrainingSession::trainingEvent, this, &TrainPage::onEvent);
    connect(m_session, &TrainingSession::stopped, this, [this] {
        m_redraw->stop();
        redraw();
        Q_EMIT completeChanged();  // isComplete() waits for the thread to end
    });
}

TrainPage::~TrainPage() = default;

bool TrainPage::isRunning() const {
    return m_session->isRunning();
}

bool TrainPage::isComplete() const {
    return m_succeeded && !m_session->isRunning();
}

void TrainPage::initializePage() {
    if (!m_started || !m_session->isRunning())
        start(m_plan->request.resume);
}

void TrainPage::cleanupPage() {
    // The phases page is a commit page, so there is no way back; cancel defensively anyway.
    if (m_session->isRunning())
        m_session->cancel();
}

void TrainPage::cancel() {
    if (!m_session->isRunning())
        return;
    m_session->cancel();
    m_cancel->setEnabled(false);
    log(tr("Cancelling: stopping within the current batch…"));
}

void TrainPage::resume() {
    if (m_session->isRunning())
        return;
    start(true);
}

void TrainPage::loadPreviousEpochs() {
    // A resumed run continues the curves it already drew.
    try {
        const auto rows = training::MetricsLog::read(training::RunDirectory(m_plan->request.runDir).metricsFile()).rows();
        m_history = training::TrainingHistory::fromEpochs(rows, m_plan->request.config);
    } catch (...) {
        m_history = training::TrainingHistory{};
    }
}

void TrainPage::start(bool resume) {
    m_started = true;
    m_succeeded = false;
    m_dirty = true;
    m_etaSeconds = -1;
    m_stageText.clear();
    if (resume)
        loadPreviousEpochs();
    else
        m_history = training::TrainingHistory{};
    auto request = m_plan->request;
    request.resume = resume;
    request.record = AppSettings().keepRecords();
    m_totalEpochs = request.config.totalEpochs();
    m_phaseCount = static_cast<int>(request.config.phases.size());
    if (!m_session->start(request))
        return;
    m_clock.start();
    log(resume ? tr("Resuming the run in %1").arg(toQString(request.runDir))
               : tr("Starting a run in %1").arg(toQString(request.runDir)));
    m_cancel->setEnabled(true);
    m_resume->setEnabled(false);
    m_progress->setFormat(tr("Preparing…"));
    m_redraw->start();
    redraw();
    Q_EMIT completeChanged();
}

void TrainPage::log(const QString& line) {
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"));
    m_log->appendPlainText(stamp + QStringLiteral("  ") + line);
}

void TrainPage::redraw() {
    if (!m_dirty)
        return;
    m_dirty = false;
    m_charts->update(m_history);
    updateProgress();
}

void TrainPage::updateProgress() {
    const int done = m_history.epochsDone();
    double fraction = 0;
    if (m_totalEpochs > 0) {
        double within = 0;
        if (m_lastBatch.batches > 0 && static_cast<int>(m_history.epochs().size()) == done)
            within = static_cast<double>(m_lastBatch.batch) / static_cast<double>(m_lastBatch.batches);
        if (m_lastBatch.batch == m_lastBatch.batches)
            within = 0;
        fraction = std::min(1.0, (done + within) / m_totalEpochs);
    }
    m_progress->setValue(static_cast<int>(fraction * 1000));
    QString text;
    if (m_succeeded)
        text = tr("Done");
    else if (!m_phaseName.isEmpty() && m_lastBatch.batches > 0)
        text = tr("Phase %1/%2 (%3) · epoch %4 · batch %5/%6 · %7")
                   .arg(m_lastBatch.phase + 1)
                   .arg(m_phaseCount)
                   .arg(m_phaseName)
                   .arg(m_lastBatch.epoch + 1)
                   .arg(m_lastBatch.batch)
                   .arg(m_lastBatch.batches)
                   .arg(etaText(m_etaSeconds));
    else if (!m_stageText.isEmpty())
        text = m_stageText;
    else
        text = tr("Preparing…");
    m_progress->setFormat(text);
}

void TrainPage::onEvent(const TrainingEvent& event) {
    if (const auto* e = std::get_if<training::RunStartInfo>(&event))
        onRunStarted(*e);
    else if (const auto* e = std::get_if<training::PhaseInfo>(&event))
        onPhaseStarted(*e);
    else if (const auto* e = std::get_if<training::BatchInfo>(&event))
        onBatch(*e);
    else if (const auto* e = std::get_if<ValidationProgress>(&event))
        onValidation(*e);
    else if (const auto* e = std::get_if<training::EpochResult>(&event))
        onEpochFinished(*e);
    else if (const auto* e = std::get_if<training::BestCheckpointInfo>(&event))
        onNewBest(*e);
    else if (const auto* e = std::get_if<training::PhaseResult>(&event))
        onPhaseFinished(*e);
    else if (const auto* e = std::get_if<StageProgress>(&event))
        onStage(e->progress);
    else if (const auto* e = std::get_if<TrainingWarning>(&event))
        onWarning(*e);
    else if (std::holds_alternative<RunSucceeded>(event))
        onSucceeded();
    else if (const auto* e = std::get_if<RunFailed>(&event))
        onFailed(*e);
    // Epoch starts and the run's summary draw nothing here: the epoch's batches and the
    // results page show them.
}

void TrainPage::onRunStarted(const training::RunStartInfo& info) {
    m_totalEpochs = info.totalEpochs > 0 ? info.totalEpochs : m_totalEpochs;
    log(tr("Device: %1; %2 training and %3 validation films; %n epoch(s) planned", nullptr, info.totalEpochs)
            .arg(noticeText(info.deviceDescription))
            .arg(info.trainFilms)
            .arg(info.valFilms));
    if (info.resumed)
        log(tr("Resumed at phase %1, epoch %2").arg(info.startPhase + 1).arg(info.startEpoch + 1));
}

void TrainPage::onPhaseStarted(const training::PhaseInfo& info) {
    m_history.onPhaseStarted(info);
    m_phaseName = termText(info.name);
    m_lastBatch = {};
    log(tr("Phase %1/%2: %3 — %4 epoch(s), lr %5, %6 trainable parameters")
            .arg(info.phase + 1)
            .arg(info.phaseCount)
            .arg(m_phaseName)
            .arg(info.epochs)
            .arg(localeNumber(info.learningRate, 3, 'g'))
            .arg(static_cast<qulonglong>(info.trainableParameters)));
    markDirty();
}

void TrainPage::onBatch(const training::BatchInfo& info) {
    m_history.onBatch(info);
    m_lastBatch = info;
    if (info.etaSeconds >= 0)
        m_etaSeconds = info.etaSeconds;
    m_status->setText(tr("Running loss %1 · running accuracy %2 · %3 images/s")
                          .arg(localeNumber(info.runningLoss, 4))
                          .arg(localeNumber(info.runningAccuracy, 3))
                          .arg(localeNumber(info.imagesPerSecond, 1)));
    markDirty();
}

void TrainPage::onEpochFinished(const training::EpochResult& r) {
    m_history.onEpochFinished(r);
    if (r.etaSeconds >= 0)
        m_etaSeconds = r.etaSeconds;
    log(tr("Phase %1 epoch %2: train loss %3 acc %4 · val loss %5 acc %6 · lr %7%8")
            .arg(r.phase + 1)
            .arg(r.epoch + 1)
            .arg(localeNumber(r.trainLoss, 4))
            .arg(localeNumber(r.trainAccuracy, 3))
            .arg(localeNumber(r.valLoss, 4))
            .arg(localeNumber(r.valAccuracy, 3))
            .arg(localeNumber(r.learningRate, 3, 'g'))
            .arg(r.best ? tr(" · new best") : tr(" · no improvement %1/%2").arg(r.earlyStopCounter).arg(r.patience)));
    markDirty();
}

void TrainPage::onNewBest(const training::BestCheckpointInfo& best) {
    log(tr("Best checkpoint: phase %1 epoch %2, val loss %3").arg(best.phase + 1).arg(best.epoch + 1).arg(localeNumber(best.valLoss, 4)));
}

void TrainPage::onPhaseFinished(const training::PhaseResult& r) {
    m_history.onPhaseFinished(r);
    log(tr("Phase %1 ended after %n epoch(s): %2", nullptr, r.epochsRun).arg(r.phase + 1).arg(noticeText(r.stopReason)));
    markDirty();
}

void TrainPage::onValidation(const ValidationProgress& progress) {
    m_stageText = tr("validating %1/%2").arg(progress.done).arg(progress.total);
    updateProgress();
}

void TrainPage::onStage(const Progress& progress) {
    const QString stage = noticeText(progress.stage);
    const bool changed = !m_stageText.startsWith(stage);
    m_stageText = progress.total > 0
                      ? tr("%1 %2/%3 · %4").arg(stage).arg(progress.done).arg(progress.total).arg(etaText(progress.etaSeconds))
                      : stage;
    if (changed)
        log(stage);
    if (m_history.epochsDone() >= m_totalEpochs || m_phaseName.isEmpty() || !m_session->isRunning())
        m_phaseName.clear();
    updateProgress();
}

void TrainPage::onWarning(const TrainingWarning& warning) {
    log(tr("Warning: %1").arg(noticeText(warning.notice)));
}

void TrainPage::onSucceeded() {
    m_succeeded = true;
    m_cancel->setEnabled(false);
    m_resume->setEnabled(false);
    log(tr("Finished in %1 s. The model and its test report are in %2")
            .arg(localeNumber(m_clock.elapsed() / 1000.0, 1))
            .arg(toQString(m_plan->request.runDir)));
    m_dirty = true;
    redraw();
    Q_EMIT completeChanged();
    Q_EMIT runSucceeded();
}

void TrainPage::onFailed(const RunFailed& failure) {
    const bool cancelled = failure.cancelled;
    const QString& message = failure.message;
    m_cancel->setEnabled(false);
    const bool resumable = training::RunDirectory(m_plan->request.runDir).hasRun();
    m_resume->setEnabled(resumable);
    if (cancelled)
        log(tr("Cancelled. The best checkpoint so far is kept; Resume continues the run."));
    else
        log(tr("Training failed: %1").arg(message));
    m_status->setText(cancelled ? tr("Cancelled.") : QStringLiteral("<span style='color:#b00020'>%1</span>").arg(message.toHtmlEscaped()));
    m_progress->setFormat(cancelled ? tr("Cancelled") : tr("Failed"));
    Q_EMIT completeChanged();
    Q_EMIT runStopped(cancelled);
}

}  // namespace cxr::ui
