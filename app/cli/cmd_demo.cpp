// `cxr demo`: the headless main job (the README's run command uses it without a display).
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/cli/command.h"
#include "app/cli/interrupt.h"
#include "app/cli/report_program.h"
#include "app/cli/terminal_progress.h"
#include "core/common/error.h"
#include "core/workflows/console_training_observer.h"
#include "core/workflows/demo_workflow.h"

namespace cxr::cli {
namespace {

const CommandRegistration kDemo(5, [](CLI::App& root, CLI::App*& sub) -> CommandRun {
    sub = root.add_subcommand("demo", "Run the demo end to end into a folder (headless main job)");
    sub->description(
        "Run the demo job into OUT: synthesize a demo chest X-ray set (about 600 films, 256 px) "
        "into OUT/data in the Kaggle layout, kept when an identical one is already there; then train "
        "and evaluate the classifier on it into OUT/run (three phases of 6, 4 and 4 epochs at 224 px, every "
        "layer training as there are no ImageNet weights: about 7 "
        "minutes on two CPU cores; a finished run is kept, an interrupted one resumed).");
    auto options = std::make_shared<workflows::DemoOptions>();
    auto out = std::make_shared<std::string>();
    sub->add_option("OUT", *out, "Folder for the demo's data and results")->required();
    sub->add_option("--seed", options->seed, "Random seed of the demo data")->capture_default_str();
    sub->add_option("--size", options->size, "Long side of the demo films in pixels")
        ->capture_default_str()
        ->check(CLI::Range(32, 8192));
    sub->add_flag("!--no-train", options->trainModel, "Only synthesize the data set");
    sub->add_option("--device", options->trainingConfig.device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    return [options, out] {
        options->outDir = *out;
        TerminalProgress progress;
        workflows::ConsoleTrainingObserver observer(std::cout, ::isatty(::fileno(stdout)) != 0);
        const auto result = workflows::runDemo(*options, &progress, interruptToken().get(), &observer);
        progress.finish();
        std::cout << result.toText();
        // The demo ends with the run's PDF report where cxr-studio's cxr-report is installed.
        if (!options->trainModel || !std::filesystem::exists(result.runDir / "model.json"))
            return 0;
        const auto program = findReportProgram();
        if (!program) {
            std::cout << "PDF report: not written — " << reportProgramMissingText(result.runDir) << "\n";
            return 0;
        }
        const auto pdf = result.runDir / "report.pdf";
        const int status = runReportProgram(*program, {result.runDir.string(), "--pdf", pdf.string()});
        if (status != 0)
            throw Error(ErrorCode::Io, pdf, "cxr-report could not write the report (exit status " +
                                                 std::to_string(status) + "; its message is above)");
        std::cout << "PDF report: " << pdf.string() << "\n";
        return 0;
    };
});

}  // namespace
}  // namespace cxr::cli
