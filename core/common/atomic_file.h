#pragma once
// Crash-safe file writes: data goes to a temporary file beside the target, is flushed to disk,
// then renamed over it, and the folder is flushed too so the rename itself survives a power
// cut: a reader sees the old file or the new one, never half of one.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cxr {

// Writes `bytes` to `path` atomically. Throws cxr::Error(Io) naming the file and the reason
// (e.g. "No space left on device"); the previous file, if any, is then left intact.
void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes);

// Test seam: when set, called after each fsync writeFileAtomically does, with what it synced
// (the temporary file, then the folder once the rename is done). Null turns it off.
using SyncListener = void (*)(const std::filesystem::path& synced);
void setSyncListenerForTests(SyncListener listener);

// Reads a whole file. Throws NotFound / Io naming the file; refuses files over `maxBytes`.
std::vector<std::uint8_t> readFileBytes(const std::filesystem::path& path,
                                        std::uint64_t maxBytes = (1ULL << 32));
std::string readFileText(const std::filesystem::path& path, std::uint64_t maxBytes = (1ULL << 28));

}  // namespace cxr
