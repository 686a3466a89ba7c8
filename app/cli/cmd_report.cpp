// `cxr report RUN --pdf FILE`: the run's PDF report, the same one the training wizard exports.
// Built only with the GUI layer (the report is drawn with Qt); runs headless.
#include <iostream>
#include <memory>
#include <optional>

#include <QApplication>

#include "cli/command.h"
#include "cli/report_hook.h"
#include "common/qt_convert.h"
#include "report/report_renderer.h"
#include "results/run_results.h"

namespace cxr::cli {
namespace {

// Charts are graphics widgets: they need a QApplication, which needs a platform. Without a
// display the offscreen platform renders the same PDF.
void renderHeadless(const std::filesystem::path& runDir, const std::filesystem::path& pdf,
                    const ui::ReportOptions& options) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QApplication> app;
    if (!QCoreApplication::instance()) {
        static int argc = 1;
        static char name[] = "cxr";
        static char* argv[] = {name, nullptr};
        app = std::make_unique<QApplication>(argc, argv);
    }
    ui::renderReport(ui::RunResults::load(runDir), pdf, options);
}

const bool kHookInstalled = [] {
    reportRenderer() = [](const std::filesystem::path& runDir, const std::filesystem::path& pdf) {
        renderHeadless(runDir, pdf, {});
    };
    return true;
}();

const CommandRegistration kReport(40, [](CLI::App& root, CLI::App*& sub) -> CommandRun {
    sub = root.add_subcommand("report", "Write a training run's PDF report");
    sub->description(
        "Write the PDF report of a training run: model SHA-256, training configuration, data counts and "
        "split policy, confusion matrix, classification report, ROC with AUC and 95% CI, the operating "
        "threshold, calibration, training curves with phase bands, example Grad-CAMs and the intended-use "
        "statement. De-identified unless --include-identifiers is given.");
    auto run = std::make_shared<std::string>();
    auto pdf = std::make_shared<std::string>();
    auto identifiers = std::make_shared<bool>(false);
    auto threshold = std::make_shared<double>(-1.0);
    auto examples = std::make_shared<int>(1);
    sub->add_option("RUN", *run, "Run folder (made by `cxr train` or the training wizard)")->required();
    sub->add_option("--pdf", *pdf, "PDF file to write")->required();
    sub->add_flag("--include-identifiers", *identifiers, "Include film names and the data folder (off by default)");
    sub->add_option("--threshold", *threshold, "Report at this threshold instead of the run's chosen one")
        ->check(CLI::Range(0.0, 1.0));  // unset: -1, the run's own threshold
    sub->add_option("--examples", *examples, "Example CAM films per outcome (TP, FP, TN, FN); 0 = none")
        ->capture_default_str()
        ->check(CLI::Range(0, 4));
    return [run, pdf, identifiers, threshold, examples] {
        ui::ReportOptions options;
        options.includeIdentifiers = *identifiers;
        if (*threshold >= 0)
            options.threshold = *threshold;
        options.examplesPerOutcome = *examples;
        renderHeadless(*run, *pdf, options);
        std::cout << "Report written to " << *pdf << "\n";
        return 0;
    };
});

}  // namespace
}  // namespace cxr::cli
