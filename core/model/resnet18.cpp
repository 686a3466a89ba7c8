#include "core/model/resnet18.h"

#include <ATen/ATen.h>
#include <torch/nn/init.h>
#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/pooling.h>
#include <torch/utils.h>

#include "core/common/error.h"

namespace cxr::model {
namespace {

torch::nn::Conv2d conv(int64_t in, int64_t out, int64_t kernel, int64_t stride, int64_t padding) {
    return torch::nn::Conv2d(
        torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding).bias(false));
}

const std::vector<std::string> kLayerNames{"layer1", "layer2", "layer3", "layer4"};

}  // namespace

bool nameHasPrefix(const std::string& name, const std::string& prefix) {
    if (name.size() < prefix.size() || name.compare(0, prefix.size(), prefix) != 0)
        return false;
    return name.size() == prefix.size() || name[prefix.size()] == '.';
}

BasicBlockImpl::BasicBlockImpl(int64_t inPlanes, int64_t planes, int64_t stride) {
    // Registration order fixes the state_dict order: torchvision's conv1, bn1, conv2, bn2, downsample.
    m_conv1 = register_module("conv1", conv(inPlanes, planes, 3, stride, 1));
    m_bn1 = register_module("bn1", torch::nn::BatchNorm2d(planes));
    m_conv2 = register_module("conv2", conv(planes, planes, 3, 1, 1));
    m_bn2 = register_module("bn2", torch::nn::BatchNorm2d(planes));
    if (stride != 1 || inPlanes != planes) {
        m_downsample = register_module(
            "downsample", torch::nn::Sequential(conv(inPlanes, planes, 1, stride, 0), torch::nn::BatchNorm2d(planes)));
    }
}

torch::Tensor BasicBlockImpl::forward(const torch::Tensor& x) {
    auto out = torch::relu(m_bn1->forward(m_conv1->forward(x)));
    out = m_bn2->forward(m_conv2->forward(out));
    const auto identity = m_downsample ? m_downsample->forward(x) : x;
    return torch::relu(out + identity);
}

ResNet18Impl::ResNet18Impl(int64_t numClasses) : m_numClasses(numClasses) {
    if (numClasses < 1)
        throw Error(ErrorCode::InvalidInput, "ResNet18 needs at least one class, got " + std::to_string(numClasses));
    m_conv1 = register_module("conv1", conv(3, 64, 7, 2, 3));
    m_bn1 = register_module("bn1", torch::nn::BatchNorm2d(64));
    const int64_t widths[4] = {64, 128, 256, 512};
    int64_t inPlanes = 64;
    for (int i = 0; i < 4; ++i) {
        const int64_t stride = i == 0 ? 1 : 2;
        m_layers[i] = register_module(kLayerNames[i], torch::nn::Sequential(BasicBlock(inPlanes, widths[i], stride),
                                                                            BasicBlock(widths[i], widths[i], 1)));
        inPlanes = widths[i];
    }
    m_fc = register_module("fc", torch::nn::Linear(512, numClasses));

    // torchvision's initialisation: He (fan_out) for convolutions, BN weight 1 and bias 0;
    // fc keeps Linear's default.
    torch::NoGradGuard noGrad;
    for (auto& module : modules(/*include_self=*/false)) {
        if (auto* c = module->as<torch::nn::Conv2d>()) {
            torch::nn::init::kaiming_normal_(c->weight, 0.0, torch::kFanOut, torch::kReLU);
        } else if (auto* bn = module->as<torch::nn::BatchNorm2d>()) {
            torch::nn::init::ones_(bn->weight);
            torch::nn::init::zeros_(bn->bias);
        }
    }
}

const std::vector<std::string>& ResNet18Impl::layerNames() { return kLayerNames; }

int ResNet18Impl::layerIndex(const std::string& layer) const {
    for (int i = 0; i < 4; ++i)
        if (kLayerNames[i] == layer)
            return i;
    throw Error(ErrorCode::InvalidInput, "ResNet18 has no layer '" + layer + "' (expected layer1, layer2, layer3 or layer4)");
}

torch::Tensor ResNet18Impl::forwardTo(const torch::Tensor& x, const std::string& layer) {
    const int last = layerIndex(layer);
    auto out = torch::relu(m_bn1->forward(m_conv1->forward(x)));
    out = torch::max_pool2d(out, /*kernel_size=*/3, /*stride=*/2, /*padding=*/1);
    for (int i = 0; i <= last; ++i)
        out = m_layers[i]->forward(out);
    return out;
}

torch::Tensor ResNet18Impl::forwardFrom(const torch::Tensor& activations, const std::string& layer) {
    auto out = activations;
    for (int i = layerIndex(layer) + 1; i < 4; ++i)
        out = m_layers[i]->forward(out);
    out = torch::adaptive_avg_pool2d(out, {1, 1}).flatten(1);
    return m_fc->forward(out);
}

torch::Tensor ResNet18Impl::forward(const torch::Tensor& x) { return forwardFrom(forwardTo(x, "layer4"), "layer4"); }

bool ResNet18Impl::isTrainableName(const std::string& name) const {
    if (m_trainablePrefixes.empty())
        return true;
    for (const auto& prefix : m_trainablePrefixes)
        if (nameHasPrefix(name, prefix))
            return true;
    return false;
}

void ResNet18Impl::setTrainable(const std::vector<std::string>& prefixes) {
    for (const auto& prefix : prefixes) {
        bool matches = false;
        for (const auto& p : named_parameters())
            matches = matches || nameHasPrefix(p.key(), prefix);
        if (!matches)
            throw Error(ErrorCode::InvalidInput, "no ResNet18 parameter is named '" + prefix +
                                                     "' (use conv1, bn1, layer1..layer4 or fc)");
    }
    m_trainablePrefixes = prefixes;
    for (auto& p : named_parameters())
        p.value().set_requires_grad(isTrainableName(p.key()));
    train(is_training());
}

void ResNet18Impl::setFreezeBatchNormStats(bool freeze) {
    m_freezeBatchNormStats = freeze;
    train(is_training());
}

void ResNet18Impl::train(bool on) {
    torch::nn::Module::train(on);
    if (!on || !m_freezeBatchNormStats || m_trainablePrefixes.empty())
        return;
    for (const auto& item : named_modules("", /*include_self=*/false)) {
        if (item.value()->as<torch::nn::BatchNorm2d>() && !isTrainableName(item.key()))
            item.value()->eval();
    }
}

std::vector<torch::Tensor> ResNet18Impl::trainableParameters() {
    std::vector<torch::Tensor> out;
    for (auto& p : parameters())
        if (p.requires_grad())
            out.push_back(p);
    return out;
}

void toChannelsLast(torch::nn::Module& module) {
    torch::NoGradGuard noGrad;
    for (auto& p : module.parameters())
        if (p.dim() == 4)
            p.set_data(p.data().contiguous(at::MemoryFormat::ChannelsLast));
    for (auto& b : module.buffers())
        if (b.dim() == 4)
            b.set_data(b.data().contiguous(at::MemoryFormat::ChannelsLast));
}

}  // namespace cxr::model
