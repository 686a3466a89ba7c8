// SqliteRecordsDb's writes (the reads are in sqlite_records_reads.cpp).
#include "core/records/sqlite_records_db.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/records/db_error.h"
#include "core/records/os_user.h"
#include "core/records/record_columns.h"
#include "core/records/wal_checkpointer.h"

namespace cxr::records::detail {

namespace {

// The database fills in times: ISO 8601 UTC with milliseconds.
#define CXR_RECORDS_NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

void bindText(SQLite::Statement& s, int index, const std::string& value) {
    s.bind(index, value);
}

}  // namespace

SqliteRecordsDb::SqliteRecordsDb(std::filesystem::path file, RecordsOptions options,
                                 std::unique_ptr<SQLite::Database> db, bool writable)
    : m_path(std::move(file)), m_options(options), m_db(std::move(db)), m_writable(writable && !options.readOnly) {
    if (m_writable && options.backgroundCheckpoint)
        m_checkpointer = std::make_unique<WalCheckpointer>(m_path, m_db->getHandle(), WalCheckpointer::kDefaultPages,
                                                           &m_mutex);
}

SqliteRecordsDb::~SqliteRecordsDb() {
    // The checkpoint thread unhooks itself from the connection before the connection closes.
    m_checkpointer.reset();
    // Statements before the connection they belong to.
    m_upsertFilm.reset();
    m_upsertModel.reset();
    m_insertDiagnosis.reset();
    m_findFilm.reset();
}

SQLite::Statement& SqliteRecordsDb::cached(std::unique_ptr<SQLite::Statement>& slot, const char* sql) {
    if (!slot)
        slot = std::make_unique<SQLite::Statement>(*m_db, sql);
    slot->tryReset();  // a statement a failed call left behind
    slot->clearBindings();
    return *slot;
}

std::int64_t SqliteRecordsDb::write(const std::string& doing, const std::function<std::int64_t()>& body) {
    std::lock_guard<std::recursive_mutex> lock(m_mutex);
    if (!m_writable)
        throw Error(ErrorCode::Io, m_path,
                    (m_options.readOnly ? "was opened for reading only" : "is read-only") +
                        std::string("; nothing was recorded (") + doing + ")");
    try {
        if (m_inBatch)
            return body();  // the batch's transaction holds it
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        const std::int64_t result = body();
        transaction.commit();
        return result;
    } catch (const SQLite::Exception& e) {
        // A failed statement is reset so the next call starts clean.
        for (auto* slot : {&m_upsertFilm, &m_upsertModel, &m_insertDiagnosis, &m_findFilm})
            if (*slot)
                (*slot)->tryReset();
        throwDbError(e, m_path, doing, m_options.busyTimeoutMs);
    }
}

void SqliteRecordsDb::batch(const std::function<void()>& writes) {
    std::lock_guard<std::recursive_mutex> lock(m_mutex);
    if (m_inBatch) {  // a batch inside a batch is part of it
        writes();
        return;
    }
    write("recording a batch", [&] {
        struct InBatch {
            bool& flag;
            explicit InBatch(bool& f) : flag(f) { flag = true; }
            ~InBatch() { flag = false; }
        } inBatch(m_inBatch);
        writes();
        return std::int64_t{0};
    });
}

std::int64_t SqliteRecordsDb::filmId(const std::string& sha256) {
    auto& find = cached(m_findFilm, "SELECT id FROM films WHERE sha256 = ?1");
    bindText(find, 1, sha256);
    if (!find.executeStep())
        throw Error(ErrorCode::InvalidInput, m_path,
                    "film " + sha256 + " is not recorded: record the film before its diagnoses and verdicts");
    const std::int64_t id = find.getColumn(0).getInt64();
    find.reset();
    return id;
}

void SqliteRecordsDb::recordFilm(const FilmRecord& film) {
    if (film.sha256.empty())
        throw Error(ErrorCode::InvalidInput, m_path, "a film without its SHA-256 cannot be recorded");
    write("recording film " + film.sha256, [&] {
        // A film seen again (renamed, re-exported) keeps its row: path and last seen move on,
        // DICOM UIDs are filled in when this sighting has them.
        auto& s = cached(m_upsertFilm, R"sql(
            INSERT INTO films (sha256, path, study_uid, series_uid, sop_uid, size_bytes, patient_name, patient_id,
                               first_seen, last_seen)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, )sql" CXR_RECORDS_NOW ", " CXR_RECORDS_NOW R"sql()
            ON CONFLICT (sha256) DO UPDATE SET
                path = excluded.path,
                last_seen = excluded.last_seen,
                size_bytes = excluded.size_bytes,
                study_uid = CASE WHEN excluded.study_uid <> '' THEN excluded.study_uid ELSE study_uid END,
                series_uid = CASE WHEN excluded.series_uid <> '' THEN excluded.series_uid ELSE series_uid END,
                sop_uid = CASE WHEN excluded.sop_uid <> '' THEN excluded.sop_uid ELSE sop_uid END,
                patient_name = COALESCE(excluded.patient_name, patient_name),
                patient_id = COALESCE(excluded.patient_id, patient_id))sql");
        bindText(s, 1, film.sha256);
        bindText(s, 2, film.path);
        bindText(s, 3, film.studyInstanceUid);
        bindText(s, 4, film.seriesInstanceUid);
        bindText(s, 5, film.sopInstanceUid);
        s.bind(6, static_cast<std::int64_t>(film.sizeBytes));
        // Without keepPatientIdentity the name and ID are never handed to SQLite at all.
        if (m_options.keepPatientIdentity && !film.patientName.empty())
            bindText(s, 7, film.patientName);
        if (m_options.keepPatientIdentity && !film.patientId.empty())
            bindText(s, 8, film.patientId);
        s.exec();
        s.reset();
        return std::int64_t{0};
    });
}

