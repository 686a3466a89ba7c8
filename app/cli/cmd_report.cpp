// `cxr report RUN --pdf FILE`: the run's PDF report, the same one the training wizard exports.
// The report is drawn with Qt Charts, so `cxr` hands its options to `cxr-report` from the
// cxr-studio package (report_program.h) and stays free of Qt itself.
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "app/cli/command.h"
#include "app/cli/report_program.h"
#include "core/common/error.h"
#include "core/common/logging.h"

namespace cxr::cli {
namespace {

// The level `cxr --log-level` set, passed on so both programs log alike.
std::string levelName() {
    const auto name = spdlog::level::to_string_view(logger()->level());
    return std::string(name.data(), name.size());
}

const CommandRegistration kReport(40, [](CLI::App& root, CLI::App*& sub) -> CommandRun {
    sub = root.add_subcommand("report", "Write a training run's PDF report (runs cxr-report from cxr-studio)");
    sub->description(
        "Write the PDF report of a training run: model SHA-256, training configuration, data counts and "
        "split policy, confusion matrix, classification report, ROC with AUC and 95% CI, the operating "
        "threshold, calibration, training curves with phase bands, example Grad-CAMs and the intended-use "
        "statement; with --reviewer-agreement a last page of the reviewers' agreement with the run's model "
        "from the review records. De-identified unless --include-identifiers is given. The report is drawn by cxr-report, "
        "installed with the cxr-studio package; without it this command says so and fails.");
    auto run = std::make_shared<std::string>();
    auto pdf = std::make_shared<std::string>();
    auto identifiers = std::make_shared<bool>(false);
    auto threshold = std::make_shared<double>(-1.0);
    auto examples = std::make_shared<int>(1);
    auto agreement = std::make_shared<bool>(false);
    auto recordsDb = std::make_shared<std::string>();
    sub->add_option("RUN", *run, "Run folder (made by `cxr train` or the training wizard)")->required();
    sub->add_option("--pdf", *pdf, "PDF file to write")->required();
    sub->add_flag("--include-identifiers", *identifiers, "Include film names and the data folder (off by default)");
    sub->add_option("--threshold", *threshold, "Report at this threshold instead of the run's chosen one")
        ->check(CLI::Range(0.0, 1.0));  // unset: -1, the run's own threshold
    sub->add_option("--examples", *examples, "Example CAM films per outcome (TP, FP, TN, FN); 0 = none")
        ->capture_default_str()
        ->check(CLI::Range(0, 4));
    sub->add_flag("--reviewer-agreement", *agreement,
                  "Add a page with the reviewers' agreement with the run's model (from the review records; "
                  "fails, naming the model and the database, when no reviewer has given a verdict on its films)");
    sub->add_option("--db", *recordsDb,
                    "Review records database for --reviewer-agreement (default: $CXR_RECORDS_DB, else "
                    "~/.local/share/cxr-studio/records.sqlite)");
    return [run, pdf, identifiers, threshold, examples, agreement, recordsDb] {
        const auto program = findReportProgram();
        if (!program)
            throw Error(ErrorCode::Unsupported, reportProgramMissingText(*run));
        std::vector<std::string> args{*run, "--pdf", *pdf, "--examples", std::to_string(*examples),
                                      "--log-level", levelName()};
        if (*identifiers)
            args.emplace_back("--include-identifiers");
        if (*agreement)
            args.emplace_back("--reviewer-agreement");
        if (!recordsDb->empty())
            args.insert(args.end(), {"--db", *recordsDb});
        if (*threshold >= 0) {
            std::ostringstream text;
            text.precision(17);
            text << *threshold;
            args.insert(args.end(), {"--threshold", text.str()});
        }
        return runReportProgram(*program, args);
    };
});

}  // namespace
}  // namespace cxr::cli
