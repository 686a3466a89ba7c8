#include "core/records/db_open.h"

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <system_error>
#include <thread>

#include "core/common/error.h"
#include "core/records/db_error.h"
#include "core/records/schema.h"
#include "core/records/set_aside.h"

namespace fs = std::filesystem;

namespace cxr::records::detail {

namespace {

// Every SQLite database starts with these 16 bytes; an empty file is a database not yet made.
bool hasDatabaseHeader(const fs::path& file) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec || size == 0)
        return true;
    std::array<char, 16> head{};
    std::ifstream in(file, std::ios::binary);
    if (!in.read(head.data(), head.size()))
        return false;
    return std::memcmp(head.data(), "SQLite format 3\0", 16) == 0;
}

[[noreturn]] void refuseDamaged(const fs::path& file, const std::string& what, const RecordsOptions& options) {
    // Read-only callers leave the file where it is: setting aside is a write.
    if (options.readOnly)
        throw Error(ErrorCode::Corrupt, file, what + "; open it for writing to move it aside");
    const fs::path aside = setAside(file);
    throw Error(ErrorCode::Corrupt, file,
                what + "; moved aside to " + displayPath(aside) + " (kept, not deleted); a new, empty records " +
                    "database is made at the next start");
}

// file:PATH?immutable=1 with the characters URIs reserve escaped.
std::string immutableUri(const fs::path& file) {
    std::string uri = "file:";
    for (const unsigned char c : fs::absolute(file).string()) {
        if (c == '?' || c == '#' || c == '%' || c < 0x21 || c > 0x7e) {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            uri += hex;
        } else {
            uri += static_cast<char>(c);
        }
    }
    return uri + "?immutable=1";
}

// Runs `step` again while SQLite answers "busy" without having waited: while another program
// is making the same new file (switching it to WAL, creating its tables) a connection can be
// told so at once, the busy timeout not consulted. Retried up to that timeout, then thrown.
template <class Step>
auto retryWhileBusy(int timeoutMs, Step&& step) -> decltype(step()) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        try {
            return step();
        } catch (const SQLite::Exception& e) {
            if ((e.getErrorCode() & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() >= deadline)
                throw;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

std::string quickCheck(SQLite::Database& db) {
    // quick_check: every page and record is read and checked; only the cross-check of index
    // contents against their tables (integrity_check's costliest part) is skipped.
    std::string result = db.execAndGet("PRAGMA quick_check").getString();
    return result;
}

}  // namespace

OpenedDatabase openDatabase(const fs::path& file, const RecordsOptions& options) {
    std::error_code ec;
    if (options.readOnly) {
        if (!fs::exists(file, ec))
            throw Error(ErrorCode::NotFound, file, "no review records database here");
    } else if (file.has_parent_path()) {
        fs::create_directories(file.parent_path(), ec);
        if (ec)
            throw Error(ErrorCode::Io, file, "its folder cannot be made: " + ec.message());
    }
    if (fs::exists(file, ec) && !hasDatabaseHeader(file))
        refuseDamaged(file, "is not a records database (not an SQLite file)", options);

    OpenedDatabase opened;
    const int flags = options.readOnly ? SQLite::OPEN_READONLY : (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    int version = 0;
    try {
        opened.db = std::make_unique<SQLite::Database>(file.string(), flags, options.busyTimeoutMs);
        // A file this user may not write opens read-only even when writing was asked for.
        opened.writable = sqlite3_db_readonly(opened.db->getHandle(), "main") == 0;
        try {
            version = retryWhileBusy(options.busyTimeoutMs, [&] { return schemaVersion(*opened.db); });
        } catch (const SQLite::Exception& e) {
            // Reading a WAL database needs its shared-memory file; in a folder this user may not
            // write it cannot be made. Nobody here can write either, so the file is read as it is.
            if (opened.writable || (e.getErrorCode() & 0xff) != SQLITE_READONLY)
                throw;
            opened.db.reset();
            opened.db = std::make_unique<SQLite::Database>(immutableUri(file), SQLite::OPEN_READONLY | SQLite::OPEN_URI,
                                                           options.busyTimeoutMs);
            version = schemaVersion(*opened.db);
        }
    } catch (const SQLite::Exception& e) {
        if (isCorruption(e)) {
            opened.db.reset();
            refuseDamaged(file, std::string("is damaged (") + e.what() + ")", options);
        }
        throwDbError(e, file, "opening the review records", options.busyTimeoutMs);
    }
    // Checked before anything else touches the file: switching to WAL alone rewrites its header.
    if (version > RecordsDb::kSchemaVersion)
        throw Error(ErrorCode::Unsupported, file,
                    "was written by a newer CXR Studio (records schema " + std::to_string(version) +
                        ", this version knows up to " + std::to_string(RecordsDb::kSchemaVersion) +
                        "); not opened and left unchanged");
    if (version < RecordsDb::kSchemaVersion) {
        if (options.readOnly && version == 0)
            throw Error(ErrorCode::NotFound, file, "holds no review records yet");
        if (!opened.writable)
            throw Error(ErrorCode::Io, file,
                        "is read-only and needs its records schema brought to version " +
                            std::to_string(RecordsDb::kSchemaVersion) + "; open it once where it can be written");
    }

    try {
        if (opened.writable) {
            retryWhileBusy(options.busyTimeoutMs, [&] {
                // WAL: readers never block the writer and a killed writer leaves at most an
                // uncommitted tail that the next open ignores. synchronous=NORMAL: in WAL mode a
                // commit is in the operating system's hands once written, so a killed program loses
                // nothing it committed; only a power cut may lose the last commits (never consistency).
                const std::string mode = opened.db->execAndGet("PRAGMA journal_mode = WAL").getString();
                if (mode != "wal")
                    throw Error(ErrorCode::Io, file, "cannot be switched to write-ahead logging (journal mode " + mode + ")");
                opened.db->exec("PRAGMA synchronous = NORMAL");
            });
        }
        opened.db->exec("PRAGMA foreign_keys = ON");
        if (const std::string check = retryWhileBusy(options.busyTimeoutMs, [&] { return quickCheck(*opened.db); });
            check != "ok") {
            opened.db.reset();
            refuseDamaged(file, "fails SQLite's integrity check (" + check + ")", options);
        }
    } catch (const SQLite::Exception& e) {
        if (isCorruption(e)) {
            opened.db.reset();
            refuseDamaged(file, std::string("is damaged (") + e.what() + ")", options);
        }
        throwDbError(e, file, "opening the review records", options.busyTimeoutMs);
    }
    if (version < RecordsDb::kSchemaVersion)
        migrate(*opened.db, file, options.busyTimeoutMs);
    return opened;
}

}  // namespace cxr::records::detail
