// cxr-report RUN --pdf FILE: the PDF report of a training run, the same one the training
// wizard exports, drawn without a display (Qt's offscreen platform). The studio package's
// program behind `cxr report`, which forwards its options here unchanged.
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>
#include <QApplication>

#include "core/common/error.h"
#include "core/common/logging.h"
#include "core/workflows/about.h"
#include "core/workflows/review_records.h"
#include "core/workflows/run_results.h"
#include "ui/report/report_renderer.h"

int main(int argc, char** argv) {
    CLI::App app{"Write the PDF report of a CXR Studio training run.\n" + std::string(cxr::workflows::kIntendedUse)};
    app.name("cxr-report");
    std::string run, pdf, logLevel = "warn";
    bool identifiers = false;
    double threshold = -1.0;  // unset: the run's own threshold
    int examples = 1;
    app.add_option("RUN", run, "Run folder (made by `cxr train` or the training wizard)")->required();
    app.add_option("--pdf", pdf, "PDF file to write")->required();
    app.add_flag("--include-identifiers", identifiers, "Include film names and the data folder (off by default)");
    app.add_option("--threshold", threshold, "Report at this threshold instead of the run's chosen one")
        ->check(CLI::Range(0.0, 1.0));
    app.add_option("--examples", examples, "Example CAM films per outcome (TP, FP, TN, FN); 0 = none")
        ->capture_default_str()
        ->check(CLI::Range(0, 4));
    bool agreement = false;
    std::string recordsDb;
    app.add_flag("--reviewer-agreement", agreement,
                 "Add a page with the reviewers' agreement with the run's model, from the review records");
    app.add_option("--db", recordsDb,
                   "Review records database for --reviewer-agreement (default: $CXR_RECORDS_DB, else "
                   "~/.local/share/cxr-studio/records.sqlite)");
    app.add_option("--log-level", logLevel, "trace, debug, info, warn, error or off")->capture_default_str();
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }

    // Charts are graphics widgets: they need a QApplication, which needs a platform. Without a
    // display the offscreen platform renders the same PDF.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int qtArgc = 1;
    char* qtArgv[] = {argv[0], nullptr};
    QApplication qt(qtArgc, qtArgv);
    try {
        cxr::setupLogging(logLevel);
        cxr::ui::ReportOptions options;
        options.includeIdentifiers = identifiers;
        if (threshold >= 0)
            options.threshold = threshold;
        options.examplesPerOutcome = examples;
        const auto results = cxr::workflows::RunResults::load(run);
        if (agreement) {
            if (results.weightsSha256.empty())
                throw cxr::Error(cxr::ErrorCode::NotFound, run,
                                 "has no exported model: no reviewer agreement to report");
            options.agreement = cxr::workflows::reviewedAgreement(std::filesystem::path(recordsDb), results.weightsSha256);
        }
        cxr::ui::renderReport(results, pdf, options);
        std::cout << "Report written to " << pdf << "\n";
        return 0;
    } catch (const cxr::Error& e) {
        std::cerr << "cxr-report: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "cxr-report: unexpected error: " << e.what() << "\n";
        return 1;
    }
}
