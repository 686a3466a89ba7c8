#pragma once
// TrainingWorker: runs one TrainingJob on the thread it lives on (a QThread of its own) and
// turns the engine's observer calls into signals, which reach GUI-thread receivers queued.
// Batch and stage events are coalesced here to at most ten a second (the last batch of an
// epoch always goes through), so a fast engine can never flood the GUI's event queue. The
// worker never touches a widget.
#include <memory>

#include <QObject>
#include <QString>

#include "ui/training/training_metatypes.h"
#include "ui/training/training_request.h"

namespace cxr::ui {

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    TrainingWorker(TrainingJob job, TrainingRequest request, std::shared_ptr<CancelToken> cancel);

    // Minimum spacing of batch and stage signals.
    static constexpr int kThrottleMs = 100;

public Q_SLOTS:
    // Runs the job to its end; emits exactly one of succeeded() or failed().
    void run();

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

private:
    TrainingJob m_job;
    TrainingRequest m_request;
    std::shared_ptr<CancelToken> m_cancel;
};

}  // namespace cxr::ui
