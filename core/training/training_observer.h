#pragma once
// TrainingObserver: the events a training run reports, with everything a live view needs (loss
// and accuracy curves per batch and per epoch, learning rate, early-stop counter, best
// checkpoint, whole-run ETA, final result or failure). Calls come on the training thread, every
// batch, unthrottled: a GUI adapter queues them to its own thread and throttles there. Plain
// data only (no LibTorch), so Qt code can include it. Every method has an empty default.
#include <cstddef>
#include <string>
#include <vector>

#include "core/common/notice.h"
#include "core/common/progress.h"
#include "core/training/training_config.h"

namespace cxr::training {

struct RunStartInfo {
    TrainingConfig config;
    std::string device;        // resolved: "cpu", "cuda", ...
    Notice deviceDescription;  // model::deviceDescription: the CPU's threads, the CUDA devices
    std::string precision;     // in words: "fp32", "bf16 autocast (CPU: AVX512-BF16)", ...
    std::size_t trainFilms = 0, valFilms = 0;  // this process's: a rank's shares in a data-parallel run
    int worldSize = 1;         // ranks of a data-parallel run (1: one process)
    std::vector<std::string> classes;
    bool resumed = false;
    int startPhase = 0;        // 0-based phase and epoch the run (re)starts at
    int startEpoch = 0;
    int totalEpochs = 0;       // planned (early stopping may end phases sooner)
};

struct PhaseInfo {
    int phase = 0;             // 0-based
    int phaseCount = 0;
    std::string name;
    std::vector<std::string> trainable;  // empty = everything
    int epochs = 0;
    double learningRate = 0;
    std::size_t trainableParameters = 0;  // scalar count
};

struct EpochInfo {
    int phase = 0;
    std::string phaseName;
    int epoch = 0;             // 0-based, within the phase
    int epochs = 0;            // planned in this phase
    double learningRate = 0;
    std::size_t batches = 0;   // train batches this epoch
};

struct BatchInfo {
    int phase = 0;
    int epoch = 0;
    std::size_t batch = 0;      // 1-based, within the epoch
    std::size_t batches = 0;
    double loss = 0;            // this batch
    double runningLoss = 0;     // mean over the epoch so far (per sample)
    double runningAccuracy = 0; // over the epoch so far
    std::size_t samples = 0;    // seen this epoch
    double imagesPerSecond = 0; // this epoch so far
    double etaSeconds = -1;     // whole run; < 0 when unknown
};

struct EpochResult {
    int phase = 0;
    std::string phaseName;
    int epoch = 0;
    double learningRate = 0;
    double trainLoss = 0, trainAccuracy = 0;
    double valLoss = 0, valAccuracy = 0;
    bool best = false;          // a new best val loss across the whole run: checkpoint written
    int earlyStopCounter = 0;   // epochs without improvement in this phase
    int patience = 0;
    double seconds = 0;
    double etaSeconds = -1;     // whole run
};

struct BestCheckpointInfo {
    int phase = 0;
    std::string phaseName;
    int epoch = 0;
    double valLoss = 0;
    double valAccuracy = 0;
    std::string path;
};

struct PhaseResult {
    int phase = 0;
    std::string name;
    int epochsRun = 0;          // epochs finished in this phase (incl. before a resume)
    bool earlyStopped = false;
    Notice stopReason;          // phase.completed, phase.early_stop_*, phase.non_finite_loss
};

struct TrainingResult {
    bool completed = false;     // every phase ran (or stopped early) to its end
    BestCheckpointInfo best;    // the weights the net holds now
    std::vector<EpochResult> history;  // every epoch of the run, resumed ones included
    std::vector<PhaseResult> phases;
    std::vector<Notice> warnings;
    double seconds = 0;         // this session (a resumed run counts from the resume)
};

class TrainingObserver {
public:
    virtual ~TrainingObserver() = default;
    virtual void onRunStarted(const RunStartInfo&) {}
    virtual void onPhaseStarted(const PhaseInfo&) {}
    virtual void onEpochStarted(const EpochInfo&) {}
    virtual void onBatch(const BatchInfo&) {}
    virtual void onValidationProgress(std::size_t /*done*/, std::size_t /*total*/) {}
    virtual void onEpochFinished(const EpochResult&) {}
    virtual void onNewBest(const BestCheckpointInfo&) {}
    virtual void onPhaseFinished(const PhaseResult&) {}
    // Work outside the epochs: indexing, film cache, final evaluation, export.
    virtual void onStage(const Progress&) {}
    virtual void onWarning(const Notice&) {}
    virtual void onRunFinished(const TrainingResult&) {}
    // The run stopped: an error (message says why) or a cancel (cancelled = true; the best
    // checkpoint and the resume state are intact).
    virtual void onRunFailed(const std::string& /*message*/, bool /*cancelled*/) {}
};

// Forwards stage progress from common code (cache builder, evaluation) to an observer.
class ObserverProgressSink : public ProgressSink {
public:
    explicit ObserverProgressSink(TrainingObserver* observer) : m_observer(observer) {}
    void onProgress(const Progress& progress) override {
        if (m_observer)
            m_observer->onStage(progress);
    }

private:
    TrainingObserver* m_observer;
};

}  // namespace cxr::training
