#pragma once
// DeviceAugmenter: a training set held where the network runs (on the GPU: all 5,216 Kaggle
// films at 256² are 342 MB of uint8) and turned into augmented, normalised batches there, so
// no worker thread, host copy or per-image CPU work sits between two training steps. One
// affine_grid + grid_sample pass per batch does random resized crop, rotation and flip together;
// brightness/contrast and the ImageNet normalisation follow as a few element-wise ops. The
// draws follow data::AugmentationOptions like the CPU loader's, but come from the device's
// generator. The same code runs on the CPU (tests), slower than data::BatchLoader there.
#include <cstddef>
#include <cstdint>
#include <vector>

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include "core/data/augmentation.h"
#include "core/model/preprocess.h"

namespace cxr::data {

class FilmCache;

struct DeviceAugmentOptions {
    int imageSize = 224;
    bool augment = true;             // false: plain resize (validation, test)
    AugmentationOptions augmentation;  // the same ranges and meaning as the CPU batch loader's
    model::PreprocessSpec preprocess;
    bool channelsLast = false;       // lay the batch out as the channels_last network expects
    c10::ScalarType outputType = c10::ScalarType::Float;  // e.g. BFloat16 under AMP
};

class DeviceAugmenter {
public:
    // films: [N, S, S] uint8 on any device (moved to `device` once); labels: [N] integer.
    // Throws cxr::Error(InvalidInput) on wrong shapes or types.
    DeviceAugmenter(const at::Tensor& films, const at::Tensor& labels, c10::Device device,
                    DeviceAugmentOptions options);
    // Uploads the cache films at `indices` (positions in the cache).
    static DeviceAugmenter fromCache(const FilmCache& cache, const std::vector<std::size_t>& indices,
                                     c10::Device device, DeviceAugmentOptions options);

    std::size_t size() const;
    int side() const;
    c10::Device device() const { return m_device; }
    const DeviceAugmentOptions& options() const { return m_options; }
    const at::Tensor& labels() const { return m_labels; }  // [N] int64 on the device

    // positions: [B] int64 indices into this set (any device). Returns images
    // [B, channels, imageSize, imageSize] of options().outputType, normalised, augmented when
    // options().augment; random draws come from the device's default generator
    // (torch::manual_seed makes them repeatable).
    at::Tensor images(const at::Tensor& positions) const;
    at::Tensor labels(const at::Tensor& positions) const;
    // A random order of 0..size()-1 on the device.
    at::Tensor shuffledPositions() const;

private:
    at::Tensor augmentedUnit(const at::Tensor& grey) const;  // same size, random geometry + intensity
    at::Tensor normalised(const at::Tensor& unit) const;     // [B,1,I,I] in [0,1] -> output batch

    at::Tensor m_films;   // [N,S,S] uint8 on m_device
    at::Tensor m_labels;  // [N] int64 on m_device
    at::Tensor m_scale, m_shift;  // [1,C,1,1] float: x * scale + shift = (x - mean) / std
    c10::Device m_device;
    DeviceAugmentOptions m_options;
};

}  // namespace cxr::data
