// `cxr records runs`: the training runs recorded here (by `cxr train` and the studio's training),
// newest last: folder, config hash, model SHA-256 and the test split's figures.
#include <iomanip>
#include <iostream>
#include <sstream>

#include "app/cli/records_command.h"
#include "core/common/error.h"

namespace cxr::cli {
namespace {

struct RunsArgs {
    bool json = false;
};

// The test figures as stored (JSON text); a run recorded without them gives an empty object.
Json figuresOf(const records::RunRecord& run) {
    if (run.testFiguresJson.empty())
        return Json::object();
    return Json::parse(run.testFiguresJson, nullptr, false);
}

std::string figureText(const Json& figures, const char* key, const char* name) {
    if (!figures.is_object() || !figures.contains(key) || !figures[key].is_number())
        return {};
    std::ostringstream out;
    out << name << " " << std::fixed << std::setprecision(3) << figures[key].get<double>();
    return out.str();
}

int runRuns(const RunsArgs& args) {
    const auto db = openRecords(true);
    const auto runs = db->runs();
    if (args.json) {
        Json out = Json::array();
        for (const auto& r : runs)
            out.push_back({{"id", r.id},
                           {"folder", r.folder},
                           {"config_hash", r.configHash},
                           {"model_sha256", r.modelSha256},
                           {"test_figures", figuresOf(r)},
                           {"created_at", r.createdAt}});
        std::cout << jsonText(out) << "\n";
        return 0;
    }
    if (runs.empty()) {
        std::cout << "no training runs recorded in " << displayPath(db->path()) << "\n";
        return 0;
    }
    for (const auto& r : runs) {
        const Json figures = figuresOf(r);
        std::string line;
        for (const auto& part : {figureText(figures, "accuracy", "accuracy"), figureText(figures, "auc", "AUC"),
                                 figureText(figures, "sensitivity", "sensitivity"),
                                 figureText(figures, "specificity", "specificity")})
            if (!part.empty())
                line += (line.empty() ? "" : ", ") + part;
        if (figures.is_object() && figures.contains("films") && figures["films"].is_number_integer())
            line += " on " + std::to_string(figures["films"].get<long long>()) + " test films";
        std::cout << "run " << r.id << "  " << r.createdAt << "  model " << r.modelSha256.substr(0, 12)
                  << "  config " << r.configHash.substr(0, 12) << "\n  " << r.folder << "\n"
                  << (line.empty() ? std::string() : "  test: " + line + "\n");
    }
    return 0;
}

const RecordsCommandRegistration kRuns(55, [](CLI::App& group, CLI::App*& sub) -> CommandRun {
    auto args = std::make_shared<RunsArgs>();
    sub = group.add_subcommand("runs", "The training runs recorded here (cxr train and the studio's training)");
    sub->description(
        "Lists the finished training runs recorded in the review records, oldest first: the run folder, "
        "the config hash (SHA-256 of the training configuration, equal for runs trained alike), the model's "
        "weights SHA-256 (the one cxr predict records diagnoses under) and the test split's figures.");
    sub->add_flag("--json", args->json, "One JSON array, an object per run");
    return [args] { return runRuns(*args); };
});

}  // namespace
}  // namespace cxr::cli
