#pragma once
// The demo job: what `cxr demo OUT` (and the README's run command without a display) does,
// end to end, so neither front end re-implements it. Today: synthesize a demo data set sized for
// CPU training into OUT/data (kept when an identical one is already there).
#include <cstdint>
#include <filesystem>
#include <string>

#include "common/cancel_token.h"
#include "common/progress.h"
#include "synth/synth_options.h"

namespace cxr::workflows {

struct DemoOptions {
    std::filesystem::path outDir;
    std::uint64_t seed = 1;
    // ~600 films at 256 px long side: small enough to train on two CPU cores in minutes.
    int train = 460, val = 40, test = 100;
    int size = 256;

    synth::SynthOptions synthOptions() const;
};

struct DemoResult {
    std::filesystem::path outDir;
    std::filesystem::path dataDir;  // outDir/data: the Kaggle-layout set
    synth::SynthSummary data;

    std::string toText() const;  // what was produced and where
};

DemoResult runDemo(const DemoOptions& options, ProgressSink* progress = nullptr,
                   const CancelToken* cancel = nullptr);

}  // namespace cxr::workflows
