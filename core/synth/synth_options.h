#pragma once
// What `makeSyntheticSet` is asked for and what it reports back.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "core/common/json_io.h"

namespace cxr::synth {

struct SynthOptions {
    int train = 200;  // films per split (all classes together)
    int val = 16;
    int test = 60;
    std::uint64_t seed = 1;
    int size = 0;        // long side in pixels; 0 = drawn per film in 1000..2000 (realistic)
    bool dicom = false;  // DICOM DX films (cycling photometric and transfer syntax) instead of JPEG

    Json toJson() const;
    static SynthOptions fromJson(const Json& json);  // throws cxr::Error(InvalidInput)
    void validate() const;                             // throws cxr::Error(InvalidInput)
};

struct SplitCounts {
    int normal = 0;
    int pneumonia = 0;
    int bacteria = 0;
    int virus = 0;
    int patients = 0;
    int total() const { return normal + pneumonia; }
};

struct SynthSummary {
    std::filesystem::path root;
    SynthOptions options;
    std::map<std::string, SplitCounts> splits;  // "train", "val", "test"
    int films = 0;
    int patients = 0;
    int opacityBoxes = 0;
    std::uint64_t bytesWritten = 0;  // films only
    std::filesystem::path opacityCsv;  // root/opacities.csv
    std::filesystem::path filmCsv;     // root/films.csv
    double seconds = 0;                // not part of the JSON (which must be reproducible)
    bool reused = false;               // set by callers that kept an identical existing set

    Json toJson() const;
    static SynthSummary fromJson(const Json& json, const std::filesystem::path& root);
    std::string toText() const;  // the multi-line summary `cxr synth` and `cxr demo` print
};

}  // namespace cxr::synth
