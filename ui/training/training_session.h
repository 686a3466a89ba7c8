#pragma once
// TrainingSession: the GUI-thread side of training. Each run gets a thread of its own that runs
// the TrainingJob; the engine's observer calls there become TrainingEvent values, delivered on
// the GUI thread through one signal, so pages connect to one object that outlives each run.
// Batch, validation and stage events are coalesced on the training thread to at most ten a
// second (the last batch of an epoch, a new stage and a stage's end always go through), so a
// fast engine can never flood the GUI's event queue. Nothing here touches a widget.
#include <memory>

#include <QObject>

#include "ui/training/training_event.h"
#include "ui/training/training_request.h"

class QThread;

namespace cxr::ui {

class TrainingSession : public QObject {
    Q_OBJECT
public:
    explicit TrainingSession(QObject* parent = nullptr);
    ~TrainingSession() override;  // cancels a running job and waits for its thread

    // Minimum spacing of batch, validation and stage events.
    static constexpr int kThrottleMs = 100;

    // The job every run uses; engineTrainingJob() unless replaced (tests).
    void setJob(TrainingJob job);

    // Starts `request` on a fresh thread. False when a run is already going.
    bool start(const TrainingRequest& request);
    // Asks the engine to stop within one batch; RunFailed{..., cancelled = true} follows when it has.
    void cancel();
    bool isRunning() const;
    const TrainingRequest& request() const { return m_request; }

Q_SIGNALS:
    // Every event of a run, in the order the engine reported it, on the GUI thread. The last one
    // of a run is RunSucceeded or RunFailed.
    void trainingEvent(const cxr::ui::TrainingEvent& event);
    // After the run's last event, once its thread has ended.
    void stopped();

private:
    void onThreadFinished();

    TrainingJob m_job;
    TrainingRequest m_request;
    std::shared_ptr<CancelToken> m_cancel;
    QThread* m_thread = nullptr;
};

}  // namespace cxr::ui
