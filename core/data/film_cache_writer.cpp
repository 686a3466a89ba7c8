#include "core/data/film_cache_writer.h"

#include <cerrno>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <unistd.h>

#include "core/common/error.h"
#include "core/data/film_cache_format.h"

namespace fs = std::filesystem;

namespace cxr::data {
namespace {

using namespace cache_format;

template <typename T>
void putLe(std::vector<std::uint8_t>& buf, std::size_t at, T v) {
    std::memcpy(buf.data() + at, &v, sizeof v);
}

// Owns the temporary file until it is renamed into place; removes it on any failure.
class TempFile {
public:
    explicit TempFile(const fs::path& target) : m_target(target) {
        m_path = target;
        m_path += ".tmp-" + std::to_string(::getpid());
        m_fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (m_fd < 0)
            throw Error(ErrorCode::Io, m_path, std::string("cannot create the film cache: ") + std::strerror(errno));
    }
    ~TempFile() {
        if (m_fd >= 0)
            ::close(m_fd);
        if (!m_committed) {
            std::error_code ec;
            fs::remove(m_path, ec);
        }
    }
    void write(const void* data, std::size_t size) {
        const auto* p = static_cast<const char*>(data);
        while (size > 0) {
            const ssize_t n = ::write(m_fd, p, size);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                throw Error(ErrorCode::Io, m_target, std::string("cannot write the film cache: ") + std::strerror(errno));
            p += n;
            size -= static_cast<std::size_t>(n);
        }
    }
    void commit() {
        if (::fsync(m_fd) != 0)
            throw Error(ErrorCode::Io, m_target, std::string("cannot flush the film cache: ") + std::strerror(errno));
        ::close(m_fd);
        m_fd = -1;
        std::error_code ec;
        fs::rename(m_path, m_target, ec);
        if (ec)
            throw Error(ErrorCode::Io, m_target, "cannot move the new film cache into place: " + ec.message());
        m_committed = true;
    }

private:
    fs::path m_target, m_path;
    int m_fd = -1;
    bool m_committed = false;
};

}  // namespace

void writeFilmCache(const fs::path& file, int side, const std::vector<FilmCacheRecord>& records,
                    const std::function<const std::uint8_t*(std::size_t)>& pixels) {
    if (side < 8 || side > 4096)
        throw Error(ErrorCode::InvalidInput, file, "film cache side must be 8..4096, got " + std::to_string(side));
    std::string strings;
    std::vector<std::uint8_t> index(records.size() * kRecordSize, 0);
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto& r = records[i];
        const std::size_t at = i * kRecordSize;
        putLe<std::uint64_t>(index, at, r.key.size);
        putLe<std::int64_t>(index, at + 8, r.key.mtimeNs);
        putLe<std::int32_t>(index, at + 16, r.label);
        putLe<std::uint32_t>(index, at + 20, static_cast<std::uint32_t>(strings.size()));
        putLe<std::uint32_t>(index, at + 24, static_cast<std::uint32_t>(r.key.path.size()));
        strings += r.key.path;
    }
    const std::uint64_t indexOffset = kHeaderSize;
    const std::uint64_t stringsOffset = indexOffset + index.size();
    const std::uint64_t stringsEnd = stringsOffset + strings.size();
    const std::uint64_t pixelsOffset = (stringsEnd + kPixelAlignment - 1) / kPixelAlignment * kPixelAlignment;

    std::vector<std::uint8_t> header(kHeaderSize, 0);
    std::memcpy(header.data(), kMagic, sizeof kMagic);
    putLe<std::uint32_t>(header, 8, kVersion);
    putLe<std::uint32_t>(header, 12, static_cast<std::uint32_t>(side));
    putLe<std::uint64_t>(header, 16, records.size());
    putLe<std::uint64_t>(header, 24, indexOffset);
    putLe<std::uint64_t>(header, 32, stringsOffset);
    putLe<std::uint64_t>(header, 40, strings.size());
    putLe<std::uint64_t>(header, 48, pixelsOffset);

    if (!file.parent_path().empty()) {
        std::error_code ec;
        fs::create_directories(file.parent_path(), ec);
        if (ec)
            throw Error(ErrorCode::Io, file.parent_path(), "cannot create the cache folder: " + ec.message());
    }
    TempFile out(file);
    out.write(header.data(), header.size());
    out.write(index.data(), index.size());
    out.write(strings.data(), strings.size());
    const std::vector<char> pad(static_cast<std::size_t>(pixelsOffset - stringsEnd), 0);
    out.write(pad.data(), pad.size());
    const std::size_t bytes = static_cast<std::size_t>(side) * static_cast<std::size_t>(side);
    for (std::size_t i = 0; i < records.size(); ++i)
        out.write(pixels(i), bytes);
    out.commit();
}

}  // namespace cxr::data
