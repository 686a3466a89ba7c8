#include "core/imaging/rle_header.h"

namespace cxr::imaging::detail {
namespace {

std::uint32_t le32(const std::uint8_t* p) {
    return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
           static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

}  // namespace

std::string rleHeaderProblem(const std::uint8_t* fragment, std::size_t size, int expectedSegments) {
    constexpr std::size_t kHeader = 64;
    const std::string bytes = std::to_string(size) + " bytes";
    if (size < kHeader)
        return "RLE frame: the fragment's " + bytes + " cannot hold the 64-byte RLE header";
    const std::uint32_t segments = le32(fragment);
    if (segments < 1 || segments > 15)
        return "RLE frame: the header declares " + std::to_string(segments) + " segments (1 to 15 are possible)";
    if (segments != static_cast<std::uint32_t>(expectedSegments))
        return "RLE frame: the header declares " + std::to_string(segments) + " segments, the pixel layout needs " +
               std::to_string(expectedSegments);
    std::uint32_t previous = 0;
    for (std::uint32_t s = 0; s < segments; ++s) {
        const std::uint32_t offset = le32(fragment + 4 + 4 * s);
        if (offset < kHeader || offset <= previous || offset >= size)
            return "RLE frame: segment " + std::to_string(s + 1) + " offset " + std::to_string(offset) +
                   " lies outside the fragment's " + bytes + " or before the previous segment";
        previous = offset;
    }
    return {};
}

}  // namespace cxr::imaging::detail
