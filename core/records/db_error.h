#pragma once
// Turns SQLite's failures into cxr::Error with a message that names the file and says what a
// person can do about it (another program holds the lock, the file is read-only, the disk is
// full, the file is damaged).
#include <filesystem>
#include <string>

namespace SQLite {
class Exception;
}

namespace cxr::records::detail {

// `doing` says what was being done ("recording a diagnosis"); busyTimeoutMs is how long the
// lock was waited for.
[[noreturn]] void throwDbError(const SQLite::Exception& e, const std::filesystem::path& file,
                               const std::string& doing, int busyTimeoutMs);

// True for SQLite's "file is not a database" and "database disk image is malformed".
bool isCorruption(const SQLite::Exception& e);

}  // namespace cxr::records::detail
