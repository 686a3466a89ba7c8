#include "core/model/preprocess_spec.h"

#include "core/common/error.h"

namespace cxr::model {

Json PreprocessSpec::toJson() const {
    return Json{{"chainVersion", kChainVersion},
                {"decode", decode},
                {"window", window},
                {"imageSize", imageSize},
                {"resize", resize},
                {"filter", filter},
                {"mean", mean},
                {"std", std},
                {"channels", channels},
                {"inputRange", "uint8 / 255"},
                {"chain", describe()}};
}

PreprocessSpec PreprocessSpec::fromJson(const Json& json) {
    PreprocessSpec spec;
    if (!json.is_object())
        throw Error(ErrorCode::Model, "preprocessing spec is not a JSON object");
    try {
        spec.imageSize = json.value("imageSize", spec.imageSize);
        spec.resize = json.value("resize", spec.resize);
        spec.channels = json.value("channels", spec.channels);
        spec.decode = json.value("decode", spec.decode);
        spec.window = json.value("window", spec.window);
        spec.filter = json.value("filter", spec.filter);
        spec.recorded = json.contains("chainVersion");
        if (spec.recorded && json.at("chainVersion").get<int>() > kChainVersion)
            throw Error(ErrorCode::Model, "preprocessing chain version " +
                                              std::to_string(json.at("chainVersion").get<int>()) +
                                              " is newer than this CXR Studio reads (" + std::to_string(kChainVersion) +
                                              ")");
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
    if (spec.decode != "full")
        throw Error(ErrorCode::Model, "preprocessing decode rule '" + spec.decode + "' is not supported (only 'full')");
    if (spec.window != "film")
        throw Error(ErrorCode::Model, "preprocessing window rule '" + spec.window + "' is not supported (only 'film')");
    if (spec.filter != "area")
        throw Error(ErrorCode::Model, "preprocessing resize filter '" + spec.filter + "' is not supported (only 'area')");
    if (spec.channels != 1 && spec.channels != 3)
        throw Error(ErrorCode::Model, "preprocessing channels must be 1 or 3, not " + std::to_string(spec.channels));
    for (float s : spec.std)
        if (!(s > 0.0f))
            throw Error(ErrorCode::Model, "preprocessing std values must be positive");
    return spec;
}

bool PreprocessSpec::operator==(const PreprocessSpec& o) const {
    return imageSize == o.imageSize && resize == o.resize && decode == o.decode && window == o.window &&
           filter == o.filter && mean == o.mean && std == o.std && channels == o.channels;
}

std::string PreprocessSpec::describe() const {
    const PreprocessSpec imagenet;
    const bool imagenetStats = mean == imagenet.mean && std == imagenet.std;
    const std::string side = std::to_string(imageSize);
    return "decode at full resolution -> the film's display window to 8 bit -> one " + filter + " resize to " + side +
           " x " + side + " (" + resize + ") -> /255, " + (imagenetStats ? "ImageNet" : "custom") + " mean/std, " +
           std::to_string(channels) + (channels == 1 ? " channel" : " channels");
}

std::optional<Notice> PreprocessSpec::assumptionNote(bool weightsFile, const std::string& file) const {
    if (recorded)
        return std::nullopt;
    return Notice(weightsFile ? "model.chain_assumed_weights" : "model.chain_assumed_bundle")
        .text("file", file)
        .text("chain", describe());
}

}  // namespace cxr::model