std::int64_t SqliteRecordsDb::recordDiagnosis(const DiagnosisRecord& d) {
    if (d.filmSha256.empty() || d.modelSha256.empty())
        throw Error(ErrorCode::InvalidInput, m_path, "a diagnosis needs its film's and its model's SHA-256");
    if (d.classes.size() != d.probabilities.size())
        throw Error(ErrorCode::InvalidInput, m_path,
                    "a diagnosis of film " + d.filmSha256 + " has " + std::to_string(d.classes.size()) +
                        " classes but " + std::to_string(d.probabilities.size()) + " probabilities");
    return write("recording a diagnosis of film " + d.filmSha256, [&] {
        const std::int64_t film = filmId(d.filmSha256);
        auto& model = cached(m_upsertModel, R"sql(
            INSERT INTO models (sha256, name) VALUES (?1, ?2)
            ON CONFLICT (sha256) DO UPDATE SET name = excluded.name
                WHERE excluded.name <> '' AND excluded.name <> name)sql");
        bindText(model, 1, d.modelSha256);
        bindText(model, 2, d.modelName);
        model.exec();
        model.reset();
        auto& s = cached(m_insertDiagnosis, R"sql(
            INSERT INTO diagnoses (film_id, model_id, method, layer, classes, probabilities, label, threshold,
                                   warnings, timings_ms, created_at)
            VALUES (?1, (SELECT id FROM models WHERE sha256 = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, )sql"
                                                   CXR_RECORDS_NOW ")");
        s.bind(1, static_cast<std::int64_t>(film));
        bindText(s, 2, d.modelSha256);
        bindText(s, 3, d.method);
        bindText(s, 4, d.layer);
        s.bind(5, toJson(d.classes));
        s.bind(6, toJson(d.probabilities));
        bindText(s, 7, d.label);
        s.bind(8, d.threshold);
        s.bind(9, toJson(d.warnings));
        s.bind(10, toJson(d.timingsMs));
        s.exec();
        s.reset();
        return static_cast<std::int64_t>(m_db->getLastInsertRowid());
    });
}

std::int64_t SqliteRecordsDb::recordVerdict(const VerdictRecord& v) {
    if (v.label != "NORMAL" && v.label != "PNEUMONIA" && v.label != "other")
        throw Error(ErrorCode::InvalidInput, m_path,
                    "a verdict's label is NORMAL, PNEUMONIA or other, not '" + v.label + "'");
    if (v.label == "other" && v.otherText.empty())
        throw Error(ErrorCode::InvalidInput, m_path, "a verdict labelled other needs its text (what it is)");
    const std::string reviewer = v.reviewer.empty() ? osUserName() : v.reviewer;
    return write("recording a verdict on film " + v.filmSha256, [&] {
        const std::int64_t film = filmId(v.filmSha256);
        if (v.diagnosisId != 0) {
            SQLite::Statement seen(*m_db, "SELECT film_id FROM diagnoses WHERE id = ?1");
            seen.bind(1, static_cast<std::int64_t>(v.diagnosisId));
            if (!seen.executeStep() || seen.getColumn(0).getInt64() != film)
                throw Error(ErrorCode::InvalidInput, m_path,
                            "diagnosis " + std::to_string(v.diagnosisId) + " is not one of film " + v.filmSha256);
        }
        SQLite::Statement s(*m_db, R"sql(
            INSERT INTO verdicts (film_id, diagnosis_id, agrees, label, other_text, note, reviewer, created_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, )sql" CXR_RECORDS_NOW ")");
        s.bind(1, static_cast<std::int64_t>(film));
        if (v.diagnosisId != 0)
            s.bind(2, static_cast<std::int64_t>(v.diagnosisId));
        s.bind(3, v.agrees ? 1 : 0);
        bindText(s, 4, v.label);
        bindText(s, 5, v.label == "other" ? v.otherText : std::string());
        bindText(s, 6, v.note);
        bindText(s, 7, reviewer);
        s.exec();
        return static_cast<std::int64_t>(m_db->getLastInsertRowid());
    });
}

std::int64_t SqliteRecordsDb::recordRun(const RunRecord& run) {
    if (run.folder.empty())
        throw Error(ErrorCode::InvalidInput, m_path, "a run needs its folder");
    if (!run.testFiguresJson.empty() && nlohmann::json::parse(run.testFiguresJson, nullptr, false).is_discarded())
        throw Error(ErrorCode::InvalidInput, m_path, "the test figures of run " + run.folder + " are not JSON");
    return write("recording run " + run.folder, [&] {
        SQLite::Statement s(*m_db, R"sql(
            INSERT INTO runs (folder, config_hash, model_sha256, test_figures, created_at)
            VALUES (?1, ?2, ?3, ?4, )sql" CXR_RECORDS_NOW ")");
        bindText(s, 1, run.folder);
        bindText(s, 2, run.configHash);
        bindText(s, 3, run.modelSha256);
        bindText(s, 4, run.testFiguresJson);
        s.exec();
        return static_cast<std::int64_t>(m_db->getLastInsertRowid());
    });
}

}  // namespace cxr::records::detail
