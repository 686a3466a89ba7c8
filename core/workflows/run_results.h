#pragma once
// RunResults: everything the results page and the PDF report show about one finished run,
// read from its run folder — the configuration, the split (policy, reason, counts), the
// per-epoch metrics as a TrainingHistory, the exported model's identity, and the validation
// and test predictions, from which the engine's own evaluation (evaluation::evaluate) is
// recomputed exactly as the run did. Core, not ui: the results view, the PDF report (cxr-report)
// and the tests read a run and its figures through this one path; widgets only draw them.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/common/json_io.h"
#include "core/common/notice.h"
#include "core/common/population.h"
#include "core/evaluation/evaluation_report.h"
#include "core/training/training_config.h"
#include "core/training/training_history.h"

namespace cxr::workflows {

struct OperatingPoint {
    double threshold = 0.5;
    evaluation::ConfusionMatrix test{2};
    double testSensitivity = 0, testSpecificity = 0, testAccuracy = 0;
    double valSensitivity = 0, valSpecificity = 0;  // where the threshold was chosen
    double testFpr = 0;                             // 1 - specificity, for the ROC marker
};

// One test film for the examples grid.
struct ExampleFilm {
    std::string path;
    int label = 0;
    int predicted = 0;
    double probability = 0;  // P(positive) after temperature scaling
    std::string outcome;     // "true positive", "false positive", "true negative", "false negative"
};

struct RunResults {
    std::filesystem::path runDir;
    Json config;  // config.json as written by the run
    training::TrainingConfig training;
    Json split;   // split.json
    Json model;   // model.json
    Json evaluationJson;  // evaluation.json as written by the run
    std::string weightsSha256;
    std::vector<std::string> classes{"NORMAL", "PNEUMONIA"};
    training::TrainingHistory history;
    std::optional<evaluation::Predictions> validation, test;
    std::optional<evaluation::EvaluationReport> report;
    std::string dataDir;
    Notice weightsSource;  // weights.imagenet_file with the file's name, or weights.from_scratch
    Notice splitReason;              // how split.json says validation was drawn; empty if it does not
    Population population;           // who the films came from, as the run recorded it
    std::vector<std::string> notes;  // what could not be read, and why

    // Throws cxr::Error(NotFound) when the folder holds no run (no metrics or config); parts
    // that are missing (e.g. a cancelled run has no evaluation yet) are listed in notes.
    static RunResults load(const std::filesystem::path& runDir);

    // The confusion matrix and sensitivity/specificity on test at `threshold` (temperature as
    // fitted), and the same rates on validation. Needs predictions.
    OperatingPoint at(double threshold) const;
    double temperature() const;
    double chosenThreshold() const;

    // Up to `perOutcome` test films for each of TP, FP, TN, FN (most confident first).
    std::vector<ExampleFilm> examples(double threshold, int perOutcome = 1) const;

    // The films per split as split.json records them: train, val, test in that order (those
    // present), per class in `classes` order, their total and patients (-1 when not recorded).
    struct SplitCount {
        std::string split;
        std::vector<long> perClass;
        long films = 0;
        long patients = -1;
    };
    std::vector<SplitCount> splitCounts() const;
};

}  // namespace cxr::workflows
