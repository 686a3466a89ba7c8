#pragma once
// ResNet18Impl: torchvision's resnet18 rebuilt in LibTorch with the same parameter and buffer
// names (conv1, bn1, layer1..layer4 with BasicBlocks "0"/"1", downsample.0/.1, fc), so
// state dicts move between Python and C++ unchanged. It owns the network and the split points
// Grad-CAM needs (forwardTo / forwardFrom) and which parts train in each fine-tuning phase.
#include <cstdint>
#include <string>
#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

namespace cxr::model {

// torchvision.models.resnet.BasicBlock: conv3x3-bn-relu-conv3x3-bn, plus an optional
// 1x1 conv + bn "downsample" shortcut when stride or width change.
class BasicBlockImpl : public torch::nn::Module {
public:
    BasicBlockImpl(int64_t inPlanes, int64_t planes, int64_t stride);
    torch::Tensor forward(const torch::Tensor& x);

private:
    torch::nn::Conv2d m_conv1{nullptr}, m_conv2{nullptr};
    torch::nn::BatchNorm2d m_bn1{nullptr}, m_bn2{nullptr};
    torch::nn::Sequential m_downsample{nullptr};
};
TORCH_MODULE(BasicBlock);

class ResNet18Impl : public torch::nn::Module {
public:
    explicit ResNet18Impl(int64_t numClasses = 2);

    int64_t numClasses() const { return m_numClasses; }

    // [N,3,H,W] -> logits [N,C].
    torch::Tensor forward(const torch::Tensor& x);
    // Stem (conv1, bn1, relu, maxpool) and the residual stages up to and including `layer`
    // ("layer1".."layer4"); throws cxr::Error(InvalidInput) for any other name.
    torch::Tensor forwardTo(const torch::Tensor& x, const std::string& layer);
    // The rest of the network after `layer` (for "layer4": avgpool, flatten, fc) -> logits.
    torch::Tensor forwardFrom(const torch::Tensor& activations, const std::string& layer);

    // Sets requires_grad only on parameters whose name starts with one of `prefixes`
    // ("fc", "layer4", ...; matched on whole name components); empty = everything trains.
    // BatchNorm in frozen parts: by default its running statistics still update in train()
    // mode, exactly like the seed script (requires_grad=False + model.train()). With
    // setFreezeBatchNormStats(true), train(true) keeps every BatchNorm outside the trainable
    // prefixes in eval mode, so its statistics stay those of the pretrained backbone.
    void setTrainable(const std::vector<std::string>& prefixes);
    void setFreezeBatchNormStats(bool freeze);
    std::vector<torch::Tensor> trainableParameters();
    const std::vector<std::string>& trainablePrefixes() const { return m_trainablePrefixes; }

    void train(bool on = true) override;

    static const std::vector<std::string>& layerNames();  // {"layer1", ..., "layer4"}

private:
    int layerIndex(const std::string& layer) const;
    bool isTrainableName(const std::string& name) const;

    int64_t m_numClasses;
    torch::nn::Conv2d m_conv1{nullptr};
    torch::nn::BatchNorm2d m_bn1{nullptr};
    torch::nn::Sequential m_layers[4] = {torch::nn::Sequential{nullptr}, torch::nn::Sequential{nullptr},
                                         torch::nn::Sequential{nullptr}, torch::nn::Sequential{nullptr}};
    torch::nn::Linear m_fc{nullptr};
    std::vector<std::string> m_trainablePrefixes;
    bool m_freezeBatchNormStats = false;
};
TORCH_MODULE(ResNet18);

// True when `name` equals `prefix` or starts with `prefix` + "." ("layer4" matches
// "layer4.0.conv1.weight", not "layer40.x").
bool nameHasPrefix(const std::string& name, const std::string& prefix);

// Converts every 4-D parameter and buffer to channels_last in place (Module::to has no
// memory-format option); speeds up CPU and CUDA convolutions, outputs unchanged.
void toChannelsLast(torch::nn::Module& module);

}  // namespace cxr::model
