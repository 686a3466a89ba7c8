#pragma once
// PreprocessSpec: the whole chain from a decoded film to the network's input, stored in every
// model bundle so that evaluation, the film cache and diagnosis produce the same pixels. The
// chain is: decode the film at full resolution -> the film's own display window to 8 bit
// (identity for 8-bit raster films, as the seed's PIL path) -> one resize to imageSize x
// imageSize (stretch; area averaging when shrinking, bilinear when growing) -> v/255, ImageNet
// mean/std, grey replicated to three channels. Defaults are the seed's transforms
// (Resize((224, 224)), ToTensor, Normalize). The film side of the chain is applied by
// data::FilmPreprocessor (cxr_core), the tensor side by grey8ToInput (preprocess.h) and the
// batch loader; this header is LibTorch-free so the film side can include it cheaply.
#include <array>
#include <optional>
#include <string>

#include "core/common/json_io.h"
#include "core/common/notice.h"

namespace cxr::model {

struct PreprocessSpec {
    // The version of the chain description written to model.json. Bundles without it were
    // written before the chain was recorded; they load with this chain assumed (`recorded`).
    static constexpr int kChainVersion = 2;

    int imageSize = 224;
    std::string resize = "stretch";  // the only rule implemented: both sides to imageSize
    std::string decode = "full";     // films are decoded at full resolution (no JPEG DCT scaling)
    std::string window = "film";     // the film's own display window (file, VOI LUT or percentile)
    std::string filter = "area";     // one resize: area when shrinking, bilinear when growing
    std::array<float, 3> mean{0.485f, 0.456f, 0.406f};
    std::array<float, 3> std{0.229f, 0.224f, 0.225f};
    int channels = 3;  // 3: grey replicated (seed, ImageNet backbones); 1: single channel
    // False when the bundle did not record its chain (older model.json, seed .pth files): the
    // chain above is then an assumption, and assumptionNote() says so.
    bool recorded = true;

    Json toJson() const;
    // Missing fields keep their defaults; invalid values throw cxr::Error(Model).
    static PreprocessSpec fromJson(const Json& json);
    bool operator==(const PreprocessSpec& other) const;

    // One line a person reads: "full decode -> film window -> 8 bit -> area resize to 224 x 224
    // (stretch) -> /255, ImageNet mean/std, 3 channels".
    std::string describe() const;
    // Empty when recorded; otherwise what was assumed and of which file (`file`: a seed weights
    // file when `weightsFile`, else a model folder's model.json), for logs, `cxr evaluate`,
    // `cxr predict` and the GUI's model information.
    std::optional<Notice> assumptionNote(bool weightsFile, const std::string& file) const;
};

}  // namespace cxr::model
