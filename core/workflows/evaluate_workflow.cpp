#include "core/workflows/evaluate_workflow.h"

#include <chrono>
#include <random>

#include <c10/util/Exception.h>

#include "core/common/error.h"
#include "core/data/batch_loader.h"
#include "core/data/dataset_index.h"
#include "core/data/film_cache.h"
#include "core/data/film_cache_builder.h"
#include "core/model/device.h"
#include "core/model/model_bundle.h"
#include "core/training/epoch_loop.h"
#include "core/training/loader_batch_source.h"

namespace cxr::workflows {
namespace {

// Removes a temporary cache folder on every exit path.
struct TempDir {
    std::filesystem::path path;
    bool owned = false;
    ~TempDir() {
        std::error_code ec;
        if (owned)
            std::filesystem::remove_all(path, ec);
    }
};

}  // namespace

EvaluateModelResult evaluateModel(const EvaluateModelOptions& options, ProgressSink* progress,
                                  const CancelToken* cancel) {
    const auto start = std::chrono::steady_clock::now();
    EvaluateModelResult result;
    try {
        model::initTorchThreads();
        result.device = model::resolveDevice(options.device);
        auto bundle = model::loadModelBundle(options.model, torch::Device(result.device));
        result.modelSource = bundle.source;
        result.weightsSha256 = bundle.weightsSha256;
        result.threshold = bundle.threshold;
        result.temperature = bundle.temperature;
        result.pretrained = bundle.pretrained;
        for (const auto& note : bundle.notes)
            result.warnings.push_back(note);

        data::ScanOptions scan;
        scan.requiredSplits = {options.split};
        scan.splits = {options.split};
        const auto index = data::DatasetIndex::scan(options.dataDir, scan);
        model::requireClasses(bundle, index.classes());
        const auto films = index.entries(options.split);

        TempDir temp;
        if (options.cacheDir) {
            temp.path = *options.cacheDir;
        } else {
            temp.path = std::filesystem::temp_directory_path() /
                        ("cxr-evaluate-" + std::to_string(std::random_device{}()));
            temp.owned = true;
        }
        std::filesystem::create_directories(temp.path);
        // Films at the input size through the bundle's own chain: the same pixels `cxr predict`
        // and the trainer's test split see, so a run folder reproduces its test figures.
        const int side = bundle.preprocess.imageSize;
        const auto cacheFile = temp.path / ("films-" + std::to_string(side) + ".cache");
        data::FilmCacheBuildOptions build;
        build.workingSize = side;
        build.preprocess = bundle.preprocess;
        build.threads = options.threads;
        const auto info = data::buildFilmCache(films, cacheFile, build, progress, cancel);
        // Named relative to the folder the user gave: this goes to their own terminal or window.
        const auto root = std::filesystem::absolute(options.dataDir).lexically_normal();
        for (const auto& p : info.skipped)
            result.warnings.push_back(Notice("data.unreadable_film_left_out")
                                          .text("film", std::filesystem::path(p.path).lexically_relative(root).generic_string())
                                          .text("reason", p.reason));
        const auto cache = data::FilmCache::open(cacheFile);
        std::vector<std::size_t> indices;
        for (const auto& f : films)
            if (const auto i = cache.find(f.path.string()))
                indices.push_back(*i);
        if (indices.empty())
            throw Error(ErrorCode::InvalidInput, options.dataDir, "the " + options.split + " split has no readable film");
        result.films = indices.size();

        data::BatchLoaderOptions loaderOptions;
        loaderOptions.batchSize = options.batchSize;
        loaderOptions.imageSize = bundle.preprocess.imageSize;
        loaderOptions.preprocess = bundle.preprocess;
        loaderOptions.workers = options.threads;
        training::LoaderBatchSource source(std::make_unique<data::BatchLoader>(cache, indices, loaderOptions));
        training::StepSettings settings;
        settings.device = torch::Device(result.device);
        const auto output = training::runInference(
            bundle.net, source, settings,
            [&](std::size_t done, std::size_t total) {
                if (progress)
                    progress->onProgress(Progress{Notice("stage.predicting").text("films", options.split), done, total, -1});
            },
            cancel);
        auto predictions = training::toPredictions(output);
        for (const auto i : output.indices)
            predictions.paths.push_back(
                std::filesystem::path(cache.sourcePath(i)).lexically_relative(data::cacheKeyPath(options.dataDir)).generic_string());
        result.predictions = predictions;
        result.report = evaluation::evaluateWith(predictions, bundle.threshold, bundle.temperature, bundle.classes);
        result.report.test.split = options.split;
    } catch (const c10::Error& e) {
        throw Error(ErrorCode::Model, std::string("LibTorch failed during evaluation: ") + e.what_without_backtrace());
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

evaluation::EvaluationReport evaluateModel(const std::filesystem::path& model, const std::filesystem::path& dataDir,
                                           const std::string& split) {
    EvaluateModelOptions options;
    options.model = model;
    options.dataDir = dataDir;
    options.split = split;
    return evaluateModel(options).report;
}

}  // namespace cxr::workflows
