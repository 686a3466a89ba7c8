#include "core/imaging/jpeg2000_header.h"

#include <cstdio>
#include <cstring>

namespace cxr::imaging::detail {
namespace {

constexpr std::uint16_t kSoc = 0xFF4F, kSiz = 0xFF51, kCod = 0xFF52, kSot = 0xFF90, kSod = 0xFF93,
                        kEoc = 0xFFD9, kEph = 0xFF92;

std::uint64_t be(const std::uint8_t* p, int bytes) {
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v = (v << 8) | p[i];
    return v;
}

std::string hex(std::uint16_t marker) {
    char text[8];
    std::snprintf(text, sizeof text, "0x%04X", marker);
    return text;
}

// Marker segments without a length field (ISO/IEC 15444-1 A.1.3); 0xFF30-0xFF3F are reserved
// as such too.
bool hasNoLength(std::uint16_t marker) {
    return marker == kSoc || marker == kSod || marker == kEoc || marker == kEph || (marker >= 0xFF30 && marker <= 0xFF3F);
}

std::string codeStreamProblem(const std::uint8_t* p, std::size_t n) {
    const std::string bytes = std::to_string(n) + " bytes";
    if (n < 4 || be(p, 2) != kSoc)
        return "the fragment does not start with a code stream (SOC marker 0xFF4F)";
    if (be(p + 2, 2) != kSiz)
        return "the SOC marker is not followed by SIZ (0xFF51)";
    bool tilePart = false;
    std::size_t at = 2;
    for (;;) {
        if (at + 2 > n)
            return "the headers run to the end of the fragment's " + bytes + " without reaching tile data (SOD)";
        const auto marker = static_cast<std::uint16_t>(be(p + at, 2));
        if (marker < 0xFF30)
            return "expected a marker at byte " + std::to_string(at) + ", found " + hex(marker);
        if (hasNoLength(marker)) {
            if (marker == kSod)
                return tilePart ? std::string() : "tile data (SOD) comes before any tile-part header (SOT)";
            if (marker == kEoc)
                return "the code stream ends (EOC) before any tile data";
            if (marker == kSoc)
                return "a second SOC marker at byte " + std::to_string(at);
            at += 2;
            continue;
        }
        if (at + 4 > n)
            return "marker " + hex(marker) + " at byte " + std::to_string(at) + " has no room for its length in the fragment's " + bytes;
        const auto length = static_cast<std::size_t>(be(p + at + 2, 2));
        if (length < 2)
            return "marker " + hex(marker) + " segment length " + std::to_string(length) + " is below 2";
        if (at + 2 + length > n)
            return "marker " + hex(marker) + " segment length " + std::to_string(length) + " runs past the fragment's " + bytes;
        if (marker == kSiz && length < 41)
            return "SIZ segment length " + std::to_string(length) + " is below the minimum 41";
        if (marker == kCod && length < 12)
            return "COD segment length " + std::to_string(length) + " is below the minimum 12";
        if (marker == kSot) {
            if (length != 10)
                return "SOT segment length " + std::to_string(length) + " is not 10";
            tilePart = true;
        }
        at += 2 + length;
    }
}

}  // namespace

std::string jpeg2000HeaderProblem(const std::uint8_t* fragment, std::size_t size) {
    static const std::uint8_t kJp2Signature[12] = {0, 0, 0, 0x0C, 'j', 'P', ' ', ' ', 0x0D, 0x0A, 0x87, 0x0A};
    std::string problem;
    if (size >= sizeof kJp2Signature && std::memcmp(fragment, kJp2Signature, sizeof kJp2Signature) == 0) {
        // A JP2 file: boxes (length, type[, 64-bit length]) until the contiguous code stream box.
        std::size_t at = 0;
        for (;;) {
            if (at + 8 > size) {
                problem = "the JP2 file holds no code stream box (jp2c)";
                break;
            }
            std::uint64_t length = be(fragment + at, 4);
            const std::string type(reinterpret_cast<const char*>(fragment + at + 4), 4);
            std::size_t header = 8;
            if (length == 1) {
                if (at + 16 > size) {
                    problem = "the JP2 box '" + type + "' has no room for its 64-bit length";
                    break;
                }
                length = be(fragment + at + 8, 8);
                header = 16;
            } else if (length == 0) {
                length = size - at;  // the last box runs to the end
            }
            if (length < header) {
                problem = "the JP2 box '" + type + "' length " + std::to_string(length) + " is shorter than its own header";
                break;
            }
            if (length > size - at) {
                problem = "the JP2 box '" + type + "' length " + std::to_string(length) + " runs past the fragment's " +
                          std::to_string(size) + " bytes";
                break;
            }
            if (type == "jp2c") {
                problem = codeStreamProblem(fragment + at + header, static_cast<std::size_t>(length) - header);
                break;
            }
            at += static_cast<std::size_t>(length);
        }
    } else {
        problem = codeStreamProblem(fragment, size);
    }
    return problem.empty() ? problem : "JPEG 2000 code stream: " + problem;
}

}  // namespace cxr::imaging::detail
