#pragma once
// Opening the records file: the checks that come before any record is read or written (a newer
// schema is refused untouched, a damaged file is set aside), the connection's settings, and the
// migration to the current schema.
#include <filesystem>
#include <memory>

#include "core/records/records_db.h"

namespace SQLite {
class Database;
}

namespace cxr::records::detail {

// An open connection and whether it may write.
struct OpenedDatabase {
    std::unique_ptr<SQLite::Database> db;
    bool writable = false;
};

OpenedDatabase openDatabase(const std::filesystem::path& file, const RecordsOptions& options);

}  // namespace cxr::records::detail
