#pragma once
// Registration of DCMTK's JPEG, JPEG-LS and RLE codecs (decoders and encoders), done once per
// process and thread-safe, so every reader and writer can simply call it before touching pixels.
#include <string>

namespace cxr::imaging::detail {

void ensureDcmtkCodecs();

// A DCMTK condition turned into a short sentence ("Missing attribute" becomes useless without
// context, so callers add what they were doing).
std::string dcmtkText(const char* what, const char* conditionText);

}  // namespace cxr::imaging::detail
