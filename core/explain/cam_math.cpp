#include "core/explain/cam_math.h"

#include <ATen/ATen.h>

#include "core/common/error.h"

namespace cxr::explain {
namespace {

void checkShapes(const at::Tensor& activations, const at::Tensor& gradients) {
    if (activations.dim() != 4 || !activations.sizes().equals(gradients.sizes()))
        throw Error(ErrorCode::Internal, "CAM needs activations and gradients of the same [N,K,h,w] shape");
}

}  // namespace

at::Tensor camChannelWeights(CamMethod method, const at::Tensor& activations, const at::Tensor& gradients) {
    checkShapes(activations, gradients);
    if (method == CamMethod::GradCam)
        return gradients.mean({2, 3});
    if (method == CamMethod::GradCamPlusPlus) {
        // Equation 19 of arXiv:1710.11063 as pytorch-grad-cam writes it, including its epsilon.
        const at::Tensor g2 = gradients * gradients;
        const at::Tensor g3 = g2 * gradients;
        const at::Tensor sumA = activations.sum({2, 3}, /*keepdim=*/true);
        at::Tensor aij = g2 / (2 * g2 + sumA * g3 + 1e-6);
        aij = at::where(gradients != 0, aij, at::zeros_like(aij));
        return (at::relu(gradients) * aij).sum({2, 3});
    }
    throw Error(ErrorCode::Internal, "LayerCAM has no per-channel weights");
}

at::Tensor camFromGradients(CamMethod method, const at::Tensor& activations, const at::Tensor& gradients) {
    checkShapes(activations, gradients);
    if (method == CamMethod::LayerCam)
        return (at::relu(gradients) * activations).sum(1);
    const at::Tensor weights = camChannelWeights(method, activations, gradients);
    return (weights.unsqueeze(-1).unsqueeze(-1) * activations).sum(1);
}

at::Tensor minMaxNormalise(const at::Tensor& maps) {
    if (maps.dim() != 3)
        throw Error(ErrorCode::Internal, "CAM normalisation needs [N,h,w] maps");
    const int64_t n = maps.size(0);
    const at::Tensor flat = maps.reshape({n, -1});
    at::Tensor shifted = flat - std::get<0>(flat.min(1, /*keepdim=*/true));
    shifted = shifted / (std::get<0>(shifted.max(1, /*keepdim=*/true)) + 1e-7);
    return shifted.reshape(maps.sizes());
}

at::Tensor resizeBilinear(const at::Tensor& maps, int64_t height, int64_t width) {
    if (maps.size(1) == height && maps.size(2) == width)
        return maps.clone();
    // align_corners=false is the half-pixel convention of cv2.resize; both clamp at the border.
    return at::upsample_bilinear2d(maps.unsqueeze(1), {height, width}, /*align_corners=*/false)
        .squeeze(1);
}

CamMaps postprocessCam(const at::Tensor& rawCam, int64_t inputHeight, int64_t inputWidth) {
    CamMaps out;
    out.grid = minMaxNormalise(at::relu(rawCam));
    // pytorch-grad-cam aggregates target layers (ReLU, mean over one layer) and rescales once more.
    out.map = minMaxNormalise(at::relu(resizeBilinear(out.grid, inputHeight, inputWidth)));
    return out;
}

}  // namespace cxr::explain
