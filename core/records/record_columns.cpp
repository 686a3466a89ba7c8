#include "core/records/record_columns.h"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

#include <charconv>
#include <cstring>
#include <limits>

#include "core/common/error.h"

namespace cxr::records::detail {

const char* const kFilmColumns =
    "f.sha256, f.path, f.study_uid, f.series_uid, f.sop_uid, f.size_bytes, f.patient_name, f.patient_id, "
    "f.first_seen, f.last_seen";
const char* const kDiagnosisColumns =
    "d.id, f.sha256, m.sha256, m.name, d.method, d.layer, d.classes, d.probabilities, d.label, d.threshold, "
    "d.warnings, d.timings_ms, d.created_at";
const char* const kVerdictColumns =
    "v.id, f.sha256, v.diagnosis_id, v.agrees, v.label, v.other_text, v.note, v.reviewer, v.created_at";
const char* const kRunColumns = "id, folder, config_hash, model_sha256, test_figures, created_at";

namespace {

std::string text(SQLite::Statement& row, int index) {
    const auto column = row.getColumn(index);
    return column.isNull() ? std::string() : column.getString();
}

// The worklist reads four JSON columns for each of up to 100,000 films; the general parser
// made that the bulk of its time. These read the flat arrays and maps this file writes
// (compact, numbers or plain strings, no escapes) directly, and say false for anything else,
// which then goes through nlohmann.
const char* skipSpace(const char* p) {
    while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
        ++p;
    return p;
}

bool readNumber(const char*& p, const char* end, double& value) {
    if (std::strncmp(p, "null", 4) == 0) {  // JSON has no NaN: a NaN was written as null
        value = std::numeric_limits<double>::quiet_NaN();
        p += 4;
        return true;
    }
    const auto [next, error] = std::from_chars(p, end, value);  // locale-free, exact
    if (error != std::errc() || next == p)
        return false;
    p = next;
    return true;
}

bool readPlainString(const char*& p, std::string& out) {
    if (*p != '"')
        return false;
    const char* start = ++p;
    while (*p && *p != '"') {
        if (*p == '\\')
            return false;
        ++p;
    }
    if (*p != '"')
        return false;
    out.assign(start, p);
    ++p;
    return true;
}

// [item, item, …] or {item, …}; `item` reads one element at p and moves p past it.
template <class Item>
bool readFlat(const std::string& text, char open, char close, Item&& item) {
    const char* p = skipSpace(text.c_str());
    const char* end = text.c_str() + text.size();
    if (*p != open)
        return false;
    p = skipSpace(p + 1);
    if (*p == close)
        return *skipSpace(p + 1) == 0;
    for (;;) {
        if (!item(p, end))
            return false;
        p = skipSpace(p);
        if (*p == ',') {
            p = skipSpace(p + 1);
        } else if (*p == close) {
            return *skipSpace(p + 1) == 0;
        } else {
            return false;
        }
    }
}

bool fastNumbers(const std::string& text, std::vector<double>& out) {
    out.clear();
    return readFlat(text, '[', ']', [&](const char*& p, const char* end) {
        double v = 0;
        if (!readNumber(p, end, v))
            return false;
        out.push_back(v);
        return true;
    });
}

bool fastStrings(const std::string& text, std::vector<std::string>& out) {
    out.clear();
    return readFlat(text, '[', ']', [&](const char*& p, const char*) {
        std::string s;
        if (!readPlainString(p, s))
            return false;
        out.push_back(std::move(s));
        return true;
    });
}

bool fastNumberMap(const std::string& text, std::map<std::string, double>& out) {
    out.clear();
    return readFlat(text, '{', '}', [&](const char*& p, const char* end) {
        std::string key;
        if (!readPlainString(p, key))
            return false;
        p = skipSpace(p);
        if (*p != ':')
            return false;
        p = skipSpace(p + 1);
        double v = 0;
        if (!readNumber(p, end, v))
            return false;
        out[std::move(key)] = v;
        return true;
    });
}

nlohmann::json parseColumn(SQLite::Statement& row, int index, const char* what, std::int64_t id,
                           const std::filesystem::path& file) {
    auto json = nlohmann::json::parse(text(row, index), nullptr, false);
    if (json.is_discarded())
        throw Error(ErrorCode::Corrupt, file,
                    "diagnosis " + std::to_string(id) + " has damaged " + what + " (not JSON)");
    return json;
}

}  // namespace

FilmRecord readFilm(SQLite::Statement& row, int first) {
    FilmRecord film;
    film.sha256 = text(row, first);
    film.path = text(row, first + 1);
    film.studyInstanceUid = text(row, first + 2);
    film.seriesInstanceUid = text(row, first + 3);
    film.sopInstanceUid = text(row, first + 4);
    film.sizeBytes = row.getColumn(first + 5).getInt64();
    film.patientName = text(row, first + 6);
    film.patientId = text(row, first + 7);
    film.firstSeen = text(row, first + 8);
    film.lastSeen = text(row, first + 9);
    return film;
}

DiagnosisRecord readDiagnosis(SQLite::Statement& row, int first, const std::filesystem::path& file) {
    DiagnosisRecord d;
    d.id = row.getColumn(first).getInt64();
    d.filmSha256 = text(row, first + 1);
    d.modelSha256 = text(row, first + 2);
    d.modelName = text(row, first + 3);
    d.method = text(row, first + 4);
    d.layer = text(row, first + 5);
    const std::string classesText = text(row, first + 6), probabilitiesText = text(row, first + 7),
                      warningsText = text(row, first + 10), timingsText = text(row, first + 11);
    if (fastStrings(classesText, d.classes) && fastNumbers(probabilitiesText, d.probabilities) &&
        fastStrings(warningsText, d.warnings) && fastNumberMap(timingsText, d.timingsMs)) {
        d.label = text(row, first + 8);
        d.threshold = row.getColumn(first + 9).getDouble();
        d.createdAt = text(row, first + 12);
        return d;
    }
    d.classes.clear();
    d.probabilities.clear();
    d.warnings.clear();
    d.timingsMs.clear();
    try {
        const auto classes = parseColumn(row, first + 6, "classes", d.id, file);
        const auto probabilities = parseColumn(row, first + 7, "probabilities", d.id, file);
        const auto warnings = parseColumn(row, first + 10, "warnings", d.id, file);
        const auto timings = parseColumn(row, first + 11, "timings", d.id, file);
        d.classes = classes.get<std::vector<std::string>>();
        // JSON has no NaN: a NaN probability was written as null.
        for (const auto& p : probabilities)
            d.probabilities.push_back(p.is_null() ? std::numeric_limits<double>::quiet_NaN() : p.get<double>());
        d.warnings = warnings.get<std::vector<std::string>>();
        for (auto it = timings.begin(); it != timings.end(); ++it)
            d.timingsMs[it.key()] =
                it->is_null() ? std::numeric_limits<double>::quiet_NaN() : it->get<double>();
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::Corrupt, file,
                    "diagnosis " + std::to_string(d.id) + " has a damaged column (" + e.what() + ")");
    }
    d.label = text(row, first + 8);
    d.threshold = row.getColumn(first + 9).getDouble();
    d.createdAt = text(row, first + 12);
    return d;
}

