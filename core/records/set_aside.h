#pragma once
// Moving a damaged database out of the way, so a fresh one can be made and the damaged one is
// kept for whoever wants to look at it (never silently replaced, never deleted).
#include <filesystem>

namespace cxr::records::detail {

// Renames FILE (and its -wal and -shm companions, which must not be replayed into a new
// database) to FILE.corrupt-<UTC time>; returns the new name of FILE. Throws Io on failure.
std::filesystem::path setAside(const std::filesystem::path& file);

}  // namespace cxr::records::detail
