// `cxr records verdict`: a reviewer's verdict on a film, appended (the latest counts).
#include <iostream>

#include "app/cli/records_command.h"
#include "core/common/error.h"
#include "core/workflows/review_records.h"

namespace cxr::cli {
namespace {

struct VerdictArgs {
    std::string film, label, otherText, note, reviewer;
    bool agree = false;
    bool json = false;
};

int runVerdict(const VerdictArgs& args) {
    const auto db = openRecords(false);
    const std::string sha = workflows::resolveFilm(*db, args.film);
    const auto diagnoses = db->diagnosesOf(sha);
    records::VerdictRecord v;
    v.filmSha256 = sha;
    v.reviewer = args.reviewer.empty() ? osUserName() : args.reviewer;
    v.note = args.note;
    if (!diagnoses.empty()) v.diagnosisId = diagnoses.back().id;
    if (args.agree) {
        if (diagnoses.empty())
            throw Error(ErrorCode::InvalidInput, args.film, "has no call to agree with: give --label");
        v.agrees = true;
        v.label = diagnoses.back().label;
    } else {
        v.label = args.label;
        v.otherText = args.otherText;
        v.agrees = !diagnoses.empty() && diagnoses.back().label == v.label;
    }
    v.id = db->recordVerdict(v);
    for (const auto& kept : db->verdictsOf(sha))  // as the database keeps it (its time)
        if (kept.id == v.id) v = kept;
    if (args.json) {
        std::cout << jsonText({{"film", sha}, {"verdict", verdictJson(v)}}) << "\n";
        return 0;
    }
    std::cout << sha.substr(0, 12) << "  " << (v.agrees ? "agrees" : "disagrees") << ": " << v.label
              << (v.otherText.empty() ? "" : " (" + v.otherText + ")");
    if (!diagnoses.empty()) std::cout << "  (call " << diagnoses.back().label << ")";
    std::cout << "  by " << v.reviewer << "\n";
    return 0;
}

const RecordsCommandRegistration kVerdict(30, [](CLI::App& group, CLI::App*& sub) -> CommandRun {
    auto args = std::make_shared<VerdictArgs>();
    sub = group.add_subcommand("verdict", "Record a reviewer's verdict on a film (the latest counts)");
    sub->add_option("FILM_OR_SHA256", args->film, "A film file or a recorded SHA-256 (or 8+ digit prefix)")
        ->required();
    auto* agree = sub->add_flag("--agree", args->agree, "Agree with the film's latest call (its label is taken)");
    auto* label = sub->add_option("--label", args->label, "The reviewer's own label")
                      ->check(CLI::IsMember(workflows::reviewLabels()));
    agree->excludes(label);
    sub->add_option("--other-text", args->otherText, "What \"other\" is (with --label other)");
    sub->add_option("--note", args->note, "A note kept with the verdict");
    sub->add_option("--reviewer", args->reviewer, "Who reviews (default: the OS user)");
    sub->add_flag("--json", args->json, "The recorded verdict as one JSON object");
    // Checked while parsing, so a wrong combination is a usage error (exit 2) like any other.
    sub->callback([args, agree, label] {
        if (agree->count() == 0 && label->count() == 0)
            throw CLI::RequiredError("--agree or --label NORMAL|PNEUMONIA|other");
        if (!args->otherText.empty() && args->label != "other")
            throw CLI::ValidationError("--other-text", "goes with --label other");
    });
    return [args] { return runVerdict(*args); };
});

}  // namespace
}  // namespace cxr::cli
