#pragma once
// PreprocessSpec: how a film becomes the network's input, stored in every model bundle so
// diagnosis preprocesses exactly as training did. Defaults are the seed's transforms:
// Resize((224, 224)) (stretch, no aspect kept), ToTensor, Normalize(ImageNet mean/std),
// greyscale replicated to three channels.
#include <array>
#include <cstdint>
#include <string>

#include <torch/types.h>

#include "common/json_io.h"

namespace cxr::model {

struct PreprocessSpec {
    int imageSize = 224;
    std::string resize = "stretch";  // the only rule implemented: both sides to imageSize
    std::array<float, 3> mean{0.485f, 0.456f, 0.406f};
    std::array<float, 3> std{0.229f, 0.224f, 0.225f};
    int channels = 3;  // 3: grey replicated (seed, ImageNet backbones); 1: single channel

    Json toJson() const;
    // Missing fields keep their defaults; invalid values throw cxr::Error(Model).
    static PreprocessSpec fromJson(const Json& json);
    bool operator==(const PreprocessSpec& other) const;
};

// `grey` is side x side uint8 (already resized to spec.imageSize) -> [1, channels, side, side]
// float, (v/255 - mean[c]) / std[c]. Throws cxr::Error(InvalidInput) on a wrong side.
torch::Tensor grey8ToInput(const std::uint8_t* grey, int side, const PreprocessSpec& spec);

}  // namespace cxr::model
