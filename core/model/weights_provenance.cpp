#include "core/model/weights_provenance.h"

#include <algorithm>
#include <cctype>

#include "core/common/sha256.h"

namespace cxr::model {
namespace {

// torchvision's ImageNet files for ResNet18: the current IMAGENET1K_V1 download and the original
// 2017 file in torch's first (tar) container, still found in offline caches.
const KnownWeights kKnown[] = {
    {"f37072fd", "resnet18-f37072fd.pth",
     "torchvision ResNet18 ImageNet weights (IMAGENET1K_V1, resnet18-f37072fd)"},
    {"5c106cde", "resnet18-5c106cde.pth",
     "torchvision ResNet18 ImageNet weights (original 2017 release, resnet18-5c106cde, tar container)"},
};

}  // namespace

std::optional<KnownWeights> knownTorchvisionWeights(const std::string& sha256Hex) {
    if (sha256Hex.size() < 8)
        return std::nullopt;
    std::string prefix = sha256Hex.substr(0, 8);
    std::transform(prefix.begin(), prefix.end(), prefix.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const auto& known : kKnown)
        if (known.hashPrefix == prefix)
            return known;
    return std::nullopt;
}

Json WeightsProvenance::toJson() const {
    Json j{{"sha256", sha256}, {"recognised", recognised}, {"description", description}};
    if (!torchvisionFile.empty())
        j["torchvisionFile"] = torchvisionFile;
    return j;
}

WeightsProvenance identifyImagenetWeights(const std::filesystem::path& file) {
    WeightsProvenance p;
    p.sha256 = sha256File(file);
    if (const auto known = knownTorchvisionWeights(p.sha256)) {
        p.recognised = true;
        p.description = known->description;
        p.torchvisionFile = known->fileName;
    } else {
        p.description = "ImageNet-layout ResNet18 weights of unknown provenance (SHA-256 starting " +
                        p.sha256.substr(0, 8) + ", not one of torchvision's published files)";
    }
    return p;
}

}  // namespace cxr::model
