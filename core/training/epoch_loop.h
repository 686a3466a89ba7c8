#pragma once
// One pass over a BatchSource: a training epoch (forward, loss, backward, step; per-batch
// callback with the running figures) or an inference pass (eval mode, no autograd; logits for
// validation loss/accuracy and for the final evaluation).
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>
#include <torch/optim/optimizer.h>

#include "core/common/cancel_token.h"
#include "core/common/notice.h"
#include "core/evaluation/predictions.h"
#include "core/model/resnet18.h"
#include "core/training/batch_source.h"

namespace cxr::training {

struct StepSettings {
    at::Device device{at::kCPU};
    bool channelsLast = false;
    bool amp = false;            // bf16 autocast (CUDA)
    at::Tensor classWeights;     // [C] float on `device`; undefined = unweighted loss
    // Training reads the loss and accuracy back to the host every `syncEvery` batches. Each read
    // drains the GPU's queue, so on CUDA it is done every few batches; at 1 (CPU, where a read
    // costs nothing) a non-finite loss is caught before its optimizer step.
    int syncEvery = 1;
    bool deterministic = false;  // CUDA: deterministic kernels, no cuDNN autotuning
    // Runs after each batch's backward and before its optimizer step, with the gradients in
    // place: distributed training averages them over the ranks here. Empty = nothing between.
    std::function<void(model::ResNet18&)> afterBackward;
    // Given whether this process's loss went NaN/Inf at a read-back, whether any rank's did:
    // distributed training agrees on it so that every rank stops the epoch at the same batch
    // (a rank that stopped alone would leave the others waiting in their next all-reduce).
    // Empty = this process decides alone.
    std::function<bool(bool)> agreeNonFinite;
    // Given whether this process was asked to stop (its cancel token), throws Cancelled on every
    // rank when any rank was: checked before the first batch and after every read-back, so all
    // ranks stop at the same batch (one that stopped alone would leave the others waiting).
    // Empty = the cancel token is checked before every batch by this process alone.
    std::function<void(bool, std::size_t)> agreeCancel;  // (mine, batches done this epoch)
};

// The read-back interval for a device: 1 on CPU; 16 on CUDA, where each read drains the queue
// and at thousands of images per second a read per step costs about a third of the throughput.
int readBackInterval(const at::Device& device);

struct BatchProgress {
    std::size_t batch = 0, batches = 0, samples = 0;
    double loss = 0, runningLoss = 0, runningAccuracy = 0, imagesPerSecond = 0;
};

struct EpochStats {
    double loss = 0;        // mean per sample
    double accuracy = 0;
    std::size_t samples = 0;
    // A batch's loss was NaN/Inf: the epoch stopped at the next read-back (syncEvery); the
    // weights are unusable and the caller reloads its best checkpoint.
    bool nonFinite = false;
    Notice message;  // training.loss_non_finite_step / _epoch: the value and the batch
};

// Trains one epoch. The cancel token is checked before every batch (throws Cancelled); onBatch
// runs at every read-back, i.e. every `settings.syncEvery` batches and after the last one.
EpochStats trainEpoch(model::ResNet18& net, torch::optim::Optimizer& optimizer, BatchSource& source,
                      int globalEpoch, const StepSettings& settings,
                      const std::function<void(const BatchProgress&)>& onBatch, const CancelToken* cancel);

struct InferenceOutput {
    at::Tensor logits;   // [N, C] float, CPU
    at::Tensor labels;   // [N] int64, CPU
    std::vector<std::size_t> indices;  // source positions (film cache indices), in order
};

// Eval mode, NoGradGuard; the net's train/eval mode is restored afterwards.
InferenceOutput runInference(model::ResNet18& net, BatchSource& source, const StepSettings& settings,
                             const std::function<void(std::size_t, std::size_t)>& onProgress,
                             const CancelToken* cancel);

// Mean cross-entropy (class-weighted like training when weights are given) and accuracy.
struct LossAccuracy {
    double loss = 0, accuracy = 0;
};
LossAccuracy lossAndAccuracy(const InferenceOutput& output, const at::Tensor& classWeights);

// The sums behind those figures, so ranks that each scored their own share of the films can
// add theirs and get the figures of the whole set: the class-weighted loss sum and its weight
// sum (the weighted mean is their ratio, as in cross-entropy's mean reduction), correct calls
// and films.
struct LossSums {
    double weightedLoss = 0, weight = 0, correct = 0, films = 0;
    std::vector<double> toVector() const { return {weightedLoss, weight, correct, films}; }
    static LossSums fromVector(const std::vector<double>& v);
};
LossSums lossSums(const InferenceOutput& output, const at::Tensor& classWeights);
// Throws cxr::Error(Training) for sums of no film.
LossAccuracy fromSums(const LossSums& sums);

// Two-class logits and labels as evaluation input (paths left empty).
evaluation::Predictions toPredictions(const InferenceOutput& output);

}  // namespace cxr::training