VerdictRecord readVerdict(SQLite::Statement& row, int first) {
    VerdictRecord v;
    v.id = row.getColumn(first).getInt64();
    v.filmSha256 = text(row, first + 1);
    const auto diagnosis = row.getColumn(first + 2);
    v.diagnosisId = diagnosis.isNull() ? 0 : diagnosis.getInt64();
    v.agrees = row.getColumn(first + 3).getInt() != 0;
    v.label = text(row, first + 4);
    v.otherText = text(row, first + 5);
    v.note = text(row, first + 6);
    v.reviewer = text(row, first + 7);
    v.createdAt = text(row, first + 8);
    return v;
}

RunRecord readRun(SQLite::Statement& row, int first) {
    RunRecord r;
    r.id = row.getColumn(first).getInt64();
    r.folder = text(row, first + 1);
    r.configHash = text(row, first + 2);
    r.modelSha256 = text(row, first + 3);
    r.testFiguresJson = text(row, first + 4);
    r.createdAt = text(row, first + 5);
    return r;
}

namespace {

// Text that is not UTF-8 (a warning built from a file name) is kept with U+FFFD, not refused.
std::string dump(const nlohmann::json& json) {
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string toJson(const std::vector<std::string>& list) {
    return dump(nlohmann::json(list));
}

std::string toJson(const std::vector<double>& list) {
    return dump(nlohmann::json(list));
}

std::string toJson(const std::map<std::string, double>& map) {
    return dump(nlohmann::json(map));
}

}  // namespace cxr::records::detail
