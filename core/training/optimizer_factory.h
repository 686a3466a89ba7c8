#pragma once
// The optimizer of one phase: Adam or SGD with momentum over the phase's trainable parameters,
// its learning rate set per epoch (StepLR), and its state (Adam moments, momentum buffers)
// saved beside the last checkpoint so a resumed phase continues where it stopped.
#include <filesystem>
#include <memory>
#include <vector>

#include <ATen/core/Tensor.h>
#include <torch/optim/optimizer.h>

#include "core/training/training_config.h"

namespace cxr::training {

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const TrainingConfig& config,
                                                       std::vector<at::Tensor> parameters, double learningRate);
void setLearningRate(torch::optim::Optimizer& optimizer, double learningRate);

// Atomic write (temp file + rename). Throws cxr::Error(Io).
void saveOptimizerState(torch::optim::Optimizer& optimizer, const std::filesystem::path& file);
// Throws cxr::Error(Corrupt) naming the file when it does not match this optimizer.
void loadOptimizerState(torch::optim::Optimizer& optimizer, const std::filesystem::path& file,
                        const at::Device& device);

}  // namespace cxr::training
