#include "core/common/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>

#include "core/common/error.h"

namespace cxr {
namespace fs = std::filesystem;

namespace {

std::string errnoText(int err) { return std::strerror(err); }

SyncListener g_syncListener = nullptr;

void notifySynced(const fs::path& path) {
    if (g_syncListener)
        g_syncListener(path);
}

// After a rename the new name lives only in the folder's page cache until the folder itself is
// synced; a power cut before that can bring back the old file (or none).
void syncFolder(const fs::path& target) {
    fs::path folder = target.parent_path();
    if (folder.empty())
        folder = ".";
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        throw Error(ErrorCode::Io, target, "cannot open its folder to flush it: " + errnoText(errno));
    // EINVAL: a filesystem that cannot sync folders (some network mounts); the rename stands.
    if (::fsync(fd) != 0 && errno != EINVAL) {
        const int err = errno;
        ::close(fd);
        throw Error(ErrorCode::Io, target, "flushing its folder to disk failed: " + errnoText(err));
    }
    ::close(fd);
    notifySynced(folder);
}

std::string tempSuffix() {
    std::random_device rd;
    return ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(rd() % 1000000);
}

}  // namespace

void setSyncListenerForTests(SyncListener listener) { g_syncListener = listener; }

void writeFileAtomically(const fs::path& path, std::string_view bytes) {
    const fs::path tmp = path.string() + tempSuffix();
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw Error(ErrorCode::Io, path, "cannot create file: " + errnoText(errno));
    const char* data = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, data, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            throw Error(ErrorCode::Io, path, "write failed: " + errnoText(err));
        }
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throw Error(ErrorCode::Io, path, "flushing to disk failed: " + errnoText(err));
    }
    notifySynced(tmp);
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throw Error(ErrorCode::Io, path, "cannot replace file: " + errnoText(err));
    }
    syncFolder(path);
}

std::vector<std::uint8_t> readFileBytes(const fs::path& path, std::uint64_t maxBytes) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        throw Error(ErrorCode::NotFound, path, "no such file");
    if (fs::is_directory(status))
        throw Error(ErrorCode::InvalidInput, path, "is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorCode::Io, path, "cannot open for reading: " + errnoText(errno));
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::uint64_t>(in.tellg());
    if (size > maxBytes)
        throw Error(ErrorCode::TooLarge, path,
                    "file is " + std::to_string(size) + " bytes, over the limit of " +
                        std::to_string(maxBytes));
    in.seekg(0);
    std::vector<std::uint8_t> bytes(size);
    if (size > 0 && !in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size)))
        throw Error(ErrorCode::Io, path, "read failed");
    return bytes;
}

std::string readFileText(const fs::path& path, std::uint64_t maxBytes) {
    const auto bytes = readFileBytes(path, maxBytes);
    return std::string(bytes.begin(), bytes.end());
}

}  // namespace cxr
