#include "core/workflows/demo_workflow.h"

#include <sstream>

#include "core/common/error.h"
#include "core/common/json_io.h"
#include "core/synth/synthetic_set.h"
#include "core/workflows/about.h"

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

training::TrainingConfig DemoOptions::demoTrainingConfig() {
    training::TrainingConfig c;
    const int epochs[] = {6, 4, 4};
    for (std::size_t i = 0; i < c.phases.size(); ++i)
        c.phases[i].epochs = epochs[i];
    c.batchSize = 32;
    c.imageSize = 224;
    return c;
}

DemoResult runDemo(const DemoOptions& options, ProgressSink* progress, const CancelToken* cancel) {
    return runDemo(options, progress, cancel, nullptr);
}

namespace {

void trainDemo(const DemoOptions& options, DemoResult& result, const CancelToken* cancel,
               training::TrainingObserver* observer) {
    result.runDir = options.outDir / "run";
    TrainFolderOptions train;
    train.dataDir = result.dataDir;
    train.runDir = result.runDir;
    train.config = options.trainingConfig;
    if (std::filesystem::exists(result.runDir / "state.json")) {
        const Json state = readJsonFile(result.runDir / "state.json");
        if (state.value("status", "") == "finished") {
            result.runKept = true;
            return;
        }
        train.resume = true;
    }
    result.run = trainFolder(train, observer, cancel);
}

}  // namespace

DemoResult runDemo(const DemoOptions& options, ProgressSink* progress, const CancelToken* cancel,
                   training::TrainingObserver* observer) {
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
    } else {
        result.data = synth::makeSyntheticSet(result.dataDir, wanted, progress, cancel);
    }
    if (options.trainModel)
        trainDemo(options, result, cancel, observer);
    return result;
}

std::string DemoResult::toText() const {
    std::ostringstream out;
    out << "CXR Studio demo in " << displayPath(outDir) << "\n"
        << "Data set (synthetic chest films, Kaggle layout):\n"
        << data.toText();
    if (run) {
        const auto& test = run->report.test;
        out << "Model trained and evaluated in " << displayPath(runDir) << " ("
            << (run->pretrained ? "ImageNet backbone" : "from scratch, no ImageNet weights") << "):\n"
            << "  test accuracy " << test.report.accuracy << ", ROC AUC " << test.roc.auc << " on " << test.films
            << " films\n"
            << "  model: X_ray_classifier.pth, class_to_index.pth/.json, model.json\n"
            << "  report: evaluation.txt, evaluation.json; training: metrics.csv, checkpoints/best-NNNN.pth\n";
    } else if (runKept) {
        out << "Model: the finished run in " << displayPath(runDir) << " was kept (see its evaluation.txt)\n";
    }
    out << kIntendedUse << "\n";
    return out.str();
}

}  // namespace cxr::workflows
