#include "core/imaging/format_sniffer.h"

#include <cstring>

namespace cxr::imaging::detail {
namespace {

bool startsWith(const std::uint8_t* data, std::size_t size, const char* magic, std::size_t length) {
    return size >= length && std::memcmp(data, magic, length) == 0;
}

std::uint16_t le16(const std::uint8_t* p) { return static_cast<std::uint16_t>(p[0] | (p[1] << 8)); }
std::uint32_t le32(const std::uint8_t* p) {
    return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

// DICOM written without the 128-byte preamble (old archives, some modalities' raw exports):
// a dataset that starts with a group 0002 or 0008 element in little endian.
bool looksLikePreamblelessDicom(const std::uint8_t* data, std::size_t size) {
    if (size < 12) return false;
    const std::uint16_t group = le16(data);
    const std::uint16_t element = le16(data + 2);
    if ((group != 0x0002 && group != 0x0008) || element > 0x0100) return false;
    const bool explicitVr = data[4] >= 'A' && data[4] <= 'Z' && data[5] >= 'A' && data[5] <= 'Z';
    return explicitVr || le32(data + 4) < 1024;
}

}  // namespace

std::string sniffBytes(const std::uint8_t* data, std::size_t size) {
    if (size >= 132 && std::memcmp(data + 128, "DICM", 4) == 0) return "DICOM";
    if (startsWith(data, size, "\xFF\xD8\xFF", 3)) return "JPEG";
    if (startsWith(data, size, "\x89PNG\r\n\x1A\n", 8)) return "PNG";
    if (startsWith(data, size, "II*\0", 4) || startsWith(data, size, "MM\0*", 4) ||
        startsWith(data, size, "II+\0", 4) || startsWith(data, size, "MM\0+", 4))
        return "TIFF";
    if (startsWith(data, size, "BM", 2) && size >= 18) {
        const std::uint32_t dib = le32(data + 14);
        if (dib == 12 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108 || dib == 124)
            return "BMP";
    }
    if (looksLikePreamblelessDicom(data, size)) return "DICOM";
    return "";
}

std::string describeUnknownContent(const std::uint8_t* data, std::size_t size) {
    if (startsWith(data, size, "\0\0\0\x0CjP  ", 8) || startsWith(data, size, "\xFF\x4F\xFF\x51", 4))
        return "a JPEG 2000 file outside DICOM, which is not supported";
    if (startsWith(data, size, "GIF8", 4)) return "a GIF image, which is not supported";
    if (startsWith(data, size, "%PDF", 4)) return "a PDF document";
    if (startsWith(data, size, "PK\3\4", 4)) return "a ZIP archive (unpack it first)";
    if (startsWith(data, size, "\x1F\x8B", 2)) return "a gzip archive (unpack it first)";
    if (startsWith(data, size, "RIFF", 4) && size >= 12 && std::memcmp(data + 8, "WEBP", 4) == 0)
        return "a WebP image, which is not supported";
    const std::size_t n = size < 512 ? size : 512;
    std::size_t printable = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = data[i];
        if (c == '\n' || c == '\r' || c == '\t' || (c >= 0x20 && c != 0x7F)) ++printable;
    }
    if (n > 0 && printable == n) return "a text file";
    return "";
}

}  // namespace cxr::imaging::detail
