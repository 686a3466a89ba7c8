#include "core/workflows/train_workflow.h"

#include <chrono>
#include <fstream>
#include <memory>
#include <thread>
#include <ctime>

#include <c10/util/Exception.h>
#include <torch/utils.h>

#include "core/common/allocator_settings.h"
#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/common/json_io.h"
#include "core/common/logging.h"
#include "core/data/class_balance.h"
#include "core/data/dataset_index.h"
#include "core/data/file_list_digest.h"
#include "core/data/film_cache.h"
#include "core/data/film_cache_builder.h"
#include "core/data/split.h"
#include "core/model/cpu_features.h"
#include "core/model/device.h"
#include "core/model/model_bundle.h"
#include "core/model/weights_provenance.h"
#include "core/training/autocast_guard.h"
#include "core/training/batch_source.h"
#include "core/training/distributed/process_group.h"
#include "core/training/run_directory.h"
#include "core/training/run_state.h"
#include "core/training/step_settings.h"
#include "core/training/trainer.h"
#include "core/workflows/about.h"
#include "core/workflows/film_set_loader.h"
#include "core/workflows/rank_device.h"
#include "core/workflows/prediction_file.h"
#include "core/workflows/run_films.h"
#include "core/workflows/run_record.h"

namespace cxr::workflows {
namespace {

void warn(TrainFolderResult& result, training::TrainingObserver* observer, const Notice& notice) {
    logger()->info("{}", englishText(notice));  // the observer shows it
    result.warnings.push_back(notice);
    if (observer)
        observer->onWarning(notice);
}

void stage(training::TrainingObserver* observer, const Notice& what, std::size_t done = 0,
           std::size_t total = 0) {
    if (observer)
        observer->onStage(Progress{what, done, total, -1});
}

std::string nowIso() {
    const std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    return buf;
}

// What else decides a CPU run's bits besides the config (seed, threads, workers): the same
// seed repeats exactly on the same processor with the same thread count.
Json machineJson() {
    std::string cpu;
    std::ifstream info("/proc/cpuinfo");
    for (std::string line; cpu.empty() && std::getline(info, line);)
        if (line.rfind("model name", 0) == 0 && line.find(':') != std::string::npos)
            cpu = line.substr(line.find(':') + 2);
    return Json{{"cpu", cpu},
                {"hardwareThreads", std::thread::hardware_concurrency()},
                {"bf16Instructions", model::cpuBf16Support().describe()},
                {"malloc", allocatorSettings().description}};
}

// config.json: the training config plus what else decides the run's outcome.
Json runConfigJson(const TrainFolderOptions& o, const training::TrainingConfig& config, bool pretrained) {
    return Json{{"training", config.toJson()},
                {"dataDir", std::filesystem::absolute(o.dataDir).lexically_normal().string()},  // resolves films.csv
                {"imagenetWeights", o.imagenetWeights ? o.imagenetWeights->string() : ""},
                {"pretrained", pretrained},
                {"population", o.population.toJson()},
                {"cxrVersion", CXR_VERSION},
                {"torchVersion", model::torchVersion()},
                {"machine", machineJson()},
                {"precision", training::resolvePrecision(config.precision, model::resolveDevice(config.device))},
                {"created", nowIso()}};
}

// The predictions under the films' references (predictions.csv travels; films.csv names them).
evaluation::Predictions withReferences(evaluation::Predictions predictions, const RunFilms& films) {
    for (auto& path : predictions.paths)
        path = films.referenceOf(path);
    return predictions;
}

// A resumed run must see the same split; a changed folder would silently mix data otherwise.
void checkSameSplit(const Json& stored, const Json& now, const std::filesystem::path& file) {
    if (stored.value("counts", Json()) != now.value("counts", Json()))
        throw Error(ErrorCode::InvalidInput, file,
                    "the data folder changed since this run started (split counts differ: was " +
                        stored.value("counts", Json()).dump() + ", now " + now.value("counts", Json()).dump() +
                        "); start a new run instead of resuming");
}

// Same counts are not the same films: a resumed run also compares the file list (names and
// sizes) it started with. Runs made before the list was recorded have only their counts.
void checkSameFiles(const Json& stored, const data::FileListDigest& now, const std::filesystem::path& runDir) {
    if (!stored.contains("files"))
        return;
    const auto then = data::FileListDigest::fromJson(stored.at("files"));
    const std::string changed = then.differences(now);
    if (!changed.empty())
        throw Error(ErrorCode::InvalidInput, runDir,
                    "the data folder's films changed since this run started (" + changed +
                        "); resuming would mix data — start a new run instead");
}

}  // namespace

Notice fromScratchWarning(const std::string& plan) {
    return Notice(plan == "seed" ? "weights.from_scratch_seed_plan" : "weights.from_scratch_scratch_plan");
}

TrainFolderResult trainFolder(const std::filesystem::path& dataDir, const std::filesystem::path& runDir,
                              const training::TrainingConfig& config, training::TrainingObserver* observer,
                              const CancelToken* cancel) {
    TrainFolderOptions o;
    o.dataDir = dataDir;
    o.runDir = runDir;
    o.config = config;
    return trainFolder(o, observer, cancel);
}

TrainFolderResult trainFolder(const TrainFolderOptions& optionsIn, training::TrainingObserver* observer,
                              const CancelToken* cancel) {
    const auto start = std::chrono::steady_clock::now();
    TrainFolderOptions options = optionsIn;
    training::RunDirectory runDir(options.runDir);
    TrainFolderResult result;
    result.runDir = options.runDir;
    training::dist::ProcessGroup* group = options.group;
    const int worldSize = group ? group->worldSize() : options.worldSize;
    const int rank = group ? group->rank() : 0;
    const bool writer = rank == 0;
    try {
        // Rank 0 makes the run folder; the others must not find it "already holding a run".
        if (writer || options.resume)
            runDir.checkStart(options.resume);
        if (options.resume)  // refused before anything is loaded, on every rank
            training::checkResumeWorldSize(training::RunState::read(runDir.stateFile()), worldSize,
                                           displayPath(runDir.stateFile()));
        if (options.resume) {
            const Json stored = readJsonFile(runDir.configFile());
            options.config = training::TrainingConfig::fromJson(stored.at("training"));
            // Runs started before the plan setting trained each phase's own layer list.
            if (!stored.at("training").contains("plan"))
                options.config.plan = "seed";
            // Runs started before the early-stopping setting compared every epoch with the
            // run's best; they resume as they began.
            if (!stored.at("training").contains("earlyStopOn"))
                options.config.earlyStopOn = "run";
            const std::string weights = stored.value("imagenetWeights", "");
            options.imagenetWeights = weights.empty() ? std::nullopt : std::optional<std::filesystem::path>(weights);
            options.population = Population::fromJson(stored.value("population", Json()), displayPath(runDir.configFile()));
        }
        training::TrainingConfig& config = options.config;
        config.validate();

        // The folder's path stays out of the run's output, which often ends up in a shared log.
        stage(observer, Notice("stage.indexing"));
        const auto index = data::DatasetIndex::scan(options.dataDir);
        for (const auto& problem : index.problems())
            warn(result, observer, problem);
        const auto split = data::makeSplit(index, data::parseValPolicy(config.valPolicy), config.valFraction,
                                           config.seed);
        Json splitJson = split.toJson();
        const auto files = data::FileListDigest::of(index);
        splitJson["files"] = files.toJson();
        if (options.resume && std::filesystem::exists(runDir.splitFile())) {
            const Json stored = readJsonFile(runDir.splitFile());
            checkSameFiles(stored, files, runDir.root());
            checkSameSplit(stored, splitJson, runDir.splitFile());
        }
        result.splitReason = split.reason;

        bool pretrained = false;
        // The initial weights (the whole net from scratch, or the new fc on an ImageNet backbone)
        // come from LibTorch's global generator: seed it, or the same --seed trains another model.
        torch::manual_seed(config.seed);
        auto net = model::makeResNet18(options.imagenetWeights, static_cast<int64_t>(split.classes.size()), &pretrained);
        result.pretrained = pretrained;
        config.resolvePlan(pretrained);
        if (!pretrained)
            warn(result, observer, fromScratchWarning(config.plan));
        const std::string device = model::resolveDevice(config.device);
        if (const auto slow = training::precisionWarning(training::resolvePrecision(config.precision, device), device))
            warn(result, observer, *slow);
        // Which ImageNet weights these are, by their hash: named in the log and in model.json.
        Json weightsJson;
        if (options.imagenetWeights) {
            const auto provenance = model::identifyImagenetWeights(*options.imagenetWeights);
            weightsJson = provenance.toJson();
            if (provenance.recognised) {
                logger()->info("ImageNet weights: {}", provenance.description);
                stage(observer, Notice("stage.imagenet_weights").text("description", provenance.description));
            } else {
                warn(result, observer, Notice("weights.unknown_provenance").text("sha256", provenance.sha256.substr(0, 8)));
            }
        }
        const RunFilms runFilms = RunFilms::of(split, options.dataDir);
        if (writer) {
            runDir.create();
            if (!options.resume) {
                Json configJson = runConfigJson(options, config, pretrained);
                configJson["pretrainedWeights"] = weightsJson;
                writeJsonFile(runDir.configFile(), configJson);
                writeJsonFile(runDir.splitFile(), splitJson);
            }
            runFilms.write(RunFilms::fileOf(runDir.root()));
        }

        // Each rank trains on its own device (its GPU on CUDA); config.json keeps what was asked.
        training::TrainingConfig rankConfig = config;
        if (group)
            rankConfig.device = rankDevice(config.device, group->env());
        // Rank 0 builds the film cache while the others wait, then they open it read-only.
        const auto cacheDir = options.cacheDir.value_or(runDir.cacheDir());
        std::unique_ptr<FilmSetLoader> filmsOwner;
        if (writer)
            filmsOwner = std::make_unique<FilmSetLoader>(split, rankConfig, cacheDir, options.cacheThreads, observer, cancel,
                                                         worldSize, rank, false);
        if (group)
            group->barrier();
        if (!writer)
            filmsOwner = std::make_unique<FilmSetLoader>(split, rankConfig, cacheDir, options.cacheThreads, observer, cancel,
                                                         worldSize, rank, true);
        FilmSetLoader& films = *filmsOwner;
        for (const auto& skipped : films.skipped())
            warn(result, observer, Notice("data.unreadable_film_left_out_of_run")
                                       .text("film", runFilms.referenceOf(skipped.path))
                                       .text("reason", skipped.reason));
        result.trainFilms = films.trainSize();
        result.valFilms = films.valSize();
        result.testFilms = films.testSize();

        training::TrainerSetup setup;
        setup.classes = split.classes;
        setup.resume = options.resume;
        setup.group = group;
        if (config.classWeighting == "loss")
            setup.classWeights = data::classWeights(films.trainLabels(), static_cast<int>(split.classes.size()));
        training::Trainer trainer(rankConfig, runDir, observer, cancel);
        result.training = trainer.run(net, films.train(), films.valShard(), setup);
        for (const auto& w : result.training.warnings)
            result.warnings.push_back(w);
        if (!writer) {  // the evaluation, export and records are rank 0's
            result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            return result;
        }

        stage(observer, Notice("stage.evaluating"));
        const auto scoring = training::inferenceSettings(trainer.stepSettings());
        const auto valPred = films.predict(net, films.val(), scoring, "validation", observer, cancel);
        const auto testPred = films.predict(net, films.test(), scoring, "test", observer, cancel);
        result.report = evaluation::evaluate(valPred, testPred, config.thresholdRule, split.classes);
        writeJsonFile(runDir.evaluationJson(), evaluation::toJson(result.report));
        writeFileAtomically(runDir.evaluationText(), evaluation::toText(result.report));
        // Per-film logits: the GUI's threshold picker and the report recompute from them.
        writePredictionFile(predictionFileOf(runDir.root()), withReferences(valPred, runFilms),
                            withReferences(testPred, runFilms));

        stage(observer, Notice("stage.exporting"));
        Json configJson = runConfigJson(options, config, pretrained);
        configJson["pretrainedWeights"] = weightsJson;
        configJson["split"] = splitJson;
        configJson["split"].erase("files");  // the run folder's business; the bundle travels
        configJson["bestCheckpoint"] = {{"phase", result.training.best.phaseName},
                                        {"epoch", result.training.best.epoch},
                                        {"valLoss", result.training.best.valLoss}};
        Json testMetrics = evaluation::toJson(result.report).value("test", Json::object());
        model::exportModelBundle(runDir.root(), net, split.classes, films.preprocess(), result.report.threshold.threshold,
                                 result.report.calibration.temperature, configJson, testMetrics);
        auto state = training::RunState::read(runDir.stateFile());
        state.status = "finished";
        state.write(runDir.stateFile());
        // Here, where the run is complete, so the CLI and the GUI both record it. The records
        // serve the review; a database that cannot be written never fails a finished training.
        if (options.record) {
            const RunRecording recorded = recordFinishedRun(runDir.root(), options.recordsDb);
            result.recordId = recorded.id;
            result.recordProblem = recorded.problem;
            if (!recorded.problem.empty())
                logger()->warn("the run was not recorded in the review records: {}", recorded.problem);
        }
    } catch (const c10::Error& e) {
        const Error err(ErrorCode::Training, std::string("LibTorch: ") + e.what_without_backtrace());
        if (observer)
            observer->onRunFailed(err.what(), false);
        throw err;
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

}  // namespace cxr::workflows
