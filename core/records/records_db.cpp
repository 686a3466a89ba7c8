// RecordsDb's static side: where the database lives by default, and opening it.
#include "core/records/records_db.h"

#include <SQLiteCpp/Database.h>

#include <cstdlib>

#include "core/common/error.h"
#include "core/records/db_open.h"
#include "core/records/sqlite_records_db.h"

namespace fs = std::filesystem;

namespace cxr::records {

namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

}  // namespace

std::unique_ptr<RecordsDb> RecordsDb::open(const fs::path& file, const RecordsOptions& options) {
    if (file.empty())
        throw Error(ErrorCode::InvalidInput, "no records database file given");
    auto opened = detail::openDatabase(file, options);
    return std::make_unique<detail::SqliteRecordsDb>(file, options, std::move(opened.db), opened.writable);
}

fs::path RecordsDb::defaultPath() {
    if (const std::string chosen = env("CXR_RECORDS_DB"); !chosen.empty())
        return chosen;
    // XDG: a relative XDG_DATA_HOME is invalid and is ignored.
    if (const std::string data = env("XDG_DATA_HOME"); !data.empty() && fs::path(data).is_absolute())
        return fs::path(data) / "cxr-studio" / "records.sqlite";
    const std::string home = env("HOME");
    if (home.empty())
        throw Error(ErrorCode::NotFound, "no home folder for the review records: set CXR_RECORDS_DB or XDG_DATA_HOME");
    return fs::path(home) / ".local" / "share" / "cxr-studio" / "records.sqlite";
}

}  // namespace cxr::records
