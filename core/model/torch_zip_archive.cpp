#include "core/model/torch_zip_archive.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "core/common/error.h"

namespace cxr::model::detail {
namespace {

constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr std::uint32_t kCentralHeader = 0x02014b50;
constexpr std::uint32_t kEndOfDirectory = 0x06054b50;

std::uint32_t le(const std::uint8_t* p, int n) {
    std::uint32_t v = 0;
    for (int i = 0; i < n; ++i)
        v |= std::uint32_t(p[i]) << (8 * i);
    return v;
}

// CRC-32 (zip's reflected 0xEDB88320), slicing by 4: fast enough for 45 MB of weights and no
// extra dependency on GPU servers that ship only LibTorch.
using CrcTables = std::array<std::array<std::uint32_t, 256>, 4>;

const CrcTables& crcTables() {
    static const CrcTables tables = [] {
        CrcTables t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[0][i] = c;
        }
        for (std::size_t i = 0; i < 256; ++i)
            for (std::size_t k = 1; k < 4; ++k)
                t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xff];
        return t;
    }();
    return tables;
}

std::uint32_t crc32(const std::uint8_t* p, std::size_t n) {
    const auto& t = crcTables();
    std::uint32_t crc = 0xFFFFFFFFu;
    for (; n >= 4; n -= 4, p += 4) {
        crc ^= le(p, 4);
        crc = t[3][crc & 0xff] ^ t[2][(crc >> 8) & 0xff] ^ t[1][(crc >> 16) & 0xff] ^ t[0][crc >> 24];
    }
    for (; n > 0; --n, ++p)
        crc = t[0][(crc ^ *p) & 0xff] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

}  // namespace

bool TorchZipArchive::looksLikeZip(const std::uint8_t* data, std::size_t size) {
    // A file cut inside the first signature is still this container (and then truncated).
    const std::uint8_t signature[] = {'P', 'K', 3, 4};
    return size > 0 && std::memcmp(data, signature, std::min<std::size_t>(size, 4)) == 0;
}

void TorchZipArchive::fail(const std::string& reason) const {
    throw Error(ErrorCode::Corrupt, m_source, "damaged PyTorch zip file: " + reason);
}

void TorchZipArchive::truncated(const std::string& reason) const {
    throw Error(ErrorCode::Corrupt, m_source, "truncated zip-container PyTorch file (" + reason + ")");
}

TorchZipArchive::TorchZipArchive(const std::uint8_t* data, std::size_t size, std::filesystem::path source)
    : m_data(data), m_size(size), m_source(std::move(source)) {
    if (size < 22)
        truncated("shorter than a zip directory");
    // The end-of-directory record sits in the last 22 + comment (<= 65535) bytes.
    std::size_t eocd = std::string::npos;
    const std::size_t lowest = size > 22 + 65535 ? size - 22 - 65535 : 0;
    for (std::size_t p = size - 22 + 1; p-- > lowest;) {
        if (le(data + p, 4) == kEndOfDirectory) {
            eocd = p;
            break;
        }
    }
    // Any cut removes the end-of-directory record, which is the file's last bytes.
    if (eocd == std::string::npos)
        truncated("its zip directory at the end is missing");
    const std::uint32_t count = le(data + eocd + 10, 2);
    const std::uint32_t dirSize = le(data + eocd + 12, 4);
    const std::uint32_t dirOffset = le(data + eocd + 16, 4);
    if (count == 0xFFFF || dirOffset == 0xFFFFFFFFu)
        throw Error(ErrorCode::Unsupported, m_source, "zip64 PyTorch files (over 4 GB) are not supported");
    if (std::size_t(dirOffset) + dirSize > eocd)
        fail("directory outside the file");

    std::size_t p = dirOffset;
    for (std::uint32_t i = 0; i < count; ++i) {
        if (p + 46 > eocd || le(data + p, 4) != kCentralHeader)
            fail("bad directory entry " + std::to_string(i));
        const auto method = le(data + p + 10, 2);
        const auto crc = le(data + p + 16, 4);
        const auto compressed = le(data + p + 20, 4);
        const auto uncompressed = le(data + p + 24, 4);
        const auto nameLen = le(data + p + 28, 2), extraLen = le(data + p + 30, 2), commentLen = le(data + p + 32, 2);
        const auto localOffset = le(data + p + 42, 4);
        if (p + 46 + nameLen > eocd)
            fail("directory entry name outside the file");
        const std::string name(reinterpret_cast<const char*>(data + p + 46), nameLen);
        p += 46 + std::size_t(nameLen) + extraLen + commentLen;
        if (method != 0 || compressed != uncompressed)
            throw Error(ErrorCode::Unsupported, m_source,
                        "zip entry '" + name + "' is compressed; PyTorch writes stored entries only");
        if (std::size_t(localOffset) + 30 > dirOffset || le(data + localOffset, 4) != kLocalHeader)
            fail("bad local header for '" + name + "'");
        const std::size_t dataOffset =
            std::size_t(localOffset) + 30 + le(data + localOffset + 26, 2) + le(data + localOffset + 28, 2);
        if (dataOffset > dirOffset || uncompressed > dirOffset - dataOffset)
            fail("entry '" + name + "' runs past the zip directory");

        const auto slash = name.find('/');
        if (slash == std::string::npos || slash == 0)
            fail("entry '" + name + "' is not inside a folder");
        const std::string prefix = name.substr(0, slash);
        if (m_prefix.empty())
            m_prefix = prefix;
        else if (prefix != m_prefix)
            fail("entries under two folders ('" + m_prefix + "', '" + prefix + "')");
        // Two entries under one name would let different readers see different weights.
        if (!m_entries.emplace(name.substr(slash + 1), Entry{dataOffset, uncompressed, crc, false}).second)
            fail("the entry '" + name + "' appears twice");
    }
    if (p > eocd)
        fail("directory overruns its end");
}

bool TorchZipArchive::has(const std::string& name) const { return m_entries.count(name) != 0; }

const std::uint8_t* TorchZipArchive::record(const std::string& name, std::size_t* size) {
    auto it = m_entries.find(name);
    if (it == m_entries.end())
        fail("missing entry '" + m_prefix + "/" + name + "'");
    auto& e = it->second;
    if (!e.crcChecked) {
        const auto crc = crc32(m_data + e.offset, e.size);
        if (crc != e.crc)
            fail("checksum mismatch in '" + m_prefix + "/" + name + "'");
        e.crcChecked = true;
    }
    *size = e.size;
    return m_data + e.offset;
}

}  // namespace cxr::model::detail
