#pragma once
// Geometry read from a raster file's header without decoding it, so that a decompression bomb
// (a few kilobytes declaring 60000 x 60000 pixels) is refused before OpenCV allocates anything.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace cxr::imaging::detail {

struct RasterHeader {
    std::int64_t width = 0, height = 0;
    int components = 0;  // 0 when the header does not say
    int bitsPerSample = 0;
    bool hasEndMarker = true;  // JPEG: the end-of-image marker is present (else truncated)
};

// `format` as returned by sniffBytes. nullopt when the header cannot be parsed (damaged).
std::optional<RasterHeader> readRasterHeader(const std::string& format, const std::uint8_t* data,
                                             std::size_t size);

}  // namespace cxr::imaging::detail
