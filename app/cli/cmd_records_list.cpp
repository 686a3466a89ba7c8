// `cxr records list` (the worklist, filtered) and `cxr records show` (one film's history).
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "app/cli/records_command.h"
#include "core/workflows/review_records.h"

namespace cxr::cli {
namespace {

struct ListArgs {
    bool unreviewed = false, disagreements = false, json = false;
    std::string model;
};

std::string probability(const records::DiagnosisRecord& d) {
    std::ostringstream out;
    for (std::size_t i = 0; i < d.classes.size() && i < d.probabilities.size(); ++i)
        if (d.classes[i] == "PNEUMONIA")
            out << "P(PNEUMONIA)=" << std::fixed << std::setprecision(4) << d.probabilities[i];
    return out.str();
}

std::string verdictText(const records::VerdictRecord& v) {
    std::string text = (v.agrees ? "agrees: " : "disagrees: ") + v.label;
    if (!v.otherText.empty()) text += " (" + v.otherText + ")";
    return text + " by " + v.reviewer;
}

int runList(const ListArgs& args) {
    const auto db = openRecords(true);
    records::WorklistFilter filter;
    filter.modelSha256 = args.model;
    filter.unreviewedOnly = args.unreviewed;
    filter.disagreementsOnly = args.disagreements;
    const auto rows = db->worklist(filter);
    if (args.json) {
        Json out = Json::array();
        for (const auto& row : rows)
            out.push_back({{"film", filmJson(row.film)},
                           {"diagnosis", row.diagnosis ? diagnosisJson(*row.diagnosis) : Json()},
                           {"verdict", row.verdict ? verdictJson(*row.verdict) : Json()}});
        std::cout << jsonText(out) << "\n";
        return 0;
    }
    for (const auto& row : rows) {
        std::cout << row.film.sha256.substr(0, 12);
        if (row.diagnosis)
            std::cout << "  " << std::left << std::setw(9) << row.diagnosis->label << std::right << "  "
                      << probability(*row.diagnosis) << "  model " << row.diagnosis->modelSha256.substr(0, 12);
        else
            std::cout << "  (no diagnosis)";
        std::cout << "  " << (row.verdict ? verdictText(*row.verdict) : std::string("unreviewed")) << "  "
                  << row.film.path << "\n";
    }
    std::cerr << rows.size() << " film" << (rows.size() == 1 ? "" : "s") << "\n";
    return 0;
}

struct ShowArgs {
    std::string film;
    bool json = false;
};

int runShow(const ShowArgs& args) {
    const auto db = openRecords(true);
    const std::string sha = workflows::resolveFilm(*db, args.film);
    const records::FilmRecord film = *db->film(sha);
    const auto diagnoses = db->diagnosesOf(sha);
    const auto verdicts = db->verdictsOf(sha);
    if (args.json) {
        Json d = Json::array(), v = Json::array();
        for (const auto& x : diagnoses) d.push_back(diagnosisJson(x));
        for (const auto& x : verdicts) v.push_back(verdictJson(x));
        std::cout << jsonText({{"film", filmJson(film)}, {"diagnoses", d}, {"verdicts", v}}) << "\n";
        return 0;
    }
    std::cout << "film " << film.sha256 << "\n  path " << film.path << "\n  size " << film.sizeBytes
              << " bytes, first seen " << film.firstSeen << ", last seen " << film.lastSeen << "\n";
    if (!film.studyInstanceUid.empty())
        std::cout << "  study " << film.studyInstanceUid << "\n  series " << film.seriesInstanceUid
                  << "\n  instance " << film.sopInstanceUid << "\n";
    // Calls and verdicts merged in time order: the film's history as it happened.
    struct Event {
        std::string time, text;
    };
    std::vector<Event> events;
    for (const auto& d : diagnoses)
        events.push_back({d.createdAt, "call #" + std::to_string(d.id) + "  " + d.label + "  " + probability(d) +
                                           "  model " + (d.modelName.empty() ? "" : d.modelName + " ") +
                                           d.modelSha256.substr(0, 12)});
    for (const auto& v : verdicts)
        events.push_back({v.createdAt, "verdict " + verdictText(v) +
                                           (v.diagnosisId ? " (on call #" + std::to_string(v.diagnosisId) + ")" : "") +
                                           (v.note.empty() ? "" : "  note: " + v.note)});
    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.time < b.time; });
    for (const auto& e : events) std::cout << "  " << e.time << "  " << e.text << "\n";
    return 0;
}

const RecordsCommandRegistration kList(10, [](CLI::App& group, CLI::App*& sub) -> CommandRun {
    auto args = std::make_shared<ListArgs>();
    sub = group.add_subcommand("list", "The recorded films with their latest call and verdict");
    auto* unreviewed = sub->add_flag("--unreviewed", args->unreviewed, "Only films without a verdict");
    sub->add_flag("--disagreements", args->disagreements,
                  "Only films whose latest verdict disagrees with the call it saw")
        ->excludes(unreviewed);
    sub->add_option("--model", args->model, "Only calls by the model with this SHA-256");
    sub->add_flag("--json", args->json, "One JSON array of {film, diagnosis, verdict}");
    return [args] { return runList(*args); };
});

const RecordsCommandRegistration kShow(20, [](CLI::App& group, CLI::App*& sub) -> CommandRun {
    auto args = std::make_shared<ShowArgs>();
    sub = group.add_subcommand("show", "A film's history: every call and verdict over time");
    sub->add_option("FILM_OR_SHA256", args->film, "A film file or a recorded SHA-256 (or 8+ digit prefix)")
        ->required();
    sub->add_flag("--json", args->json, "One JSON object {film, diagnoses, verdicts}");
    return [args] { return runShow(*args); };
});

}  // namespace
}  // namespace cxr::cli
