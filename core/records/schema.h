#pragma once
// The records schema and its migrations, versioned by SQLite's PRAGMA user_version: version N
// is reached by running migrations 1..N in order, each in one transaction with the version bump,
// so a kill during a migration leaves the previous version intact.
#include <filesystem>

namespace SQLite {
class Database;
}

namespace cxr::records::detail {

int schemaVersion(SQLite::Database& db);

// Brings the database to RecordsDb::kSchemaVersion. The caller has refused newer versions.
void migrate(SQLite::Database& db, const std::filesystem::path& file, int busyTimeoutMs);

}  // namespace cxr::records::detail
