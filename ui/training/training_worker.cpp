#include "ui/training/training_worker.h"

#include <chrono>

#include "core/common/error.h"
#include "ui/common/error_reporter.h"
#include "ui/common/qt_convert.h"

namespace cxr::ui {
namespace {

using Clock = std::chrono::steady_clock;

// The engine's observer on the training thread: each call becomes a signal of the worker.
class QueuedObserver : public training::TrainingObserver {
public:
    explicit QueuedObserver(TrainingWorker* worker) : m_worker(worker) {}

    void onRunStarted(const training::RunStartInfo& info) override { Q_EMIT m_worker->runStarted(info); }
    void onPhaseStarted(const training::PhaseInfo& info) override { Q_EMIT m_worker->phaseStarted(info); }
    void onEpochStarted(const training::EpochInfo& info) override {
        m_lastBatch = {};
        Q_EMIT m_worker->epochStarted(info);
    }
    void onBatch(const training::BatchInfo& info) override {
        if (info.batch == info.batches || due(m_lastBatch))
            Q_EMIT m_worker->batchProgress(info);
    }
    void onValidationProgress(std::size_t done, std::size_t total) override {
        if (done == total || due(m_lastValidation))
            Q_EMIT m_worker->validationProgress(static_cast<qint64>(done), static_cast<qint64>(total));
    }
    void onEpochFinished(const training::EpochResult& result) override { Q_EMIT m_worker->epochFinished(result); }
    void onNewBest(const training::BestCheckpointInfo& best) override { Q_EMIT m_worker->newBest(best); }
    void onPhaseFinished(const training::PhaseResult& result) override { Q_EMIT m_worker->phaseFinished(result); }
    void onStage(const Progress& progress) override {
        // A new stage or its end always goes through; progress within one is coalesced.
        const bool changed = progress.stage != m_lastStageName;
        if (changed || progress.done == progress.total || due(m_lastStage)) {
            m_lastStageName = progress.stage;
            Q_EMIT m_worker->stage(toQString(progress.stage), static_cast<qint64>(progress.done),
                                   static_cast<qint64>(progress.total), progress.etaSeconds);
        }
    }
    void onWarning(const std::string& message) override { Q_EMIT m_worker->warning(toQString(message)); }
    void onRunFinished(const training::TrainingResult& result) override { Q_EMIT m_worker->trainingFinished(result); }

private:
    static bool due(Clock::time_point& last) {
        const auto now = Clock::now();
        if (now - last < std::chrono::milliseconds(TrainingWorker::kThrottleMs))
            return false;
        last = now;
        return true;
    }

    TrainingWorker* m_worker;
    Clock::time_point m_lastBatch{}, m_lastValidation{}, m_lastStage{};
    std::string m_lastStageName;
};

}  // namespace

TrainingWorker::TrainingWorker(TrainingJob job, TrainingRequest request, std::shared_ptr<CancelToken> cancel)
    : m_job(std::move(job)), m_request(std::move(request)), m_cancel(std::move(cancel)) {
    registerTrainingMetaTypes();
}

void TrainingWorker::run() {
    QueuedObserver observer(this);
    try {
        m_job(m_request, observer, *m_cancel);
    } catch (const Error& e) {
        Q_EMIT failed(toQString(std::string(e.what())), e.code() == ErrorCode::Cancelled);
        return;
    } catch (...) {
        Q_EMIT failed(ErrorReporter::describeCurrent(), false);
        return;
    }
    Q_EMIT succeeded();
}

void registerTrainingMetaTypes() {
    qRegisterMetaType<cxr::training::RunStartInfo>();
    qRegisterMetaType<cxr::training::PhaseInfo>();
    qRegisterMetaType<cxr::training::EpochInfo>();
    qRegisterMetaType<cxr::training::BatchInfo>();
    qRegisterMetaType<cxr::training::EpochResult>();
    qRegisterMetaType<cxr::training::BestCheckpointInfo>();
    qRegisterMetaType<cxr::training::PhaseResult>();
    qRegisterMetaType<cxr::training::TrainingResult>();
}

}  // namespace cxr::ui
