#pragma once
// Augmentation on tensors: random resized crop to the model size, horizontal flip, small
// rotation, brightness/contrast. Geometry is one affine warp per film (crop, flip and rotation
// combined, so pixels are interpolated once), applied to a whole batch in one grid_sample.
// Parameters are drawn from a seed per film, so a batch is the same whichever thread makes it.
#include <cstdint>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

#include "core/model/preprocess.h"

namespace cxr::data {

struct AugmentationOptions {
    // Area fraction and aspect ratio of the crop. Narrower than torchvision's (0.08, 1): a
    // chest film cropped to 8% no longer shows the finding it is labelled with.
    double minScale = 0.7, maxScale = 1.0;
    double minRatio = 3.0 / 4.0, maxRatio = 4.0 / 3.0;
    double flipProbability = 0.5;
    double maxRotationDegrees = 10.0;
    double brightness = 0.1;  // additive shift drawn from [-b, b] (0..1 intensity scale)
    double contrast = 0.1;    // factor drawn from [1-c, 1+c] around the film's mean
};

// The named ranges a training config picks: "chest" (the defaults above) or "seed" (flip and
// rotation only: the whole film, no intensity change). Throws cxr::Error(InvalidInput) otherwise.
AugmentationOptions augmentationPreset(const std::string& name);

// One film's draw. Crop in normalised coordinates of the source (0..1).
struct AugmentParams {
    double cropX = 0, cropY = 0, cropW = 1, cropH = 1;
    bool flip = false;
    double angleDegrees = 0;
    double brightness = 0;  // additive
    double contrast = 1;    // multiplicative around the mean
};

// Deterministic in `seed` (use sampleSeed() to derive one per film).
AugmentParams sampleAugmentParams(const AugmentationOptions& options, std::uint64_t seed);
std::uint64_t sampleSeed(std::uint64_t seed, std::uint64_t epoch, std::uint64_t position);

// grey: [B,1,H,W] float in 0..1. Returns [B,1,outSize,outSize] float in 0..1 (clamped).
at::Tensor augmentBatch(const at::Tensor& grey, const std::vector<AugmentParams>& params, int outSize);
// Evaluation path: bilinear (antialiased when shrinking) resize of [B,1,H,W] to outSize, no-op
// when the size already matches.
at::Tensor resizeBatch(const at::Tensor& grey, int outSize);
// uint8 side x side films -> [B,1,side,side] float in 0..1.
at::Tensor greyBytesToTensor(const std::vector<const std::uint8_t*>& images, int side);
// [B,1,S,S] in 0..1 -> [B,channels,S,S], grey replicated, (x - mean[c]) / std[c].
at::Tensor normaliseBatch(const at::Tensor& grey01, const model::PreprocessSpec& spec);

}  // namespace cxr::data
