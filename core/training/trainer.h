#pragma once
// Trainer: runs the phase plan on a network. Per phase: set which parameters train, a fresh
// optimizer over them, StepLR per epoch, early stopping on validation loss (against the phase's
// or the run's best, TrainingConfig::earlyStopOn); a checkpoint, under a new name, each time the
// validation loss beats the best of the whole run; the run's best weights — the checkpoint
// state.json names — reloaded between phases and at the end. Every finished epoch is recorded (metrics.csv, state.json, last-epoch weights and
// optimizer state) so an interrupted run resumes at the next epoch of the right phase. A cancel
// stops within one batch; a NaN/Inf loss ends the phase without saving anything from it.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/common/cancel_token.h"
#include "core/model/resnet18.h"
#include "core/training/batch_source.h"
#include "core/training/epoch_loop.h"
#include "core/training/run_directory.h"
#include "core/training/run_state.h"
#include "core/training/training_config.h"
#include "core/training/training_observer.h"

namespace cxr::training {

namespace dist {
class ProcessGroup;
}

struct TrainerSetup {
    std::vector<std::string> classes;
    std::vector<double> classWeights;  // per class, for a weighted loss; empty = unweighted
    bool resume = false;               // continue the run recorded in the run directory
    // Data-parallel training as one rank of this group (connected, world size > 1); null: a
    // single process, as before. With a group: rank 0's weights are broadcast at the start and
    // whenever a checkpoint is reloaded, gradients are averaged after every backward, a NaN/Inf
    // loss and a Ctrl-C are agreed on by all ranks, each rank validates on its own share of the
    // validation films (the `val` source given to run()) and the loss and accuracy sums are
    // added over the ranks, and only rank 0 reads or writes weights in the run directory (the
    // others read state.json and metrics.csv on resume only).
    dist::ProcessGroup* group = nullptr;
};

class Trainer {
public:
    // The observer and cancel token may be null; both must outlive run().
    Trainer(TrainingConfig config, RunDirectory runDir, TrainingObserver* observer = nullptr,
            const CancelToken* cancel = nullptr);

    // `net` starts with its initial weights (pretrained or random); it is moved to the device.
    // On return it holds the best checkpoint's weights, in eval mode. Throws cxr::Error:
    // Cancelled (state and best checkpoint intact, resumable), Training (no finished epoch,
    // non-finite loss before any checkpoint, LibTorch failures), Io.
    TrainingResult run(model::ResNet18& net, BatchSource& train, BatchSource& val, const TrainerSetup& setup);

    // The device, AMP and memory-format settings run() used (valid after run() started), for
    // inference with the trained net.
    const StepSettings& stepSettings() const { return m_settings; }
    const std::string& device() const { return m_device; }

private:
    TrainingResult runPhases(model::ResNet18& net, BatchSource& train, BatchSource& val, const TrainerSetup& setup);
    void restoreStartWeights(model::ResNet18& net, const RunState& state, bool resumed) const;
    void loadWeights(model::ResNet18& net, const std::filesystem::path& file) const;
    // Overwrites every rank's parameters and buffers with rank 0's (no-op without a group).
    void broadcastWeights(model::ResNet18& net) const;
    bool writesRunDirectory() const;

    TrainingConfig m_config;
    RunDirectory m_runDir;
    TrainingObserver* m_observer;
    const CancelToken* m_cancel;
    StepSettings m_settings;
    std::string m_device;
    dist::ProcessGroup* m_group = nullptr;
};

}  // namespace cxr::training
