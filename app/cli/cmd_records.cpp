// `cxr records`: the review records (every diagnosis, the reviewers' verdicts). The group holds
// --db and the shared helpers; the subcommands register in records_command.h.
#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "app/cli/records_command.h"
#include "core/common/error.h"

namespace cxr::cli {

namespace {

std::string& databaseOption() {
    static std::string path;  // function-local: safe across static init order
    return path;
}

}  // namespace

std::vector<CommandEntry>& recordsCommandRegistry() {
    static std::vector<CommandEntry> registry;
    return registry;
}

RecordsCommandRegistration::RecordsCommandRegistration(int order, CommandSetup setup) {
    recordsCommandRegistry().push_back({order, std::move(setup)});
}

std::unique_ptr<records::RecordsDb> openRecords(bool readOnly) {
    const std::filesystem::path file =
        databaseOption().empty() ? records::RecordsDb::defaultPath() : std::filesystem::path(databaseOption());
    try {
        return records::RecordsDb::open(file);
    } catch (const Error& e) {
        // A database this user may only read, in an older schema, cannot be migrated: the reading
        // commands still read it as it is.
        std::error_code ec;
        if (!readOnly || e.code() != ErrorCode::Io || !std::filesystem::exists(file, ec))
            throw;
        records::RecordsOptions options;
        options.readOnly = true;
        return records::RecordsDb::open(file, options);
    }
}

std::string osUserName() {
    if (const passwd* pw = ::getpwuid(::geteuid()); pw && pw->pw_name && *pw->pw_name)
        return pw->pw_name;
    if (const char* user = std::getenv("USER"); user && *user)
        return user;
    return "unknown";
}

Json filmJson(const records::FilmRecord& film) {
    Json out = {{"sha256", film.sha256},           {"path", film.path},
                {"size_bytes", film.sizeBytes},    {"study_instance_uid", film.studyInstanceUid},
                {"series_instance_uid", film.seriesInstanceUid},
                {"sop_instance_uid", film.sopInstanceUid},
                {"first_seen", film.firstSeen},    {"last_seen", film.lastSeen}};
    if (!film.patientName.empty() || !film.patientId.empty()) {
        out["patient_name"] = film.patientName;
        out["patient_id"] = film.patientId;
    }
    return out;
}

Json diagnosisJson(const records::DiagnosisRecord& d) {
    Json probabilities = Json::object();
    for (std::size_t i = 0; i < d.classes.size() && i < d.probabilities.size(); ++i)
        probabilities[d.classes[i]] = d.probabilities[i];
    return {{"id", d.id},
            {"model_sha256", d.modelSha256},
            {"model_name", d.modelName},
            {"label", d.label},
            {"probabilities", probabilities},
            {"threshold", d.threshold},
            {"method", d.method},
            {"layer", d.layer},
            {"warnings", d.warnings},
            {"timings_ms", d.timingsMs},
            {"created_at", d.createdAt}};
}

Json verdictJson(const records::VerdictRecord& v) {
    return {{"id", v.id},
            {"diagnosis_id", v.diagnosisId},
            {"agrees", v.agrees},
            {"label", v.label},
            {"other_text", v.otherText},
            {"note", v.note},
            {"reviewer", v.reviewer},
            {"created_at", v.createdAt}};
}

std::string jsonText(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

namespace {

const CommandRegistration kRecords(45, [](CLI::App& root, CLI::App*& sub) -> CommandRun {
    sub = root.add_subcommand("records", "Review records: every call, the reviewers' verdicts, export for training");
    sub->description(
        "The review records: every diagnosis `cxr predict` made (film by content SHA-256, so a "
        "renamed film is the same film), the reviewers' verdicts (append-only: the latest counts), "
        "agreement per model, and the reviewed films exported as a training folder. A FILM_OR_SHA256 "
        "argument is a film file (hashed) or a recorded SHA-256 (or a unique prefix of 8+ digits). "
        "Exit status 0 on success, 1 on a failed input, 2 on usage errors.");
    sub->add_option("--db", databaseOption(),
                    "Records database (default: $CXR_RECORDS_DB, else ~/.local/share/cxr-studio/records.sqlite)");
    sub->require_subcommand(1);
    // `cxr records list --db FILE` as well as `cxr records --db FILE list`.
    return addSubcommands(*sub, recordsCommandRegistry(), [](CLI::App& nested) { nested.fallthrough(); });
});

}  // namespace
}  // namespace cxr::cli
