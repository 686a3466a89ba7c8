#include "core/records/db_error.h"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include "core/common/error.h"

namespace cxr::records::detail {

bool isCorruption(const SQLite::Exception& e) {
    const int code = e.getErrorCode() & 0xff;
    return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}

void throwDbError(const SQLite::Exception& e, const std::filesystem::path& file, const std::string& doing,
                  int busyTimeoutMs) {
    const std::string sqlite = e.what();
    switch (e.getErrorCode() & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw Error(ErrorCode::Io, file,
                    "is locked by another program (waited " + std::to_string(busyTimeoutMs) + " ms while " + doing +
                        "); close the other CXR Studio or try again");
    case SQLITE_READONLY:
        throw Error(ErrorCode::Io, file, "is read-only: " + doing + " failed (" + sqlite + ")");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        throw Error(ErrorCode::Corrupt, file, "is damaged (" + sqlite + ") while " + doing);
    case SQLITE_FULL:
        throw Error(ErrorCode::Io, file, "the disk is full: " + doing + " failed");
    case SQLITE_CANTOPEN:
        throw Error(ErrorCode::Io, file, "cannot be opened (" + sqlite + ") while " + doing);
    case SQLITE_CONSTRAINT:
        throw Error(ErrorCode::InvalidInput, file, doing + " refused: " + sqlite);
    default:
        throw Error(ErrorCode::Io, file, doing + " failed: " + sqlite);
    }
}

}  // namespace cxr::records::detail
