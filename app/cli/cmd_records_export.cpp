// `cxr records export DIR` (reviewed films as a training folder) and `cxr records stats`
// (reviewers' agreement with each model).
#include <iostream>

#include "app/cli/interrupt.h"
#include "app/cli/records_command.h"
#include "app/cli/terminal_progress.h"
#include "core/common/error.h"
#include "core/workflows/review_records.h"

namespace cxr::cli {
namespace {

struct ExportArgs {
    std::string dir;
    workflows::ExportOptions options;
    bool copy = false;
};

std::string counts(const std::map<std::string, std::int64_t>& byLabel) {
    std::string text;
    for (const std::string label : {"NORMAL", "PNEUMONIA"}) {
        const auto it = byLabel.find(label);
        text += (text.empty() ? "" : ", ") + label + " " + std::to_string(it == byLabel.end() ? 0 : it->second);
    }
    return text;
}

int runExport(const ExportArgs& args) {
    const auto db = openRecords(true);
    workflows::ExportOptions options = args.options;
    options.allowLinks = !args.copy;
    // A bar on a terminal (checking each film's bytes is the long part); Ctrl-C stops between
    // films and leaves what was written, listed in provenance.csv.
    TerminalProgress bar;
    EtaEstimator eta;
    eta.start(0);
    options.progress = [&bar, &eta](std::int64_t done, std::int64_t total) {
        eta.setTotal(static_cast<std::size_t>(total));
        const double left = eta.update(static_cast<std::size_t>(done));
        bar.onProgress(Progress{Notice("text.verbatim").text("text", "exporting reviewed films"),
                                static_cast<std::size_t>(done), static_cast<std::size_t>(total), left});
    };
    const auto interrupt = interruptToken();
    options.cancel = interrupt.get();
    workflows::ExportResult r;
    try {
        r = workflows::exportReviewed(*db, args.dir, options);
    } catch (...) {
        bar.finish();
        throw;
    }
    bar.finish();
    std::cout << "exported " << r.exported << " reviewed film" << (r.exported == 1 ? "" : "s") << " to "
              << displayPath(r.dir) << "\n  train: " << counts(r.trainCounts) << "\n";
    if (options.testFraction > 0) std::cout << "  test:  " << counts(r.testCounts) << "\n";
    std::cout << "  " << r.linked << " linked, " << r.copied << " copied, " << r.rendered
              << " DICOM rendered to PNG; provenance.csv written\n";
    if (r.skippedOther) std::cout << "  " << r.skippedOther << " labelled other: not exported\n";
    for (const auto& sha : r.missing)
        std::cerr << "cxr: " << sha.substr(0, 12) << ": the film's file is missing: not exported\n";
    for (const auto& sha : r.changed)
        std::cerr << "cxr: " << sha.substr(0, 12) << ": the film's file has changed since it was recorded: not exported\n";
    return r.missing.empty() && r.changed.empty() ? 0 : 1;
}

struct StatsArgs {
    std::string model;
    bool json = false;
};

int runStats(const StatsArgs& args) {
    const auto db = openRecords(true);
    const auto stats = workflows::agreementStats(*db, args.model);
    if (args.json) {
        Json out = Json::array();
        for (const auto& s : stats) out.push_back(s.toJson());
        std::cout << jsonText(out) << "\n";
        return 0;
    }
    if (stats.empty()) std::cout << "no model has diagnosed films in " << displayPath(db->path()) << "\n";
    for (std::size_t i = 0; i < stats.size(); ++i) std::cout << (i ? "\n" : "") << stats[i].toText();
    return 0;
}

const RecordsCommandRegistration kExport(40, [](CLI::App& group, CLI::App*& sub) -> CommandRun {
    auto args = std::make_shared<ExportArgs>();
    sub = group.add_subcommand("export", "Write the reviewed films as a training folder (for cxr train)");
    sub->description(
        "Writes every film whose latest verdict is NORMAL or PNEUMONIA into DIR/train|test/<LABEL>/ as "
        "rev-<sha256 first 12>.<ext> (hard links or copies; DICOM films as the PNG of their display "
        "window, so no patient data travels) and DIR/provenance.csv (sha256, split, file, label, reviewer, "
        "verdict time, model call, model sha256). No original name or patient data is written. Films "
        "labelled other are skipped; films whose file is missing or changed are reported and exit status is 1. "
        "Ctrl-C stops between films: what was written stays, listed in provenance.csv (exit status 130).");
    sub->add_option("DIR", args->dir, "A new (or empty) folder")->required();
    sub->add_option("--test-fraction", args->options.testFraction,
                    "Share of each class put into test/ (0: train/ only, to merge into another folder)")
        ->check(CLI::Range(0.0, 0.9))
        ->capture_default_str();
    sub->add_flag("--copy", args->copy, "Copy raster films instead of hard-linking them");
    return [args] { return runExport(*args); };
});

const RecordsCommandRegistration kStats(50, [](CLI::App& group, CLI::App*& sub) -> CommandRun {
    auto args = std::make_shared<StatsArgs>();
    sub = group.add_subcommand("stats", "Reviewers' agreement with each model (confusion matrix, sensitivity, specificity)");
    sub->add_option("--model", args->model, "Only the model with this SHA-256");
    sub->add_flag("--json", args->json, "One JSON array, an object per model");
    return [args] { return runStats(*args); };
});

}  // namespace
}  // namespace cxr::cli
