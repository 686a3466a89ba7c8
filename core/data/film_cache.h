#pragma once
// FilmCache: read-only view of a film cache file — every film decoded once, windowed, resized to
// side x side uint8 grey and stored with its label and source key — memory-mapped so worker
// threads read pixels without copies. No OpenCV: a LibTorch-only machine can train from it.
//
// File layout (little-endian; version 1):
//   header  64 bytes: magic "CXRFCACH", u32 version, u32 side, u64 count, u64 indexOffset,
//           u64 stringsOffset, u64 stringsSize, u64 pixelsOffset (4096-aligned), 8 bytes reserved
//   index   count x 32 bytes: u64 sourceSize, i64 sourceMtimeNs, i32 label, u32 pathOffset,
//           u32 pathLength, u32 reserved
//   strings UTF-8 source paths (absolute, lexically normal), not terminated
//   pixels  count x side*side bytes, row-major, in index order
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/data/film_entry.h"

namespace cxr::data {

// The key a cached film is matched by: a changed size or mtime means re-decode.
struct FilmSourceKey {
    std::string path;           // cacheKeyPath(path)
    std::uint64_t size = 0;
    std::int64_t mtimeNs = 0;
    bool operator==(const FilmSourceKey& o) const {
        return path == o.path && size == o.size && mtimeNs == o.mtimeNs;
    }
};

// The path string the cache stores: absolute and lexically normal.
std::string cacheKeyPath(const std::filesystem::path& path);
// Stats the file now. Throws cxr::Error(NotFound/Io) naming it.
FilmSourceKey currentSourceKey(const std::filesystem::path& path);

class FilmCache {
public:
    // Maps the file. Throws cxr::Error naming it when missing, truncated, or not a cache.
    static FilmCache open(const std::filesystem::path& file);

    FilmCache(FilmCache&& other) noexcept;
    FilmCache& operator=(FilmCache&& other) noexcept;
    FilmCache(const FilmCache&) = delete;
    FilmCache& operator=(const FilmCache&) = delete;
    ~FilmCache();

    std::size_t size() const { return m_count; }
    int side() const { return m_side; }
    const std::filesystem::path& file() const { return m_file; }

    const std::uint8_t* image(std::size_t i) const;  // side*side bytes; throws when i >= size()
    int label(std::size_t i) const;
    std::string sourcePath(std::size_t i) const;
    FilmSourceKey sourceKey(std::size_t i) const;

    std::optional<std::size_t> find(const std::string& sourcePath) const;  // any path spelling
    // Cache positions of `films`, in order. Throws cxr::Error(NotFound) naming the first film the
    // cache lacks (it was unreadable when the cache was built, or the cache is stale).
    std::vector<std::size_t> indicesOf(const std::vector<FilmEntry>& films) const;
    std::vector<int> labels(const std::vector<std::size_t>& indices) const;

private:
    FilmCache() = default;
    void release() noexcept;

    std::filesystem::path m_file;
    const std::uint8_t* m_map = nullptr;
    std::size_t m_mapSize = 0;
    int m_side = 0;
    std::size_t m_count = 0;
    const std::uint8_t* m_index = nullptr;
    const char* m_strings = nullptr;
    const std::uint8_t* m_pixels = nullptr;
    std::unordered_map<std::string, std::size_t> m_byPath;
};

}  // namespace cxr::data
