#include "core/workflows/run_results.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/common/error.h"
#include "core/common/notice_json.h"
#include "core/common/sha256.h"
#include "core/evaluation/call_rule.h"
#include "core/evaluation/predictions.h"
#include "core/training/metrics_log.h"
#include "core/training/run_directory.h"
#include "core/workflows/prediction_file.h"
#include "core/workflows/run_films.h"

namespace cxr::workflows {
namespace {

Json readOptional(const std::filesystem::path& file, std::vector<std::string>& notes) {
    if (!std::filesystem::exists(file))
        return Json::object();
    try {
        return readJsonFile(file);
    } catch (const std::exception& e) {
        notes.push_back(e.what());
        return Json::object();
    }
}

}  // namespace

RunResults RunResults::load(const std::filesystem::path& runDir) {
    const training::RunDirectory dir(runDir);
    if (!std::filesystem::is_directory(runDir))
        throw Error(ErrorCode::NotFound, runDir, "no such run folder");
    if (!std::filesystem::exists(dir.configFile()) && !std::filesystem::exists(dir.metricsFile()))
        throw Error(ErrorCode::NotFound, runDir,
                    "this folder holds no training run (no config.json or metrics.csv); "
                    "train one with `cxr train` or the training wizard");
    RunResults r;
    r.runDir = runDir;
    r.config = readOptional(dir.configFile(), r.notes);
    try {
        const Json& t = r.config.contains("training") ? r.config["training"] : r.config;
        r.training = training::TrainingConfig::fromJson(t);
    } catch (const std::exception& e) {
        r.notes.push_back(e.what());
    }
    if (r.config.contains("dataDir") && r.config["dataDir"].is_string())
        r.dataDir = r.config["dataDir"].get<std::string>();
    else if (r.config.contains("data") && r.config["data"].is_string())
        r.dataDir = r.config["data"].get<std::string>();
    const std::string weights = r.config.value("imagenetWeights", std::string());
    if (!weights.empty())
        r.weightsSource = Notice("weights.imagenet_file").text("file", std::filesystem::path(weights).filename().string());
    else
        r.weightsSource = Notice("weights.from_scratch");
    r.split = readOptional(dir.splitFile(), r.notes);
    // Runs written before notices hold the reason as English text only.
    try {
        if (r.split.contains("reasonNotice"))
            r.splitReason = noticeFromJson(r.split["reasonNotice"]);
        else if (r.split.contains("reason"))
            r.splitReason = noticeFromJson(r.split["reason"]);
    } catch (const std::exception& e) {
        r.notes.push_back(e.what());
    }
    r.model = readOptional(runDir / "model.json", r.notes);
    r.evaluationJson = readOptional(dir.evaluationJson(), r.notes);
    if (r.model.contains("weights") && r.model["weights"].is_object())
        r.weightsSha256 = r.model["weights"].value("sha256", std::string());
    if (r.weightsSha256.empty() && std::filesystem::exists(runDir / "X_ray_classifier.pth"))
        r.weightsSha256 = sha256File(runDir / "X_ray_classifier.pth");
    try {
        r.population = r.model.contains("population")
                           ? Population::fromJson(r.model["population"], displayPath(runDir / "model.json"))
                           : Population::fromJson(r.config.value("population", Json()), displayPath(dir.configFile()));
    } catch (const std::exception& e) {
        r.notes.push_back(e.what());
    }
    if (r.model.contains("classes") && r.model["classes"].is_array())
        r.classes = r.model["classes"].get<std::vector<std::string>>();
    else if (r.split.contains("classes") && r.split["classes"].is_array())
        r.classes = r.split["classes"].get<std::vector<std::string>>();
    try {
        r.history = training::TrainingHistory::fromEpochs(training::MetricsLog::read(dir.metricsFile()).rows(), r.training);
    } catch (const std::exception& e) {
        r.notes.push_back(e.what());
    }
    try {
        auto predictions = workflows::readPredictionFile(workflows::predictionFileOf(runDir));
        // predictions.csv names films by their reference in films.csv (older runs: by path).
        const auto films = workflows::RunFilms::read(workflows::RunFilms::fileOf(runDir));
        for (auto* p : {&predictions.validation, &predictions.test}) {
            if (!*p)
                continue;
            for (auto& path : (*p)->paths) {
                if (const auto relative = films.relativePathOf(path))
                    path = (std::filesystem::path(r.dataDir) / *relative).string();
            }
        }
        if (predictions.validation)
            r.validation = std::move(*predictions.validation);
        if (predictions.test)
            r.test = std::move(*predictions.test);
    } catch (const std::exception& e) {
        r.notes.push_back(e.what());
    }
    if (r.validation && r.test) {
        std::string rule = r.training.thresholdRule;
        if (r.evaluationJson.contains("threshold") && r.evaluationJson["threshold"].contains("rule"))
            rule = r.evaluationJson["threshold"]["rule"].get<std::string>();
        try {
            r.report = evaluation::evaluate(*r.validation, *r.test, rule, r.classes);
        } catch (const std::exception& e) {
            r.notes.push_back(e.what());
        }
    } else {
        r.notes.push_back("no test predictions in this run yet (cancelled or still training): "
                          "the test report appears once the run has finished");
    }
    return r;
}

double RunResults::temperature() const {
    return report ? report->calibration.temperature : 1.0;
}

double RunResults::chosenThreshold() const {
    return report ? report->threshold.threshold : 0.5;
}

OperatingPoint RunResults::at(double threshold) const {
    OperatingPoint op;
    op.threshold = threshold;
    if (!test)
        return op;
    const double t = temperature();
    const auto testP = evaluation::positiveProbabilities(*test, t);
    op.test = evaluation::ConfusionMatrix::from(test->labels, evaluation::applyThreshold(testP, threshold), 2);
    op.testSensitivity = op.test.sensitivity();
    op.testSpecificity = op.test.specificity();
    op.testAccuracy = op.test.accuracy();
    op.testFpr = 1.0 - op.testSpecificity;
    if (validation) {
        const auto valP = evaluation::positiveProbabilities(*validation, t);
        const auto m = evaluation::ConfusionMatrix::from(validation->labels, evaluation::applyThreshold(valP, threshold), 2);
        op.valSensitivity = m.sensitivity();
        op.valSpecificity = m.specificity();
    }
    return op;
}

std::vector<ExampleFilm> RunResults::examples(double threshold, int perOutcome) const {
    std::vector<ExampleFilm> out;
    if (!test || test->paths.size() != test->labels.size())
        return out;
    const auto p = evaluation::positiveProbabilities(*test, temperature());
    std::vector<ExampleFilm> all;
    for (std::size_t i = 0; i < p.size(); ++i) {
        ExampleFilm f;
        f.path = test->paths[i];
        f.label = test->labels[i];
        f.probability = p[i];
        f.predicted = evaluation::callsPositive(p[i], threshold) ? 1 : 0;
        f.outcome = f.label == 1 ? (f.predicted == 1 ? "true positive" : "false negative")
                                 : (f.predicted == 1 ? "false positive" : "true negative");
        all.push_back(f);
    }
    for (const char* outcome : {"true positive", "false positive", "true negative", "false negative"}) {
        std::vector<ExampleFilm> group;
        for (const auto& f : all)
            if (f.outcome == outcome)
                group.push_back(f);
        // Most confident call first: far from the threshold on the side it fell.
        std::sort(group.begin(), group.end(), [](const ExampleFilm& a, const ExampleFilm& b) {
            return std::abs(a.probability - 0.5) > std::abs(b.probability - 0.5);
        });
        for (int i = 0; i < perOutcome && i < static_cast<int>(group.size()); ++i)
            out.push_back(group[static_cast<std::size_t>(i)]);
    }
    return out;
}

std::vector<RunResults::SplitCount> RunResults::splitCounts() const {
    std::vector<SplitCount> out;
    if (!split.contains("counts") || !split["counts"].is_object())
        return out;
    for (const char* name : {"train", "val", "test"}) {
        const Json& counts = split["counts"];
        if (!counts.contains(name) || !counts[name].is_object())
            continue;
        SplitCount row;
        row.split = name;
        for (const auto& c : classes) {
            const long n = counts[name].value(c, 0L);
            row.perClass.push_back(n);
            row.films += n;
        }
        if (split.contains("patients") && split["patients"].is_object())
            row.patients = split["patients"].value(name, -1L);
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace cxr::workflows
