#include "core/model/preprocess.h"

#include <ATen/ATen.h>

#include "core/common/error.h"

namespace cxr::model {

torch::Tensor grey8ToInput(const std::uint8_t* grey, int side, const PreprocessSpec& spec) {
    if (side != spec.imageSize || grey == nullptr)
        throw Error(ErrorCode::InvalidInput, "grey8ToInput expects a " + std::to_string(spec.imageSize) + "x" +
                                                 std::to_string(spec.imageSize) + " image, got side " + std::to_string(side));
    // from_blob does not own `grey`; the arithmetic below makes the owned float tensor.
    const auto bytes = at::from_blob(const_cast<std::uint8_t*>(grey), {1, 1, side, side}, at::kByte);
    const auto unit = bytes.to(at::kFloat).div_(255.0f);
    std::vector<at::Tensor> planes;
    for (int c = 0; c < spec.channels; ++c)
        planes.push_back((unit - spec.mean[c]) / spec.std[c]);
    return at::cat(planes, 1);
}

}  // namespace cxr::model
