#pragma once
// The RLE header check a first frame passes before DCMTK's RLE decoder sees it. DCMTK 3.6.7
// trusts the header's segment offsets and reads wherever they point (found by fuzzing: an
// offset of 451,980,090 in a 3.7 KB fragment, a SEGV), so they must be shown to lie inside the
// fragment first (DICOM PS3.5 G.5: one frame per fragment, a 64-byte header of 16 little-endian
// 32-bit values: the segment count, then up to 15 segment offsets).
#include <cstddef>
#include <cstdint>
#include <string>

namespace cxr::imaging::detail {

// What is wrong with the header of an RLE fragment that should hold `expectedSegments`
// segments (samples per pixel x bytes per sample), or an empty string when it is sound.
std::string rleHeaderProblem(const std::uint8_t* fragment, std::size_t size, int expectedSegments);

}  // namespace cxr::imaging::detail
