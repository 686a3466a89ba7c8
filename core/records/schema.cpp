#include "core/records/schema.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

#include "core/records/db_error.h"
#include "core/records/records_db.h"

namespace cxr::records::detail {

namespace {

// Version 1. Films are keyed by content SHA-256 but joined by their integer id (small indexes);
// models are a table of their own, so 300,000 diagnoses do not repeat a 64-character hash. The
// indexes serve the worklist: latest diagnosis of a film (by a model) and latest verdict are a
// seek to the end of (film_id[, model_id]) → rowid; films are listed by last_seen.
// Times are ISO 8601 UTC text; lists and maps are JSON text.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE films (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    study_uid TEXT NOT NULL DEFAULT '',
    series_uid TEXT NOT NULL DEFAULT '',
    sop_uid TEXT NOT NULL DEFAULT '',
    size_bytes INTEGER NOT NULL DEFAULT 0,
    patient_name TEXT,
    patient_id TEXT,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL
);
CREATE INDEX films_last_seen ON films (last_seen);

CREATE TABLE models (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT ''
);

CREATE TABLE diagnoses (
    id INTEGER PRIMARY KEY,
    film_id INTEGER NOT NULL REFERENCES films (id),
    model_id INTEGER NOT NULL REFERENCES models (id),
    method TEXT NOT NULL DEFAULT '',
    layer TEXT NOT NULL DEFAULT '',
    classes TEXT NOT NULL,
    probabilities TEXT NOT NULL,
    label TEXT NOT NULL,
    threshold REAL NOT NULL,
    warnings TEXT NOT NULL,
    timings_ms TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX diagnoses_film_model ON diagnoses (film_id, model_id);
CREATE INDEX diagnoses_model ON diagnoses (model_id);

CREATE TABLE verdicts (
    id INTEGER PRIMARY KEY,
    film_id INTEGER NOT NULL REFERENCES films (id),
    diagnosis_id INTEGER REFERENCES diagnoses (id),
    agrees INTEGER NOT NULL CHECK (agrees IN (0, 1)),
    label TEXT NOT NULL,
    other_text TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    reviewer TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX verdicts_film ON verdicts (film_id);

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    folder TEXT NOT NULL,
    config_hash TEXT NOT NULL DEFAULT '',
    model_sha256 TEXT NOT NULL DEFAULT '',
    test_figures TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
)sql";

// migrations[i] takes the schema from version i to i + 1.
constexpr const char* kMigrations[] = {kVersion1};
static_assert(sizeof kMigrations / sizeof kMigrations[0] == RecordsDb::kSchemaVersion,
              "one migration per schema version");

}  // namespace

int schemaVersion(SQLite::Database& db) {
    return db.execAndGet("PRAGMA user_version").getInt();
}

void migrate(SQLite::Database& db, const std::filesystem::path& file, int busyTimeoutMs) {
    try {
        // IMMEDIATE: two programs opening a new file at once; the second waits, then sees the
        // version the first reached and does nothing.
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        for (int version = schemaVersion(db); version < RecordsDb::kSchemaVersion; ++version) {
            db.exec(kMigrations[version]);
            db.exec("PRAGMA user_version = " + std::to_string(version + 1));
        }
        transaction.commit();
    } catch (const SQLite::Exception& e) {
        throwDbError(e, file, "creating the records tables", busyTimeoutMs);
    }
}

}  // namespace cxr::records::detail
