#include "core/imaging/raster_header.h"

#include <cstdlib>

namespace cxr::imaging::detail {
namespace {

std::uint32_t be16(const std::uint8_t* p) { return (p[0] << 8) | p[1]; }
std::uint32_t be32(const std::uint8_t* p) {
    return (static_cast<std::uint32_t>(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
}
std::uint32_t le16(const std::uint8_t* p) { return p[0] | (p[1] << 8); }
std::uint32_t le32(const std::uint8_t* p) {
    return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

std::optional<RasterHeader> png(const std::uint8_t* d, std::size_t size) {
    if (size < 26 || be32(d + 8) < 13 || std::string(reinterpret_cast<const char*>(d + 12), 4) != "IHDR")
        return std::nullopt;
    RasterHeader h;
    h.width = be32(d + 16);
    h.height = be32(d + 20);
    h.bitsPerSample = d[24];
    const int colourType = d[25];
    h.components = colourType == 0 ? 1 : colourType == 2 ? 3 : colourType == 3 ? 3 : colourType == 4 ? 2 : 4;
    return h;
}

std::optional<RasterHeader> jpeg(const std::uint8_t* d, std::size_t size) {
    std::size_t i = 2;
    while (i + 4 <= size) {
        if (d[i] != 0xFF) return std::nullopt;
        const std::uint8_t marker = d[i + 1];
        if (marker == 0xFF) { ++i; continue; }  // fill byte
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { i += 2; continue; }
        const std::uint32_t length = be16(d + i + 2);
        const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof) {
            if (i + 10 > size || length < 8) return std::nullopt;
            RasterHeader h;
            h.bitsPerSample = d[i + 4];
            h.height = be16(d + i + 5);
            h.width = be16(d + i + 7);
            h.components = d[i + 9];
            // Trailing padding after EOI is common; look for the marker near the end.
            h.hasEndMarker = false;
            for (std::size_t k = size; k >= 2 && k + 64 >= size; --k)
                if (d[k - 2] == 0xFF && d[k - 1] == 0xD9) { h.hasEndMarker = true; break; }
            return h;
        }
        if (marker == 0xDA || length < 2) return std::nullopt;  // scan data before any frame header
        i += 2 + length;
    }
    return std::nullopt;
}

std::optional<RasterHeader> bmp(const std::uint8_t* d, std::size_t size) {
    if (size < 26) return std::nullopt;
    RasterHeader h;
    if (le32(d + 14) == 12) {
        h.width = le16(d + 18);
        h.height = le16(d + 20);
        if (size >= 26) h.bitsPerSample = static_cast<int>(le16(d + 24));
    } else {
        if (size < 30) return std::nullopt;
        h.width = static_cast<std::int32_t>(le32(d + 18));
        h.height = std::llabs(static_cast<std::int32_t>(le32(d + 22)));  // negative: top-down rows
        h.bitsPerSample = static_cast<int>(le16(d + 28));
    }
    h.components = h.bitsPerSample <= 8 ? 0 : 3;
    return h;
}

std::optional<RasterHeader> tiff(const std::uint8_t* d, std::size_t size) {
    if (size < 8 || d[2] == '+' || d[3] == '+') return std::nullopt;  // BigTIFF: let OpenCV judge
    const bool little = d[0] == 'I';
    auto u16 = [&](std::size_t at) { return little ? le16(d + at) : be16(d + at); };
    auto u32 = [&](std::size_t at) { return little ? le32(d + at) : be32(d + at); };
    const std::size_t ifd = u32(4);
    if (ifd + 2 > size) return std::nullopt;
    const std::size_t count = u16(ifd);
    RasterHeader h;
    h.components = 1;
    for (std::size_t k = 0; k < count && ifd + 2 + (k + 1) * 12 <= size; ++k) {
        const std::size_t entry = ifd + 2 + k * 12;
        const std::uint32_t tag = u16(entry), type = u16(entry + 2);
        const std::uint32_t value = type == 3 ? u16(entry + 8) : u32(entry + 8);
        if (tag == 256) h.width = value;
        else if (tag == 257) h.height = value;
        else if (tag == 277) h.components = static_cast<int>(value);
        else if (tag == 258 && u32(entry + 4) == 1) h.bitsPerSample = static_cast<int>(value);
    }
    if (h.width == 0 || h.height == 0) return std::nullopt;
    return h;
}

}  // namespace

std::optional<RasterHeader> readRasterHeader(const std::string& format, const std::uint8_t* data,
                                             std::size_t size) {
    if (format == "PNG") return png(data, size);
    if (format == "JPEG") return jpeg(data, size);
    if (format == "BMP") return bmp(data, size);
    if (format == "TIFF") return tiff(data, size);
    return std::nullopt;
}

}  // namespace cxr::imaging::detail
