// Train-step throughput per phase: the engine's own epoch loop (training::trainEpoch, the code a
// real run executes, reading the loss back every readBackInterval() batches) on batches already
// on the device, across precision, memory layout and batch size; plus a lean loop with no
// read-back at all, to show what the engine's bookkeeping costs.
#include <cstdio>
#include <string>

#include <ATen/ATen.h>
#include <torch/nn/functional/loss.h>

#include "bench_common.h"
#include "core/model/resnet18.h"
#include "core/training/autocast_guard.h"
#include "core/training/epoch_loop.h"
#include "core/training/optimizer_factory.h"
#include "core/training/tensor_batch_source.h"
#include "core/training/training_config.h"

namespace cxr::bench {
namespace {

struct StepConfig {
    int batch;
    bool amp;
    bool channelsLast;
    bool lean;
    std::string label() const {
        return std::string(amp ? "bf16" : "fp32") + (channelsLast ? " CL" : " NCHW") + " b" +
               std::to_string(batch) + (lean ? " lean" : "");
    }
};

double leanSteps(model::ResNet18& net, torch::optim::Optimizer& optimizer, const at::Tensor& x,
                 const at::Tensor& y, bool amp, int steps, const c10::Device& device) {
    namespace F = torch::nn::functional;
    auto step = [&] {
        at::Tensor logits;
        {
            training::AutocastGuard autocast(amp, device.is_cuda());
            logits = net->forward(x);
        }
        at::Tensor loss = F::cross_entropy(logits.to(at::kFloat), y);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    };
    for (int i = 0; i < steps; ++i)  // warm-up (cuDNN autotuning happens here)
        step();
    synchronize(device);
    const auto start = Clock::now();
    for (int i = 0; i < steps; ++i)
        step();
    synchronize(device);
    return x.size(0) * steps / secondsSince(start);
}

void runConfig(const StepConfig& c, const BenchOptions& o, const c10::Device& device, Report& report) {
    const training::TrainingConfig defaults;
    model::ResNet18 net(2);
    net->to(device);
    if (c.channelsLast)
        model::toChannelsLast(*net);
    const auto format = c.channelsLast ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
    const int64_t n = static_cast<int64_t>(c.batch) * o.steps;
    auto opts = at::TensorOptions().device(device);
    at::Tensor images = at::randn({n, 3, o.imageSize, o.imageSize}, opts).contiguous(format);
    at::Tensor labels = at::randint(0, 2, {n}, opts.dtype(at::kLong));
    training::StepSettings settings;
    settings.device = device;
    settings.amp = c.amp;
    settings.channelsLast = c.channelsLast;
    settings.syncEvery = training::readBackInterval(device);
    for (std::size_t p = 0; p < defaults.phases.size(); ++p) {
        const auto& phase = defaults.phases[p];
        net->setTrainable(phase.trainable);
        auto optimizer = training::makeOptimizer(defaults, net->trainableParameters(), phase.learningRate);
        double rate;
        if (c.lean) {
            rate = leanSteps(net, *optimizer, images.narrow(0, 0, c.batch), labels.narrow(0, 0, c.batch), c.amp,
                             o.steps, device);
        } else {
            training::TensorBatchSource source(images, labels, c.batch, false);
            training::trainEpoch(net, *optimizer, source, 0, settings, nullptr, nullptr);  // warm-up
            synchronize(device);
            const auto start = Clock::now();
            training::trainEpoch(net, *optimizer, source, 1, settings, nullptr, nullptr);
            synchronize(device);
            rate = static_cast<double>(n) / secondsSince(start);
        }
        report.add("step", "phase " + std::to_string(p + 1) + " " + c.label(), rate, "img/s");
    }
}

}  // namespace

void runStepThroughput(const BenchOptions& o, const c10::Device& device, Report& report) {
    std::printf("== train-step throughput (ResNet18, %d², Adam, batches on the device) ==\n", o.imageSize);
    training::enableCudnnBenchmark(device.is_cuda());
    std::vector<StepConfig> configs;
    const int big = o.batches.empty() ? 32 : o.batches.back();
    const int small = o.batches.empty() ? 32 : o.batches.front();
    configs.push_back({small, false, false, false});  // the seed's setting: fp32, NCHW
    if (big != small)
        configs.push_back({big, false, false, false});
    configs.push_back({big, false, true, false});
    if (device.is_cuda()) {
        configs.push_back({big, true, false, false});
        for (int b : o.batches)
            configs.push_back({b, true, true, false});
        configs.push_back({big, true, true, true});
    } else {
        configs.push_back({big, false, true, true});
    }
    for (const auto& c : configs)
        runConfig(c, o, device, report);
}

}  // namespace cxr::bench
