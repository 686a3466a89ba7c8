#include "core/data/film_cache.h"

#include <cerrno>
#include <cstring>
#include <system_error>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/common/error.h"
#include "core/data/film_cache_format.h"

namespace fs = std::filesystem;

namespace cxr::data {
namespace {

using namespace cache_format;

template <typename T>
T readLe(const std::uint8_t* p) {
    T v;
    std::memcpy(&v, p, sizeof v);  // the format is little-endian, as every supported host
    return v;
}

}  // namespace

std::string cacheKeyPath(const fs::path& path) {
    std::error_code ec;
    fs::path abs = fs::absolute(path, ec);
    return (ec ? path : abs).lexically_normal().string();
}

FilmSourceKey currentSourceKey(const fs::path& path) {
    std::error_code ec;
    FilmSourceKey key;
    key.path = cacheKeyPath(path);
    key.size = fs::file_size(path, ec);
    if (ec)
        throw Error(ec == std::errc::no_such_file_or_directory ? ErrorCode::NotFound : ErrorCode::Io, path,
                    "cannot read the file's size: " + ec.message());
    const auto mtime = fs::last_write_time(path, ec);
    if (ec)
        throw Error(ErrorCode::Io, path, "cannot read the file's modification time: " + ec.message());
    key.mtimeNs = std::chrono::duration_cast<std::chrono::nanoseconds>(mtime.time_since_epoch()).count();
    return key;
}

FilmCache FilmCache::open(const fs::path& file) {
    FilmCache cache;
    cache.m_file = file;
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw Error(errno == ENOENT ? ErrorCode::NotFound : ErrorCode::Io, file,
                    std::string("cannot open the film cache: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        throw Error(ErrorCode::Io, file, std::string("cannot stat the film cache: ") + std::strerror(err));
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    if (size < kHeaderSize) {
        ::close(fd);
        throw Error(ErrorCode::Corrupt, file, "not a film cache (file too short for the header)");
    }
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
    const int mapErr = errno;
    ::close(fd);  // the mapping keeps the file alive
    if (map == MAP_FAILED)
        throw Error(ErrorCode::Io, file, std::string("cannot memory-map the film cache: ") + std::strerror(mapErr));
    cache.m_map = static_cast<const std::uint8_t*>(map);
    cache.m_mapSize = size;

    const std::uint8_t* h = cache.m_map;
    if (std::memcmp(h, kMagic, sizeof kMagic) != 0)
        throw Error(ErrorCode::Corrupt, file, "not a film cache (wrong magic)");
    const auto version = readLe<std::uint32_t>(h + 8);
    if (version != kVersion)
        throw Error(ErrorCode::Unsupported, file,
                    "film cache version " + std::to_string(version) + "; this build reads version " +
                        std::to_string(kVersion) + " (delete the file to rebuild it)");
    const auto side = readLe<std::uint32_t>(h + 12);
    const auto count = readLe<std::uint64_t>(h + 16);
    const auto indexOffset = readLe<std::uint64_t>(h + 24);
    const auto stringsOffset = readLe<std::uint64_t>(h + 32);
    const auto stringsSize = readLe<std::uint64_t>(h + 40);
    const auto pixelsOffset = readLe<std::uint64_t>(h + 48);
    // Every offset is checked against the file size before anything is read through it.
    const bool sane = side >= 8 && side <= 4096 && count < (1ULL << 32) &&
                      indexOffset >= kHeaderSize && indexOffset + count * kRecordSize <= size &&
                      stringsOffset <= size && stringsSize <= size - stringsOffset && pixelsOffset <= size &&
                      count * side * side <= size - pixelsOffset;
    if (!sane)
        throw Error(ErrorCode::Corrupt, file, "film cache is truncated or damaged (delete it to rebuild)");
    cache.m_side = static_cast<int>(side);
    cache.m_count = static_cast<std::size_t>(count);
    cache.m_index = h + indexOffset;
    cache.m_strings = reinterpret_cast<const char*>(h + stringsOffset);
    cache.m_pixels = h + pixelsOffset;
    cache.m_byPath.reserve(cache.m_count);
    for (std::size_t i = 0; i < cache.m_count; ++i) {
        const std::uint8_t* r = cache.m_index + i * kRecordSize;
        const auto off = readLe<std::uint32_t>(r + 20), len = readLe<std::uint32_t>(r + 24);
        if (static_cast<std::uint64_t>(off) + len > stringsSize)
            throw Error(ErrorCode::Corrupt, file, "film cache index points outside its string table");
        cache.m_byPath.emplace(std::string(cache.m_strings + off, len), i);
    }
    return cache;
}

FilmCache::FilmCache(FilmCache&& other) noexcept { *this = std::move(other); }

FilmCache& FilmCache::operator=(FilmCache&& other) noexcept {
    if (this != &other) {
        release();
        m_file = std::move(other.m_file);
        m_map = other.m_map;
        m_mapSize = other.m_mapSize;
        m_side = other.m_side;
        m_count = other.m_count;
        m_index = other.m_index;
        m_strings = other.m_strings;
        m_pixels = other.m_pixels;
        m_byPath = std::move(other.m_byPath);
        other.m_map = nullptr;
        other.m_mapSize = 0;
        other.m_count = 0;
    }
    return *this;
}

FilmCache::~FilmCache() { release(); }

void FilmCache::release() noexcept {
    if (m_map)
        ::munmap(const_cast<std::uint8_t*>(m_map), m_mapSize);
    m_map = nullptr;
    m_mapSize = 0;
}

const std::uint8_t* FilmCache::image(std::size_t i) const {
    if (i >= m_count)
        throw Error(ErrorCode::InvalidInput, m_file, "film " + std::to_string(i) + " requested from a cache of " +
                                                         std::to_string(m_count));
    return m_pixels + i * static_cast<std::size_t>(m_side) * static_cast<std::size_t>(m_side);
}

int FilmCache::label(std::size_t i) const {
    image(i);  // bounds check
    return readLe<std::int32_t>(m_index + i * kRecordSize + 16);
}

std::string FilmCache::sourcePath(std::size_t i) const {
    image(i);
    const std::uint8_t* r = m_index + i * kRecordSize;
    return std::string(m_strings + readLe<std::uint32_t>(r + 20), readLe<std::uint32_t>(r + 24));
}

FilmSourceKey FilmCache::sourceKey(std::size_t i) const {
    FilmSourceKey key;
    key.path = sourcePath(i);
    const std::uint8_t* r = m_index + i * kRecordSize;
    key.size = readLe<std::uint64_t>(r);
    key.mtimeNs = readLe<std::int64_t>(r + 8);
    return key;
}

std::optional<std::size_t> FilmCache::find(const std::string& sourcePath) const {
    auto it = m_byPath.find(sourcePath);
    if (it == m_byPath.end())
        it = m_byPath.find(cacheKeyPath(sourcePath));
    if (it == m_byPath.end())
        return std::nullopt;
    return it->second;
}

std::vector<std::size_t> FilmCache::indicesOf(const std::vector<FilmEntry>& films) const {
    std::vector<std::size_t> out;
    out.reserve(films.size());
    for (const auto& f : films) {
        const auto i = find(cacheKeyPath(f.path));
        if (!i)
            throw Error(ErrorCode::NotFound, f.path,
                        "film is not in the film cache " + displayPath(m_file) +
                            " (it was unreadable when the cache was built, or the cache is out of date)");
        out.push_back(*i);
    }
    return out;
}

std::vector<int> FilmCache::labels(const std::vector<std::size_t>& indices) const {
    std::vector<int> out;
    out.reserve(indices.size());
    for (auto i : indices)
        out.push_back(label(i));
    return out;
}

}  // namespace cxr::data
