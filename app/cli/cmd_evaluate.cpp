// `cxr evaluate`: a trained model on one split of a data folder, with the model's own
// preprocessing, threshold and temperature.
#include <iostream>
#include <memory>

#include "app/cli/command.h"
#include "app/cli/interrupt.h"
#include "app/cli/terminal_progress.h"
#include "core/common/atomic_file.h"
#include "core/common/json_io.h"
#include "core/workflows/evaluate_workflow.h"
#include "core/workflows/prediction_file.h"

namespace cxr::cli {
namespace {

struct EvaluateArgs {
    workflows::EvaluateModelOptions options;
    std::string model, data, cache, predictions;
    bool json = false;
};

const CommandRegistration kEvaluate(25, [](CLI::App& root, CLI::App*& sub) -> CommandRun {
    sub = root.add_subcommand("evaluate", "Evaluate a trained model on a data folder's split");
    sub->description(
        "Evaluate MODEL (a run folder from `cxr train`, an exported model folder, or a seed "
        "X_ray_classifier.pth with class_to_index.pth beside it) on DATA/<split>: confusion matrix, "
        "per-class report, sensitivity/specificity, ROC AUC with a bootstrap 95% CI, calibration, at "
        "the model's stored threshold and temperature.");
    auto a = std::make_shared<EvaluateArgs>();
    sub->add_option("MODEL", a->model, "Run folder, model folder or .pth")->required();
    sub->add_option("DATA", a->data, "Data folder (Kaggle chest_xray layout)")->required();
    sub->add_option("--split", a->options.split, "Split to evaluate")->capture_default_str()
        ->check(CLI::IsMember({"train", "val", "test"}));
    sub->add_option("--device", a->options.device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    sub->add_option("--batch", a->options.batchSize, "Batch size")->capture_default_str()->check(CLI::Range(1, 4096));
    sub->add_option("--cache", a->cache, "Film cache folder to keep (default: a temporary one)");
    sub->add_flag("--json", a->json, "Print the report as JSON");
    sub->add_option("--predictions", a->predictions,
                    "Write one CSV row per film: file (relative to DATA), truth, P(positive class), call");
    return [a] {
        a->options.model = a->model;
        a->options.dataDir = a->data;
        if (!a->cache.empty())
            a->options.cacheDir = a->cache;
        TerminalProgress progress;
        const auto result = workflows::evaluateModel(a->options, &progress, interruptToken().get());
        progress.finish();
        for (const auto& w : result.warnings)
            std::cerr << "warning: " << englishText(w) << "\n";
        if (!a->predictions.empty())
            writeFileAtomically(a->predictions,
                                workflows::perFilmCsv(result.predictions, result.temperature, result.threshold,
                                                       result.report.classes));
        if (a->json) {
            Json j = evaluation::toJson(result.report);
            j["model"] = {{"source", result.modelSource.string()},
                          {"sha256", result.weightsSha256},
                          {"threshold", result.threshold},
                          {"temperature", result.temperature},
                          {"pretrained", result.pretrained}};
            j["films"] = result.films;
            std::cout << j.dump(2) << "\n";
            return 0;
        }
        std::cout << "Model: " << result.modelSource.string() << " (sha256 " << result.weightsSha256.substr(0, 12)
                  << "…, threshold " << result.threshold << ", temperature " << result.temperature << ")\n"
                  << "Data:  " << a->data << " [" << a->options.split << ", " << result.films << " films] on "
                  << result.device << "\n\n"
                  << evaluation::toText(result.report);
        return 0;
    };
});

}  // namespace
}  // namespace cxr::cli
