#pragma once
// The structure check a JPEG 2000 fragment passes before GDCM sees it. GDCM's header parser
// (JPEG2000Codec::GetHeaderInfo, run by gdcm::ImageReader::Read on the first fragment) trusts
// every marker segment length and reads past the fragment on a bad one (found by fuzzing), so
// the marker segments up to the first tile's data must be shown to fit first.
#include <cstddef>
#include <cstdint>
#include <string>

namespace cxr::imaging::detail {

// What is wrong with the headers of `fragment` (a JPEG 2000 code stream, or a JP2 file
// wrapping one), or an empty string when they are sound: the stream must start with SOC then
// SIZ, every marker segment up to the first SOD must have a length of at least 2 that fits in
// the fragment (SIZ at least 41, COD at least 12, SOT exactly 10), a SOT must come before SOD,
// and a JP2 box length must fit too. Only the headers are walked, never the tile data.
std::string jpeg2000HeaderProblem(const std::uint8_t* fragment, std::size_t size);

}  // namespace cxr::imaging::detail
