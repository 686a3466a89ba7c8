#pragma once
// TrainingConfig: every knob of a training run — the three-phase plan (which layers train, for how
// long, at which learning rate and schedule) and the run-wide settings (optimizer, batch, image
// size, device, data split, class weighting). Plain data, no LibTorch, so the GUI wizard and the
// CLI can build one; it round-trips through JSON and is stored as the run's config.json.
#include <cstdint>
#include <string>
#include <vector>

#include "core/common/json_io.h"

namespace cxr::training {

struct PhaseConfig {
    std::string name;
    // Parameter-name prefixes that train in this phase ("fc", "layer4"); empty = the whole net.
    std::vector<std::string> trainable;
    int epochs = 5;
    double learningRate = 1e-3;
    // StepLR: lr = learningRate * gamma^floor(epoch / stepSize), epoch counted within the phase.
    int stepSize = 7;
    double gamma = 0.1;
    // Early stopping: the phase ends after `patience` epochs without a val-loss improvement.
    int patience = 3;

    Json toJson() const;
    static PhaseConfig fromJson(const Json& json);
};

struct TrainingConfig {
    std::vector<PhaseConfig> phases = defaultPhases();

    std::string optimizer = "adam";  // "adam" | "sgd" (SGD with momentum)
    double momentum = 0.9;           // sgd only
    // None, like the seed (Adam without weight decay): with the seed's augmentation, 1e-4 gave a
    // lower mean test AUC and a wider spread over the folds of the real-film cross-validation.
    double weightDecay = 0;
    int batchSize = 32;
    int imageSize = 224;
    int workingSize = 256;   // film cache side; augmentation crops from it to imageSize
    bool augment = true;     // augment the training films (see `augmentation`)
    // Which augmentation: "seed" (flip and 10-degree rotation only, like the seed's torchvision
    // transforms) or "chest" (also a random resized crop of 70-100% of the area and
    // brightness/contrast). "seed" is the default because on real films (5-fold cross-validation,
    // bench/python/realdata_cv.py) "chest" lowered the test AUC by 0.027 against it.
    // data::augmentationPreset() holds the ranges.
    std::string augmentation = "seed";
    std::string device = "auto";   // "auto" | "cpu" | "cuda" | "cuda:N"
    // Arithmetic of the forward and backward passes: "auto" (bf16 autocast on CUDA, fp32 on CPU),
    // "fp32" or "bf16" (on a CPU with AVX512-BF16 or AMX about twice as fast, but lower AUC on
    // real films; see resolvePrecision). Weights, optimizer state, checkpoints, the loss and the
    // export stay fp32 either way. "auto-cuda" is what an older config's amp "auto" meant (the
    // same as "auto" now), kept so that such a run resumes as it started.
    std::string precision = "auto";
    bool channelsLast = true;      // faster convolutions on CPU (oneDNN) and tensor cores
    std::uint64_t seed = 42;
    std::string valPolicy = "auto";  // "auto" | "folder" (data::ValPolicy)
    double valFraction = 0.1;
    // "none" | "loss" (class-weighted cross-entropy, inverse frequency) | "sampler"
    std::string classWeighting = "none";
    // Improvement needed to count as a new best val loss (absolute).
    double minDelta = 0.0;
    // The loss an epoch must beat to count as an improvement for early stopping: "phase" (the
    // phase's own best so far: each phase has its own early stopping, as in the seed method) or
    // "run" (the best of the whole run, so a later phase that never beats an earlier one stops
    // after `patience` epochs). The checkpoint is always the run's best either way.
    std::string earlyStopOn = "phase";
    // Start each phase from the best weights so far rather than the last epoch's.
    bool restoreBestBetweenPhases = true;
    // Keep BatchNorm statistics of frozen parts fixed (eval mode). Off by default, like the
    // seed (requires_grad=False + model.train() still updates them): in phase 1 the frozen
    // backbone's running means and variances then drift from ImageNet's to this data's.
    bool freezeBatchNorm = false;
    // BatchNorm statistics the validation pass (and so the checkpoint choice and the exported
    // model) uses: "running" (the momentum-0.1 running averages training leaves) or "precise"
    // (re-estimated before every validation by a no-grad pass over the epoch's training batches,
    // each batch weighted equally). With few batches per epoch the running averages still carry
    // much of the previous weights' statistics, and a net trained from scratch then scores its
    // validation films with statistics of a network that no longer exists.
    std::string batchNormStats = "running";
    std::string thresholdRule = "argmax";  // evaluation::ThresholdRule on validation
    // Which layers each phase trains. "seed": the phases' own `trainable` lists (the seed's
    // fine-tuning plan); "scratch": every phase trains all layers, keeping the phases' learning
    // rates, epochs and schedules — frozen random features teach the head nothing; "auto":
    // "seed" with ImageNet weights, "scratch" without. resolvePlan() settles it once.
    std::string plan = "auto";
    // CUDA only: deterministic cuDNN/cuBLAS kernels and no cuDNN autotuning, for runs that must
    // repeat bit for bit on a GPU (slower). CPU runs are deterministic for a given seed, thread
    // count and machine without it.
    bool deterministic = false;
    int workers = 2;                       // batch loader threads
    // LibTorch intra-op threads; 0 = every core. Small nets on a busy machine run faster on one
    // thread (OpenMP barriers spin while the other thread is descheduled).
    int threads = 0;

    // The seed script's plan: feature extraction {fc} 1e-3, shallow fine-tuning {layer4, fc}
    // 5e-4, deep fine-tuning (everything) 1e-4.
    static std::vector<PhaseConfig> defaultPhases();

    // Settles plan "auto" for a backbone that is (or is not) pretrained, and applies "scratch" by
    // clearing every phase's trainable list. Idempotent; the result is what config.json stores.
    void resolvePlan(bool pretrained);

    // Throws cxr::Error(InvalidInput) naming the first bad field and why.
    void validate() const;
    int totalEpochs() const;

    Json toJson() const;
    // Missing keys keep their defaults (older run dirs stay readable); wrong types throw
    // cxr::Error(InvalidInput) naming the key.
    static TrainingConfig fromJson(const Json& json);
};

// The precision an older "amp" setting ("off", "bf16" or "auto" = bf16 on CUDA only) meant: "fp32",
// "bf16" or "auto-cuda". Older configs and `cxr train --amp` both go through it. Throws
// cxr::Error(InvalidInput) for any other value.
std::string precisionFromAmp(const std::string& amp);

}  // namespace cxr::training
