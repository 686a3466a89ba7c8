#pragma once
// WeightsProvenance: which published file a set of ImageNet weights is. torchvision names each
// download "<arch>-<first 8 hex digits of the file's SHA-256>.pth", so the hash identifies the file
// whatever it is called on this machine; a file not in the table is said to be of unknown origin
// rather than assumed to be torchvision's.
#include <filesystem>
#include <optional>
#include <string>

#include "core/common/json_io.h"

namespace cxr::model {

// One published torchvision file.
struct KnownWeights {
    std::string hashPrefix;  // 8 lowercase hex digits
    std::string fileName;    // as torchvision published it, e.g. "resnet18-f37072fd.pth"
    std::string description;
};

// The table lookup, by a SHA-256 in hex (any case; only its first 8 digits are compared).
std::optional<KnownWeights> knownTorchvisionWeights(const std::string& sha256Hex);

struct WeightsProvenance {
    std::string sha256;
    bool recognised = false;
    std::string description;      // for the log, model.json and the report
    std::string torchvisionFile;  // the published name, when recognised

    Json toJson() const;  // {"sha256", "recognised", "description"[, "torchvisionFile"]}
};

// Hashes `file` (an ImageNet-layout ResNet18 state dict) and looks it up. Throws cxr::Error
// naming the file when it cannot be read.
WeightsProvenance identifyImagenetWeights(const std::filesystem::path& file);

}  // namespace cxr::model
