#include "core/training/epoch_loop.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <c10/util/Exception.h>
#include <torch/nn/functional/loss.h>
#include <torch/utils.h>

#include "core/common/error.h"
#include "core/training/autocast_guard.h"

namespace cxr::training {
namespace {

namespace F = torch::nn::functional;

at::Tensor crossEntropy(const at::Tensor& logits, const at::Tensor& labels, const at::Tensor& weights) {
    F::CrossEntropyFuncOptions options;
    if (weights.defined())
        options.weight(weights);
    return F::cross_entropy(logits, labels, options);
}

at::Tensor toInput(const at::Tensor& images, const StepSettings& s) {
    auto x = images.to(s.device, at::kFloat, /*non_blocking=*/true);
    return s.channelsLast ? x.contiguous(at::MemoryFormat::ChannelsLast) : x;
}

}  // namespace

int readBackInterval(const at::Device& device) {
    return device.is_cuda() ? 16 : 1;
}

EpochStats trainEpoch(model::ResNet18& net, torch::optim::Optimizer& optimizer, BatchSource& source,
                      int globalEpoch, const StepSettings& settings,
                      const std::function<void(const BatchProgress&)>& onBatch, const CancelToken* cancel) {
    using Clock = std::chrono::steady_clock;
    net->train(true);
    source.startEpoch(globalEpoch);
    EpochStats stats;
    BatchProgress progress;
    progress.batches = source.batchesPerEpoch();
    const int syncEvery = std::max(1, settings.syncEvery);
    // Running sums stay on the device between read-backs.
    at::Tensor lossSum = at::zeros({}, at::TensorOptions().device(settings.device).dtype(at::kDouble));
    at::Tensor correct = at::zeros({}, at::TensorOptions().device(settings.device).dtype(at::kLong));
    at::Tensor lastLoss;
    std::size_t unsynced = 0;
    const auto start = Clock::now();
    // Stepping every batch, the bad step is known and skipped; with read-backs every few
    // batches, the epoch's weights are already touched.
    auto nonFiniteMessage = [&](double value) {
        return Notice(syncEvery == 1 ? "training.loss_non_finite_step" : "training.loss_non_finite_epoch")
            .number("value", value, 4)
            .integer("batch", static_cast<std::int64_t>(progress.batch + (syncEvery == 1 ? 1 : 0)))
            .integer("batches", static_cast<std::int64_t>(progress.batches));
    };
    // Reads the device sums back, checks them and reports; false when the loss went non-finite.
    auto readBack = [&]() {
        unsynced = 0;
        const double sum = lossSum.item<double>();
        const bool anyNonFinite = settings.agreeNonFinite ? settings.agreeNonFinite(!std::isfinite(sum)) : !std::isfinite(sum);
        if (anyNonFinite) {
            stats.nonFinite = true;
            stats.message = nonFiniteMessage(sum);
            return false;
        }
        progress.loss = lastLoss.item<double>();
        progress.runningLoss = sum / static_cast<double>(progress.samples);
        progress.runningAccuracy = static_cast<double>(correct.item<int64_t>()) / static_cast<double>(progress.samples);
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        progress.imagesPerSecond = seconds > 0 ? static_cast<double>(progress.samples) / seconds : 0;
        if (onBatch)
            onBatch(progress);
        return true;
    };
    while (true) {
        if (settings.agreeCancel) {
            if (unsynced == 0)  // at the read-backs, where every rank stands at the same batch
                settings.agreeCancel(cancel && cancel->isCancelled(), progress.batch);
        } else if (cancel) {
            cancel->throwIfCancelled("training");
        }
        auto batch = source.next();
        if (!batch)
            break;
        // A one-film batch in train mode breaks BatchNorm at small inputs (one value per
        // channel) and says nothing about batch statistics anyway: the last short batch of an
        // epoch is dropped when it holds a single film.
        if (batch->labels.size(0) < 2 && progress.batch + 1 == progress.batches && progress.batches > 1) {
            progress.batch += 1;
            continue;
        }
        const auto x = toInput(batch->images, settings);
        const auto y = batch->labels.to(settings.device, at::kLong, true);
        at::Tensor logits, loss;
        {
            AutocastGuard autocast(settings.amp, settings.device.is_cuda());
            logits = net->forward(x);
        }
        logits = logits.to(at::kFloat);
        loss = crossEntropy(logits, y, settings.classWeights);
        const auto n = static_cast<std::size_t>(y.size(0));
        if (syncEvery == 1) {
            const double value = loss.item<double>();
            const bool anyNonFinite =
                settings.agreeNonFinite ? settings.agreeNonFinite(!std::isfinite(value)) : !std::isfinite(value);
            if (anyNonFinite) {
                stats.nonFinite = true;
                stats.message = nonFiniteMessage(value);
                break;
            }
        }
        optimizer.zero_grad();
        loss.backward();
        if (settings.afterBackward)
            settings.afterBackward(net);
        optimizer.step();

        lastLoss = loss.detach();
        lossSum.add_(lastLoss.to(at::kDouble) * static_cast<double>(n));
        correct.add_(logits.detach().argmax(1).eq(y).sum());
        progress.batch += 1;
        progress.samples += n;
        if (++unsynced == static_cast<std::size_t>(syncEvery) && !readBack())
            break;
    }
    if (!stats.nonFinite && unsynced > 0)
        readBack();
    stats.samples = progress.samples;
    stats.loss = progress.runningLoss;
    stats.accuracy = progress.runningAccuracy;
    if (!stats.nonFinite && stats.samples == 0)
        throw Error(ErrorCode::Training, "the training split produced no batch");
    return stats;
}

InferenceOutput runInference(model::ResNet18& net, BatchSource& source, const StepSettings& settings,
                             const std::function<void(std::size_t, std::size_t)>& onProgress,
                             const CancelToken* cancel) {
    const bool wasTraining = net->is_training();
    net->eval();
    torch::NoGradGuard noGrad;
    source.startEpoch(0);
    std::vector<at::Tensor> logits, labels;
    InferenceOutput out;
    const std::size_t total = source.batchesPerEpoch();
    std::size_t done = 0;
    try {
        while (true) {
            if (cancel)
                cancel->throwIfCancelled("evaluation");
            auto batch = source.next();
            if (!batch)
                break;
            at::Tensor l;
            {
                AutocastGuard autocast(settings.amp, settings.device.is_cuda());
                l = net->forward(toInput(batch->images, settings));
            }
            logits.push_back(l.to(at::kCPU, at::kFloat));
            labels.push_back(batch->labels.to(at::kCPU, at::kLong));
            out.indices.insert(out.indices.end(), batch->indices.begin(), batch->indices.end());
            if (onProgress)
                onProgress(++done, total);
        }
    } catch (...) {
        net->train(wasTraining);
        throw;
    }
    net->train(wasTraining);
    if (logits.empty())
        throw Error(ErrorCode::Training, "an evaluation split produced no batch");
    out.logits = at::cat(logits, 0);
    out.labels = at::cat(labels, 0);
    return out;
}

LossSums LossSums::fromVector(const std::vector<double>& v) {
    if (v.size() != 4)
        throw Error(ErrorCode::Internal, "validation sums need 4 values");
    return LossSums{v[0], v[1], v[2], v[3]};
}

LossSums lossSums(const InferenceOutput& output, const at::Tensor& classWeights) {
    LossSums s;
    if (!output.logits.defined() || output.logits.size(0) == 0)
        return s;
    // Per film in float like the training loss, summed in double so shards add up exactly
    // enough (a rank's partial sums are not rounded to float before the ranks add them).
    const auto nll = F::cross_entropy(output.logits, output.labels,
                                      F::CrossEntropyFuncOptions().reduction(torch::kNone))
                         .to(at::kDouble);
    const auto w = classWeights.defined() ? classWeights.to(at::kCPU, at::kDouble).index_select(0, output.labels.to(at::kCPU))
                                          : at::ones_like(nll);
    s.weightedLoss = (nll * w).sum().item<double>();
    s.weight = w.sum().item<double>();
    s.correct = output.logits.argmax(1).eq(output.labels).sum().item<double>();
    s.films = static_cast<double>(output.logits.size(0));
    return s;
}

LossAccuracy fromSums(const LossSums& sums) {
    if (sums.films <= 0 || sums.weight <= 0)
        throw Error(ErrorCode::Training, "an evaluation split produced no film to score");
    return LossAccuracy{sums.weightedLoss / sums.weight, sums.correct / sums.films};
}

LossAccuracy lossAndAccuracy(const InferenceOutput& output, const at::Tensor& classWeights) {
    return fromSums(lossSums(output, classWeights));
}

evaluation::Predictions toPredictions(const InferenceOutput& output) {
    if (output.logits.dim() != 2 || output.logits.size(1) != 2)
        throw Error(ErrorCode::Model, "evaluation needs a two-class model");
    evaluation::Predictions p;
    const auto logits = output.logits.to(at::kDouble).contiguous();
    const auto labels = output.labels.contiguous();
    const auto* lp = logits.data_ptr<double>();
    const auto* yp = labels.data_ptr<int64_t>();
    const auto n = static_cast<std::size_t>(logits.size(0));
    p.labels.reserve(n);
    p.logits.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        p.labels.push_back(static_cast<int>(yp[i]));
        p.logits.push_back({lp[2 * i], lp[2 * i + 1]});
    }
    return p;
}

}  // namespace cxr::training
