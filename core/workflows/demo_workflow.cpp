#include "workflows/demo_workflow.h"

#include <sstream>

#include "common/error.h"
#include "synth/synthetic_set.h"
#include "workflows/about.h"

namespace cxr::workflows {

synth::SynthOptions DemoOptions::synthOptions() const {
    synth::SynthOptions o;
    o.train = train;
    o.val = val;
    o.test = test;
    o.seed = seed;
    o.size = size;
    o.dicom = false;
    return o;
}

DemoResult runDemo(const DemoOptions& options, ProgressSink* progress, const CancelToken* cancel) {
    if (options.outDir.empty())
        throw Error(ErrorCode::InvalidInput, "the demo needs an output folder");
    DemoResult result;
    result.outDir = options.outDir;
    result.dataDir = options.outDir / "data";
    const synth::SynthOptions wanted = options.synthOptions();
    wanted.validate();
    // Regenerating identical data would only touch every file's mtime and invalidate caches.
    if (auto existing = synth::readSyntheticSetSummary(result.dataDir);
        existing && existing->options.toJson() == wanted.toJson()) {
        result.data = *existing;
        return result;
    }
    result.data = synth::makeSyntheticSet(result.dataDir, wanted, progress, cancel);
    return result;
}

std::string DemoResult::toText() const {
    std::ostringstream out;
    out << "CXR Studio demo in " << displayPath(outDir) << "\n"
        << "Data set (synthetic chest films, Kaggle layout):\n"
        << data.toText() << kIntendedUse << "\n";
    return out.str();
}

}  // namespace cxr::workflows
