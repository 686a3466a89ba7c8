#pragma once
// TrainingSession: the GUI-thread side of one training run. It owns the worker thread (started
// per run, stopped gracefully: cancel, quit, wait), the cancel token, and re-emits the worker's
// signals on the GUI thread, so pages connect to one object that outlives each run.
#include <memory>

#include <QObject>

#include "ui/training/training_metatypes.h"
#include "ui/training/training_request.h"

class QThread;

namespace cxr::ui {

class TrainingWorker;

class TrainingSession : public QObject {
    Q_OBJECT
public:
    explicit TrainingSession(QObject* parent = nullptr);
    ~TrainingSession() override;  // cancels a running job and waits for its thread

    // The job every run uses; engineTrainingJob() unless replaced (tests).
    void setJob(TrainingJob job);

    // Starts `request` on a fresh worker thread. False when a run is already going.
    bool start(const TrainingRequest& request);
    // Asks the engine to stop within one batch; failed(..., true) follows when it has.
    void cancel();
    bool isRunning() const;
    const TrainingRequest& request() const { return m_request; }

Q_SIGNALS:
    void runStarted(const cxr::training::RunStartInfo& info);
    void phaseStarted(const cxr::training::PhaseInfo& info);
    void epochStarted(const cxr::training::EpochInfo& info);
    void batchProgress(const cxr::training::BatchInfo& info);
    void validationProgress(qint64 done, qint64 total);
    void epochFinished(const cxr::training::EpochResult& result);
    void newBest(const cxr::training::BestCheckpointInfo& best);
    void phaseFinished(const cxr::training::PhaseResult& result);
    void stage(const QString& stage, qint64 done, qint64 total, double etaSeconds);
    void warning(const QString& message);
    void trainingFinished(const cxr::training::TrainingResult& result);
    void succeeded();
    void failed(const QString& message, bool cancelled);
    // After succeeded() or failed(), once the thread has stopped.
    void stopped();

private:
    void onThreadFinished();

    TrainingJob m_job;
    TrainingRequest m_request;
    std::shared_ptr<CancelToken> m_cancel;
    QThread* m_thread = nullptr;
    TrainingWorker* m_worker = nullptr;
};

}  // namespace cxr::ui
