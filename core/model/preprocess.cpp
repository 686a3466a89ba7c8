#include "model/preprocess.h"

#include <ATen/ATen.h>

#include "common/error.h"

namespace cxr::model {

Json PreprocessSpec::toJson() const {
    return Json{{"imageSize", imageSize}, {"resize", resize}, {"mean", mean},
                {"std", std},             {"channels", channels}, {"inputRange", "uint8 / 255"}};
}

PreprocessSpec PreprocessSpec::fromJson(const Json& json) {
    PreprocessSpec spec;
    if (!json.is_object())
        throw Error(ErrorCode::Model, "preprocessing spec is not a JSON object");
    try {
        spec.imageSize = json.value("imageSize", spec.imageSize);
        spec.resize = json.value("resize", spec.resize);
        spec.channels = json.value("channels", spec.channels);
        if (json.contains("mean"))
            spec.mean = json.at("mean").get<std::array<float, 3>>();
        if (json.contains("std"))
            spec.std = json.at("std").get<std::array<float, 3>>();
    } catch (const Json::exception& e) {
        throw Error(ErrorCode::Model, std::string("preprocessing spec has a field of the wrong type: ") + e.what());
    }
    if (spec.imageSize < 16 || spec.imageSize > 4096)
        throw Error(ErrorCode::Model, "preprocessing imageSize " + std::to_string(spec.imageSize) + " is outside 16..4096");
    if (spec.resize != "stretch")
        throw Error(ErrorCode::Model, "preprocessing resize rule '" + spec.resize + "' is not supported (only 'stretch')");
    if (spec.channels != 1 && spec.channels != 3)
        throw Error(ErrorCode::Model, "preprocessing channels must be 1 or 3, not " + std::to_string(spec.channels));
    for (float s : spec.std)
        if (!(s > 0.0f))
            throw Error(ErrorCode::Model, "preprocessing std values must be positive");
    return spec;
}

bool PreprocessSpec::operator==(const PreprocessSpec& o) const {
    return imageSize == o.imageSize && resize == o.resize && mean == o.mean && std == o.std && channels == o.channels;
}

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
