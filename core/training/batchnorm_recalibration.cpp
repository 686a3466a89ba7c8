#include "core/training/batchnorm_recalibration.h"

#include <vector>

#include <torch/nn/modules/batchnorm.h>
#include <torch/utils.h>

#include "core/common/error.h"
#include "core/training/autocast_guard.h"

namespace cxr::training {
namespace {

// Puts the momenta back and the net in its former mode, however the pass ends.
class BatchNormRestore {
public:
    explicit BatchNormRestore(model::ResNet18& net) : m_net(net), m_wasTraining(net->is_training()) {}
    ~BatchNormRestore() {
        for (std::size_t i = 0; i < m_layers.size(); ++i)
            m_layers[i]->options.momentum(m_momenta[i]);
        m_net->train(m_wasTraining);
    }
    void add(torch::nn::BatchNorm2dImpl* bn) {
        m_layers.push_back(bn);
        m_momenta.push_back(bn->options.momentum());
    }
    std::size_t size() const { return m_layers.size(); }
    BatchNormRestore(const BatchNormRestore&) = delete;
    BatchNormRestore& operator=(const BatchNormRestore&) = delete;

private:
    model::ResNet18& m_net;
    bool m_wasTraining;
    std::vector<torch::nn::BatchNorm2dImpl*> m_layers;
    std::vector<c10::optional<double>> m_momenta;
};

}  // namespace

RecalibrationStats recalibrateBatchNorm(model::ResNet18& net, BatchSource& source, int globalEpoch,
                                        const StepSettings& settings, std::size_t maxFilms,
                                        const CancelToken* cancel) {
    RecalibrationStats stats;
    BatchNormRestore restore(net);
    net->train(true);  // frozen BatchNorm (setFreezeBatchNormStats) stays in eval mode
    torch::NoGradGuard noGrad;
    for (auto& module : net->modules(/*include_self=*/false)) {
        auto* bn = module->as<torch::nn::BatchNorm2d>();
        if (!bn || !bn->is_training() || !bn->options.track_running_stats())
            continue;
        restore.add(bn);
        bn->reset_running_stats();
        bn->options.momentum(c10::nullopt);  // cumulative average: 1 / batches seen
    }
    stats.layers = restore.size();
    if (stats.layers == 0)
        return stats;
    source.startEpoch(globalEpoch);
    while (stats.films < maxFilms) {
        if (cancel)
            cancel->throwIfCancelled("BatchNorm recalibration");
        auto batch = source.next();
        if (!batch)
            break;
        if (batch->labels.size(0) < 2)
            continue;  // one film gives no variance, like the training loop's dropped last batch
        auto x = batch->images.to(settings.device, at::kFloat, /*non_blocking=*/true);
        if (settings.channelsLast)
            x = x.contiguous(at::MemoryFormat::ChannelsLast);
        AutocastGuard autocast(settings.amp, settings.device.is_cuda());
        net->forward(x);
        stats.batches += 1;
        stats.films += static_cast<std::size_t>(x.size(0));
    }
    if (stats.batches == 0)
        throw Error(ErrorCode::Training, "BatchNorm recalibration: the training split produced no batch of two or more films");
    return stats;
}

}  // namespace cxr::training
