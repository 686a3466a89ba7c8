#pragma once
// GradCam: class activation maps for any network that can be split at a named layer.
// LibTorch has no module hooks, so the network is run in two halves: forwardTo(x, layer)
// gives the layer's activations, forwardFrom(activations, layer) the logits, and
// torch::autograd::grad the gradient of the target logit with respect to the activations.
//
// Cheapest exact path: the part before the layer runs under NoGradGuard and the gradient
// flows only through the part after it (for layer4 of a ResNet: average pool + fc). The
// gradient with respect to the activations does not depend on anything before the layer, so
// the map is identical to a full backward (CamOptions::fullBackward, kept for the test that
// proves it and for benchmarks). autograd::grad never writes parameter .grad fields, so
// concurrent calls on one shared eval-mode network do not interfere.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

#include "core/explain/cam_method.h"

namespace cxr::model {
class ResNet18Impl;
}

namespace cxr::explain {

// A network as Grad-CAM needs it. The network must be in eval mode (batch norm with running
// statistics), or maps depend on the batch and each call moves the running statistics:
// computeCam refuses it when `inTrainingMode` says any part is training.
struct SplitNetwork {
    std::function<at::Tensor(const at::Tensor& input, const std::string& layer)> forwardTo;
    std::function<at::Tensor(const at::Tensor& activations, const std::string& layer)> forwardFrom;
    std::function<bool()> inTrainingMode;  // unset: the caller vouches for eval mode
};

// A ResNet18 (core/model) as a SplitNetwork; layers "layer1".."layer4".
SplitNetwork splitNetworkOf(model::ResNet18Impl& net);
std::vector<std::string> resnetCamLayers();

struct CamOptions {
    CamMethod method = CamMethod::GradCam;
    std::string layer = "layer4";
    // Class whose logit (before softmax) is explained; -1 = each image's argmax, as
    // pytorch-grad-cam does when no target is given.
    std::int64_t targetClass = -1;
    // When set, decides the classes from the logits ([N,C], detached) instead, e.g. the class
    // of a call made at an operating threshold rather than the argmax. One per image.
    std::function<std::vector<std::int64_t>(const at::Tensor& logits)> chooseTargets;
    // Backpropagate through the whole network instead of the part after the layer.
    bool fullBackward = false;
    // Resize the map to the input (pytorch-grad-cam's output); off = grid only.
    bool upsample = true;
};

struct CamResult {
    at::Tensor logits;      // [N,C], before softmax
    at::Tensor activations; // [N,K,h,w] at the target layer
    at::Tensor gradients;   // [N,K,h,w] d(target logit)/d(activations)
    at::Tensor grid;        // [N,h,w] normalised to [0,1], the layer's resolution
    at::Tensor map;         // [N,H,W] normalised to [0,1], the input's resolution (if upsampled)
    std::vector<std::int64_t> targets;  // the class explained, per image
    double forwardMs = 0;   // both halves of the forward pass
    double camMs = 0;       // gradient, weights, normalisation, resize
};

// input: [N,C,H,W] on the network's device. Results stay on that device; maps are float32.
// Throws InvalidInput when the network is in training mode.
CamResult computeCam(const SplitNetwork& net, const at::Tensor& input, const CamOptions& options = {});

}  // namespace cxr::explain
