#include "core/training/optimizer_factory.h"

#include <sstream>

#include <c10/util/Exception.h>
#include <torch/optim/adam.h>
#include <torch/optim/sgd.h>
#include <torch/serialize/archive.h>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/training/foreach_optimizers.h"

namespace cxr::training {

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const TrainingConfig& config,
                                                       std::vector<at::Tensor> parameters, double learningRate) {
    if (parameters.empty())
        throw Error(ErrorCode::Training, "this phase has no trainable parameters (check its 'trainable' prefixes)");
    if (config.optimizer == "sgd") {
        torch::optim::SGDOptions options(learningRate);
        options.momentum(config.momentum).weight_decay(config.weightDecay);
        return std::make_unique<ForeachSgd>(std::move(parameters), options);
    }
    torch::optim::AdamOptions options(learningRate);
    options.weight_decay(config.weightDecay);
    return std::make_unique<ForeachAdam>(std::move(parameters), options);
}

void setLearningRate(torch::optim::Optimizer& optimizer, double learningRate) {
    for (auto& group : optimizer.param_groups())
        group.options().set_lr(learningRate);
}

void saveOptimizerState(torch::optim::Optimizer& optimizer, const std::filesystem::path& file) {
    std::ostringstream bytes;
    try {
        torch::serialize::OutputArchive archive;
        optimizer.save(archive);
        archive.save_to(bytes);
    } catch (const c10::Error& e) {
        throw Error(ErrorCode::Io, file, std::string("cannot serialise the optimizer state: ") + e.what_without_backtrace());
    }
    writeFileAtomically(file, bytes.str());
}

void loadOptimizerState(torch::optim::Optimizer& optimizer, const std::filesystem::path& file,
                        const at::Device& device) {
    if (!std::filesystem::exists(file))
        throw Error(ErrorCode::NotFound, file, "optimizer state missing; cannot resume mid-phase");
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(file.string(), device);
        optimizer.load(archive);
    } catch (const c10::Error& e) {
        throw Error(ErrorCode::Corrupt, file,
                    std::string("optimizer state does not match this phase: ") + e.what_without_backtrace());
    }
}

}  // namespace cxr::training
