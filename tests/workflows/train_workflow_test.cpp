// trainFolder / evaluateModel end to end on a tiny synthetic set (64 px films, 32 px input).
#include <algorithm>
#include <fstream>
#include <set>

#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/common/json_io.h"
#include "core/common/sha256.h"
#include "core/model/resnet18.h"
#include "core/model/state_dict.h"
#include "core/synth/synthetic_set.h"
#include "core/training/metrics_log.h"
#include "core/training/run_directory.h"
#include "core/training/run_state.h"
#include "core/workflows/evaluate_workflow.h"
#include "core/workflows/run_results.h"
#include "core/workflows/train_workflow.h"
#include "support/tiny_training_config.h"
#include "test_dirs.h"

namespace cxr::workflows {
namespace {

std::filesystem::path tinySet(const std::filesystem::path& dir) {
    synth::SynthOptions o;
    o.train = 24;
    o.val = 4;
    o.test = 12;
    o.size = 64;
    o.seed = 3;
    synth::makeSyntheticSet(dir / "data", o);
    return dir / "data";
}

// The shared tiny configuration, its cache a little larger than the input (the crop has room)
// and a fifth of train held out.
training::TrainingConfig tinyConfig() {
    auto c = test::tinyTrainingConfig(32, 1, 40);
    c.workers = 1;
    c.valFraction = 0.2;
    return c;
}

class CancelInPhase : public training::TrainingObserver {
public:
    CancelInPhase(CancelToken& token, int phase) : m_token(token), m_phase(phase) {}
    void onBatch(const training::BatchInfo& b) override {
        if (b.phase == m_phase)
            m_token.cancel();
    }

private:
    CancelToken& m_token;
    int m_phase;
};

TEST(TrainWorkflow, TrainsEvaluatesAndExportsAndEvaluateModelAgrees) {
    const auto dir = test::scratchDir();
    const auto data = tinySet(dir);
    const auto run = dir / "run";
    const auto result = trainFolder(data, run, tinyConfig());

    for (const char* f : {"config.json", "split.json", "metrics.csv", "state.json", "X_ray_classifier.pth", "class_to_index.pth", "class_to_index.json", "model.json",
                          "evaluation.json", "evaluation.txt"})
        EXPECT_TRUE(std::filesystem::exists(run / f)) << f;
    const auto state = training::RunState::read(run / "state.json");
    EXPECT_EQ(state.status, "finished");
    EXPECT_TRUE(std::filesystem::exists(training::RunDirectory(run).bestCheckpoint(state)));
    const auto rows = training::MetricsLog::read(run / "metrics.csv").rows();
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_DOUBLE_EQ(rows[0].learningRate, 1e-3);
    EXPECT_DOUBLE_EQ(rows[1].learningRate, 5e-4);
    EXPECT_DOUBLE_EQ(rows[2].learningRate, 1e-4);
    EXPECT_EQ(result.testFilms, 12u);
    EXPECT_EQ(result.report.test.films, 12u);
    EXPECT_FALSE(result.pretrained);
    ASSERT_FALSE(result.warnings.empty());
    // Without weights "auto" trains every layer: the warning names that plan.
    EXPECT_EQ(result.warnings.front().code(), "weights.from_scratch_scratch_plan");
    EXPECT_NE(englishText(result.warnings.front()).find("FROM SCRATCH"), std::string::npos);
    const Json model = readJsonFile(run / "model.json");
    EXPECT_EQ(model.at("classes"), Json({"NORMAL", "PNEUMONIA"}));
    EXPECT_EQ(model.at("preprocessing").at("imageSize"), 32);
    EXPECT_TRUE(model.at("pretrainedWeights").is_null()) << "trained from scratch: no ImageNet file to name";

    // The exported model on the same split reproduces the run's test figures.
    EvaluateModelOptions eval;
    eval.model = run;
    eval.dataDir = data;
    eval.device = "cpu";
    eval.threads = 1;
    const auto again = evaluateModel(eval);
    EXPECT_EQ(again.films, 12u);
    EXPECT_EQ(again.report.test.confusion.toJson(), result.report.test.confusion.toJson());
    EXPECT_NEAR(again.report.test.roc.auc, result.report.test.roc.auc, 1e-9);
}

// RunResults is what the results view and the PDF report show: read back from the run folder,
// its figures are the run's own, and its operating points and example films agree with them.
TEST(RunResults, ReadsBackTheRunsOwnFiguresOperatingPointsAndExamples) {
    const auto dir = test::scratchDir();
    const auto data = tinySet(dir);
    const auto run = dir / "run";
    const auto result = trainFolder(data, run, tinyConfig());

    const RunResults r = RunResults::load(run);
    EXPECT_TRUE(r.notes.empty()) << r.notes.front();
    ASSERT_TRUE(r.report.has_value());
    ASSERT_TRUE(r.test.has_value());
    ASSERT_TRUE(r.validation.has_value());
    EXPECT_EQ(r.classes, std::vector<std::string>({"NORMAL", "PNEUMONIA"}));
    EXPECT_EQ(r.weightsSha256, sha256File(run / "X_ray_classifier.pth"));
    EXPECT_EQ(r.history.epochsDone(), 3);
    EXPECT_EQ(r.history.phases().size(), 3u);
    EXPECT_NEAR(r.report->test.roc.auc, result.report.test.roc.auc, 1e-12);
    EXPECT_EQ(r.report->test.confusion.toJson(), result.report.test.confusion.toJson());
    EXPECT_DOUBLE_EQ(r.chosenThreshold(), result.report.threshold.threshold);
    EXPECT_DOUBLE_EQ(r.temperature(), result.report.calibration.temperature);
    // The films per split, as split.json has them and the run trained on.
    const auto counts = r.splitCounts();
    ASSERT_EQ(counts.size(), 3u);
    EXPECT_EQ(counts[0].split, "train");
    EXPECT_EQ(counts[0].films, static_cast<long>(result.trainFilms));
    EXPECT_EQ(counts[1].films, static_cast<long>(result.valFilms));
    EXPECT_EQ(counts[2].films, 12);
    EXPECT_EQ(counts[2].perClass[0] + counts[2].perClass[1], 12);
    EXPECT_GT(counts[0].patients, 0);

    // At the chosen threshold the operating point is the run's test matrix; at 0 every film is
    // called positive, above 1 none.
    const OperatingPoint chosen = r.at(r.chosenThreshold());
    EXPECT_EQ(chosen.test.toJson(), result.report.test.confusion.toJson());
    EXPECT_DOUBLE_EQ(chosen.testSensitivity, result.report.test.sensitivity);
    EXPECT_DOUBLE_EQ(chosen.testFpr, 1.0 - chosen.testSpecificity);
    const OperatingPoint all = r.at(0.0);
    EXPECT_EQ(all.test.predicted(1), 12);
    EXPECT_DOUBLE_EQ(all.testSensitivity, 1.0);
    const OperatingPoint none = r.at(1.01);
    EXPECT_EQ(none.test.predicted(1), 0);

    // Example films: each outcome's films are called as the outcome says, at that threshold.
    const double threshold = r.chosenThreshold();
    const auto examples = r.examples(threshold, 4);
    EXPECT_FALSE(examples.empty());
    for (const auto& e : examples) {
        const bool positive = e.probability >= threshold;
        EXPECT_EQ(e.predicted, positive ? 1 : 0) << e.path;
        const std::string expected = std::string(e.predicted == e.label ? "true " : "false ") +
                                     (e.predicted == 1 ? "positive" : "negative");
        EXPECT_EQ(e.outcome, expected) << e.path;
    }
    EXPECT_THROW(RunResults::load(dir / "no-run"), Error);
}

TEST(TrainWorkflow, CancelThenResumeFinishesWithoutDuplicateEpochs) {
    const auto dir = test::scratchDir();
    const auto data = tinySet(dir);
    const auto run = dir / "run";
    CancelToken token;
    CancelInPhase cancelInPhase2(token, 1);
    try {
        trainFolder(data, run, tinyConfig(), &cancelInPhase2, &token);
        FAIL() << "expected a cancel";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Cancelled);
    }
    EXPECT_EQ(training::MetricsLog::read(run / "metrics.csv").size(), 1u);
    // Starting over in the same folder is refused; resuming works.
    EXPECT_THROW(trainFolder(data, run, tinyConfig()), Error);
    TrainFolderOptions options;
    options.dataDir = data;
    options.runDir = run;
    options.resume = true;
    const auto result = trainFolder(options);
    const auto rows = training::MetricsLog::read(run / "metrics.csv").rows();
    ASSERT_EQ(rows.size(), 3u);
    std::set<int> phases;
    for (const auto& r : rows)
        phases.insert(r.phase);
    EXPECT_EQ(phases, (std::set<int>{0, 1, 2}));
    EXPECT_EQ(result.training.history.size(), 3u);
    EXPECT_EQ(training::RunState::read(run / "state.json").status, "finished");
}

// Records what a run tells its user (the console and the GUI show these).
class RunLog : public training::TrainingObserver {
public:
    void onStage(const Progress& p) override { lines.push_back(englishText(p.stage)); }
    void onWarning(const Notice& notice) override { lines.push_back("warning: " + englishText(notice)); }
    std::vector<std::string> lines;
};

TEST(TrainWorkflow, ImagenetWeightsOfUnknownProvenanceAreNamedSo) {
    // ImageNet-layout weights made here: not one of torchvision's files, whatever the name says
    // (recognising the real ones by hash is tested on the lookup, WeightsProvenance.*).
    const auto dir = test::scratchDir();
    const auto data = tinySet(dir);
    torch::manual_seed(11);
    const auto weights = dir / "resnet18-f37072fd.pth";
    model::writeStateDict(weights, model::stateDictOf(*model::ResNet18(1000)));
    TrainFolderOptions options;
    options.dataDir = data;
    options.runDir = dir / "run";
    options.config = tinyConfig();
    options.imagenetWeights = weights;
    RunLog log;
    const auto result = trainFolder(options, &log);
    EXPECT_TRUE(result.pretrained);

    const auto sha = sha256File(weights);
    const std::string expected = "ImageNet-layout ResNet18 weights of unknown provenance (SHA-256 starting " +
                                 sha.substr(0, 8) + ", not one of torchvision's published files)";
    EXPECT_NE(std::find(log.lines.begin(), log.lines.end(), "warning: ImageNet weights: " + expected), log.lines.end());
    EXPECT_NE(std::find(result.warnings.begin(), result.warnings.end(),
                        Notice("weights.unknown_provenance").text("sha256", sha.substr(0, 8))),
              result.warnings.end());
    for (const char* file : {"model.json", "config.json"}) {
        const Json json = readJsonFile(dir / "run" / file);
        const Json& w = json.at("pretrainedWeights");
        EXPECT_EQ(w.at("recognised"), false) << file;
        EXPECT_EQ(w.at("sha256"), sha) << file;
        EXPECT_EQ(w.at("description"), expected) << file;
    }
    EXPECT_TRUE(readJsonFile(dir / "run" / "model.json").at("pretrained").get<bool>());
}

class RecordStart : public training::TrainingObserver {
public:
    void onRunStarted(const training::RunStartInfo& info) override { config = info.config; }
    training::TrainingConfig config;
};

// A run cut short after its first epoch, for the resume checks below.
void cancelledRun(const std::filesystem::path& data, const std::filesystem::path& run) {
    CancelToken token;
    CancelInPhase cancelInPhase2(token, 1);
    EXPECT_THROW(trainFolder(data, run, tinyConfig(), &cancelInPhase2, &token), Error);
    ASSERT_EQ(training::MetricsLog::read(run / "metrics.csv").size(), 1u);
}

TrainFolderOptions resumeOptions(const std::filesystem::path& data, const std::filesystem::path& run) {
    TrainFolderOptions options;
    options.dataDir = data;
    options.runDir = run;
    options.resume = true;
    return options;
}

// Same split counts are not the same films: a film renamed (same count, same size) or grown is
// refused with the run folder and what changed.
TEST(TrainWorkflow, ResumeRefusesADataFolderWhoseFilesChanged) {
    const auto dir = test::scratchDir();
    const auto data = tinySet(dir);
    const auto run = dir / "run";
    cancelledRun(data, run);
    std::filesystem::path film;
    for (const auto& e : std::filesystem::directory_iterator(data / "train" / "NORMAL"))
        film = e.path();
    ASSERT_FALSE(film.empty());
    std::filesystem::rename(film, film.parent_path() / ("renamed-" + film.filename().string()));
    try {
        trainFolder(resumeOptions(data, run));
        FAIL() << "a renamed film went unnoticed";
    } catch (const Error& e) {
        const std::string what = e.what();
        EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
        EXPECT_NE(what.find(run.string()), std::string::npos) << what;
        EXPECT_NE(what.find("train: "), std::string::npos) << what;
        EXPECT_NE(what.find("renamed or replaced"), std::string::npos) << what;
    }
    std::filesystem::rename(film.parent_path() / ("renamed-" + film.filename().string()), film);
    {
        std::ofstream grow(film, std::ios::app | std::ios::binary);
        grow << "more bytes";
    }
    try {
        trainFolder(resumeOptions(data, run));
        FAIL() << "a changed film size went unnoticed";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find(" then, "), std::string::npos) << e.what();
        EXPECT_EQ(std::string(e.what()).find("renamed-"), std::string::npos) << "film names stay out: " << e.what();
    }
    // The list held in split.json names no film, and the exported bundle carries none of it.
    const Json split = readJsonFile(run / "split.json");
    ASSERT_TRUE(split.contains("files"));
    EXPECT_EQ(split.dump().find(film.filename().string()), std::string::npos);
}

// Runs made before the early-stopping setting compared with the run's best; they resume so.
TEST(TrainWorkflow, OldRunsResumeWithTheRunWideEarlyStopping) {
    const auto dir = test::scratchDir();
    const auto data = tinySet(dir);
    const auto run = dir / "run";
    cancelledRun(data, run);
    Json config = readJsonFile(run / "config.json");
    EXPECT_EQ(config["training"].value("earlyStopOn", ""), "phase");  // new runs record the default
    config["training"].erase("earlyStopOn");
    writeJsonFile(run / "config.json", config);
    RecordStart started;
    trainFolder(resumeOptions(data, run), &started);
    EXPECT_EQ(started.config.earlyStopOn, "run");
}

TEST(TrainWorkflow, BadInputsAreClearErrors) {
    const auto dir = test::scratchDir();
    try {
        trainFolder(dir / "missing", dir / "run", tinyConfig());
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("missing"), std::string::npos) << e.what();
    }
    EvaluateModelOptions eval;
    eval.model = dir / "no-model";
    eval.dataDir = dir;
    EXPECT_THROW(evaluateModel(eval), Error);
}

}  // namespace
}  // namespace cxr::workflows
