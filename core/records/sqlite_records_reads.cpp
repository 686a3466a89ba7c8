// SqliteRecordsDb's reads.
#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>

#include "core/records/db_error.h"
#include "core/records/record_columns.h"
#include "core/records/sqlite_records_db.h"

namespace cxr::records::detail {

template <class Body>
auto SqliteRecordsDb::read(const std::string& doing, Body&& body) const -> decltype(body()) {
    std::lock_guard<std::recursive_mutex> lock(m_mutex);
    try {
        return body();
    } catch (const SQLite::Exception& e) {
        throwDbError(e, m_path, doing, m_options.busyTimeoutMs);
    }
}

std::optional<FilmRecord> SqliteRecordsDb::film(const std::string& sha256) const {
    return read("reading film " + sha256, [&]() -> std::optional<FilmRecord> {
        SQLite::Statement s(*m_db, std::string("SELECT ") + kFilmColumns + " FROM films f WHERE f.sha256 = ?1");
        s.bind(1, sha256);
        if (!s.executeStep())
            return std::nullopt;
        return readFilm(s, 0);
    });
}

std::optional<DiagnosisRecord> SqliteRecordsDb::latestDiagnosis(const std::string& filmSha256,
                                                                const std::string& modelSha256) const {
    return read("reading the diagnoses of film " + filmSha256, [&]() -> std::optional<DiagnosisRecord> {
        std::string sql = std::string("SELECT ") + kDiagnosisColumns +
                          " FROM films f JOIN diagnoses d ON d.film_id = f.id JOIN models m ON m.id = d.model_id"
                          " WHERE f.sha256 = ?1";
        if (!modelSha256.empty())
            sql += " AND m.sha256 = ?2";
        sql += " ORDER BY d.id DESC LIMIT 1";
        SQLite::Statement s(*m_db, sql);
        s.bind(1, filmSha256);
        if (!modelSha256.empty())
            s.bind(2, modelSha256);
        if (!s.executeStep())
            return std::nullopt;
        return readDiagnosis(s, 0, m_path);
    });
}

std::vector<WorklistRow> SqliteRecordsDb::worklist(const WorklistFilter& filter) const {
    return read("reading the worklist", [&] {
        std::vector<WorklistRow> rows;
        std::int64_t modelId = 0;
        if (!filter.modelSha256.empty()) {
            SQLite::Statement model(*m_db, "SELECT id FROM models WHERE sha256 = ?1");
            model.bind(1, filter.modelSha256);
            if (!model.executeStep())
                return rows;  // a model that never diagnosed here: nothing to list
            modelId = model.getColumn(0).getInt64();
        }
        // Each film's latest diagnosis and verdict are the highest ids under it: a seek to the
        // end of the (film_id[, model_id]) index, not a scan of all diagnoses.
        const std::string latestDiagnosis =
            modelId ? "(SELECT MAX(id) FROM diagnoses WHERE film_id = f.id AND model_id = ?1)"
                    : "(SELECT MAX(id) FROM diagnoses WHERE film_id = f.id)";
        std::string sql = std::string("SELECT ") + kFilmColumns + ", " + kDiagnosisColumns + ", " + kVerdictColumns +
                          " FROM films f"
                          " LEFT JOIN diagnoses d ON d.id = " + latestDiagnosis +
                          " LEFT JOIN models m ON m.id = d.model_id"
                          " LEFT JOIN verdicts v ON v.id = (SELECT MAX(id) FROM verdicts WHERE film_id = f.id)"
                          " WHERE 1";
        if (modelId)
            sql += " AND d.id IS NOT NULL";
        if (filter.unreviewedOnly)
            sql += " AND v.id IS NULL";
        if (filter.disagreementsOnly)
            sql += " AND v.agrees = 0";
        // The films seen most recently first: the triage list as it was left.
        sql += " ORDER BY f.last_seen DESC, f.id DESC";
        if (filter.limit >= 0)
            sql += " LIMIT " + std::to_string(filter.limit);
        // Rows are large: growing the vector row by row moved 100,000 of them about 17 times.
        const auto films = static_cast<std::int64_t>(m_db->execAndGet("SELECT COUNT(*) FROM films").getInt64());
        rows.reserve(static_cast<size_t>(filter.limit >= 0 ? std::min<std::int64_t>(filter.limit, films) : films));
        SQLite::Statement s(*m_db, sql);
        if (modelId)
            s.bind(1, static_cast<std::int64_t>(modelId));
        constexpr int kDiagnosisFirst = 10, kVerdictFirst = 23;
        while (s.executeStep()) {
            WorklistRow row;
            row.film = readFilm(s, 0);
            if (!s.getColumn(kDiagnosisFirst).isNull())
                row.diagnosis = readDiagnosis(s, kDiagnosisFirst, m_path);
            if (!s.getColumn(kVerdictFirst).isNull())
                row.verdict = readVerdict(s, kVerdictFirst);
            rows.push_back(std::move(row));
        }
        return rows;
    });
}

std::vector<DiagnosisRecord> SqliteRecordsDb::diagnosesOf(const std::string& filmSha256) const {
    return read("reading the diagnoses of film " + filmSha256, [&] {
        SQLite::Statement s(*m_db, std::string("SELECT ") + kDiagnosisColumns +
                                       " FROM films f JOIN diagnoses d ON d.film_id = f.id"
                                       " JOIN models m ON m.id = d.model_id WHERE f.sha256 = ?1 ORDER BY d.id");
        s.bind(1, filmSha256);
        std::vector<DiagnosisRecord> out;
        while (s.executeStep())
            out.push_back(readDiagnosis(s, 0, m_path));
        return out;
    });
}

std::vector<VerdictRecord> SqliteRecordsDb::verdictsOf(const std::string& filmSha256) const {
    return read("reading the verdicts on film " + filmSha256, [&] {
        SQLite::Statement s(*m_db, std::string("SELECT ") + kVerdictColumns +
                                       " FROM films f JOIN verdicts v ON v.film_id = f.id"
                                       " WHERE f.sha256 = ?1 ORDER BY v.id");
        s.bind(1, filmSha256);
        std::vector<VerdictRecord> out;
        while (s.executeStep())
            out.push_back(readVerdict(s, 0));
        return out;
    });
}

std::vector<RunRecord> SqliteRecordsDb::runs() const {
    return read("reading the runs", [&] {
        SQLite::Statement s(*m_db, std::string("SELECT ") + kRunColumns + " FROM runs ORDER BY id");
        std::vector<RunRecord> out;
        while (s.executeStep())
            out.push_back(readRun(s, 0));
        return out;
    });
}

std::map<std::string, std::string> SqliteRecordsDb::models() const {
    return read("reading the models", [&] {
        SQLite::Statement s(*m_db, "SELECT sha256, name FROM models ORDER BY id");
        std::map<std::string, std::string> out;
        while (s.executeStep())
            out[s.getColumn(0).getString()] = s.getColumn(1).getString();
        return out;
    });
}

std::string SqliteRecordsDb::integrityCheck() const {
    return read("checking the records' integrity", [&] {
        SQLite::Statement s(*m_db, "PRAGMA integrity_check");
        std::string out;
        while (s.executeStep())
            out += (out.empty() ? "" : "\n") + s.getColumn(0).getString();
        return out;
    });
}

}  // namespace cxr::records::detail
