#pragma once
// The arithmetic of the Grad-CAM family, on tensors, exactly as pytorch-grad-cam does it
// (base_cam.py, grad_cam.py, grad_cam_plusplus.py, layer_cam.py, utils/image.py): kept apart
// from the network plumbing so it can be checked on hand-made activations and gradients.
#include <cstdint>

#include <ATen/core/Tensor.h>

#include "core/explain/cam_method.h"

namespace cxr::explain {

// The raw map before ReLU: [N,h,w] from activations and d(target logit)/d(activations), both
// [N,K,h,w]. Grad-CAM: sum_k mean_hw(grad) * A. Grad-CAM++: sum_k (sum_hw ReLU(grad) * a_ij) * A
// with a_ij = g^2 / (2 g^2 + sum_hw(A) g^3 + 1e-6), zero where g == 0. LayerCAM:
// sum_k ReLU(grad) * A.
at::Tensor camFromGradients(CamMethod method, const at::Tensor& activations, const at::Tensor& gradients);

// The per-channel weights of Grad-CAM / Grad-CAM++: [N,K]. (LayerCAM has per-position weights.)
at::Tensor camChannelWeights(CamMethod method, const at::Tensor& activations, const at::Tensor& gradients);

// pytorch-grad-cam's scale_cam_image without the resize: per image, (m - min) / (max + 1e-7)
// after subtracting the min, so a flat map becomes all zeros, never NaN. [N,h,w] -> [N,h,w].
at::Tensor minMaxNormalise(const at::Tensor& maps);

// Bilinear resize with pixel centres at +0.5 and clamped borders: cv2.resize(INTER_LINEAR)
// when enlarging, which pytorch-grad-cam uses to bring the map to the input size. [N,h,w].
at::Tensor resizeBilinear(const at::Tensor& maps, std::int64_t height, std::int64_t width);

// The whole post-processing chain of pytorch-grad-cam for one target layer: ReLU, normalise,
// resize to the input, ReLU, normalise again. Returns {grid (normalised, layer resolution),
// map (normalised, input resolution)}.
struct CamMaps {
    at::Tensor grid;
    at::Tensor map;
};
CamMaps postprocessCam(const at::Tensor& rawCam, std::int64_t inputHeight, std::int64_t inputWidth);

}  // namespace cxr::explain
