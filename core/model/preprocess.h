#pragma once
// The tensor side of the preprocessing chain (preprocess_spec.h): normalising a film that the
// film side has already brought to imageSize x imageSize 8-bit grey.
#include <cstdint>

#include <torch/types.h>

#include "core/model/preprocess_spec.h"

namespace cxr::model {

// `grey` is side x side uint8 (already resized to spec.imageSize) -> [1, channels, side, side]
// float, (v/255 - mean[c]) / std[c]. Throws cxr::Error(InvalidInput) on a wrong side.
torch::Tensor grey8ToInput(const std::uint8_t* grey, int side, const PreprocessSpec& spec);

}  // namespace cxr::model
