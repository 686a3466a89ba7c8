#include "core/explain/grad_cam.h"

#include <chrono>

#include <ATen/ATen.h>
#include <c10/core/GradMode.h>
#include <torch/csrc/autograd/autograd.h>

#include "core/common/error.h"
#include "core/explain/cam_math.h"

namespace cxr::explain {
namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::vector<int64_t> defaultTargets(const at::Tensor& logits, int64_t targetClass) {
    const int64_t n = logits.size(0);
    const int64_t classes = logits.size(1);
    std::vector<int64_t> targets(static_cast<size_t>(n), targetClass);
    if (targetClass >= classes)
        throw Error(ErrorCode::InvalidInput, "target class " + std::to_string(targetClass) +
                                                 " does not exist: the model has " +
                                                 std::to_string(classes) + " classes");
    if (targetClass < 0) {
        const at::Tensor argmax = logits.argmax(1).to(at::kCPU);
        for (int64_t i = 0; i < n; ++i)
            targets[static_cast<size_t>(i)] = argmax[i].item<int64_t>();
    }
    return targets;
}

CamResult computeCamUnchecked(const SplitNetwork& net, const at::Tensor& input, const CamOptions& options);

}  // namespace

CamResult computeCam(const SplitNetwork& net, const at::Tensor& input, const CamOptions& options) {
    try {
        return computeCamUnchecked(net, input, options);
    } catch (const c10::Error& e) {
        // LibTorch's message is long and multi-line; its first line says what went wrong.
        const std::string what = e.what_without_backtrace();
        throw Error(ErrorCode::Model, "Grad-CAM on " + options.layer + " failed: " +
                                          what.substr(0, what.find('\n')));
    }
}

namespace {

CamResult computeCamUnchecked(const SplitNetwork& net, const at::Tensor& input, const CamOptions& options) {
    if (input.dim() != 4)
        throw Error(ErrorCode::InvalidInput, "Grad-CAM needs an [N,C,H,W] input batch");
    if (net.inTrainingMode && net.inTrainingMode())
        throw Error(ErrorCode::InvalidInput,
                    "Grad-CAM needs the network in eval mode: in training mode batch normalisation uses "
                    "each batch's own statistics (the map would depend on the batch) and updates the "
                    "model's running statistics; call eval() first");
    CamResult result;
    const auto start = Clock::now();
    // The caller may hold a NoGradGuard (inference code usually does); the head needs grad mode.
    c10::AutoGradMode gradMode(true);

    at::Tensor backboneInput = input;
    at::Tensor activations;
    if (options.fullBackward) {
        backboneInput = input.detach().clone().requires_grad_(true);
        activations = net.forwardTo(backboneInput, options.layer);
    } else {
        {
            c10::NoGradGuard noGrad;
            activations = net.forwardTo(input, options.layer);
        }
        activations = activations.detach().requires_grad_(true);
    }
    const at::Tensor logits = net.forwardFrom(activations, options.layer);
    if (logits.dim() != 2 || logits.size(0) != input.size(0))
        throw Error(ErrorCode::Model, "the network returned logits of an unexpected shape");
    result.forwardMs = msSince(start);

    const auto camStart = Clock::now();
    if (options.chooseTargets) {
        result.targets = options.chooseTargets(logits.detach());
        for (int64_t t : result.targets)
            if (t < 0 || t >= logits.size(1))
                throw Error(ErrorCode::InvalidInput, "target class " + std::to_string(t) + " does not exist");
        if (static_cast<int64_t>(result.targets.size()) != logits.size(0))
            throw Error(ErrorCode::Internal, "one target class per image is needed");
    } else {
        result.targets = defaultTargets(logits.detach(), options.targetClass);
    }
    const at::Tensor index =
        at::tensor(result.targets, at::TensorOptions().dtype(at::kLong)).to(logits.device());
    // Images are independent in eval mode, so one backward of the summed target logits gives
    // every image its own gradient (pytorch-grad-cam sums the targets the same way).
    const at::Tensor score = logits.gather(1, index.unsqueeze(1)).sum();
    torch::autograd::variable_list inputs{activations};
    if (options.fullBackward)
        inputs.push_back(backboneInput);
    const auto grads = torch::autograd::grad({score}, inputs, /*grad_outputs=*/{},
                                             /*retain_graph=*/false, /*create_graph=*/false,
                                             /*allow_unused=*/true);
    c10::NoGradGuard noGrad;
    result.activations = activations.detach().to(at::kFloat);
    result.gradients = grads[0].defined() ? grads[0].detach().to(at::kFloat)
                                          : at::zeros_like(result.activations);
    result.logits = logits.detach();

    const at::Tensor raw = camFromGradients(options.method, result.activations, result.gradients);
    if (options.upsample) {
        CamMaps maps = postprocessCam(raw, input.size(2), input.size(3));
        result.grid = maps.grid;
        result.map = maps.map;
    } else {
        result.grid = minMaxNormalise(at::relu(raw));
    }
    result.camMs = msSince(camStart);
    return result;
}

}  // namespace

}  // namespace cxr::explain
