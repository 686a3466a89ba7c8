#pragma once
// What both front ends print for --version and show in About: versions, device, intended use.
#include <string>

namespace cxr::workflows {

inline constexpr const char* kIntendedUse =
    "CXR Studio is a research and teaching tool. It is not a medical device and must not be "
    "used for diagnosis or treatment decisions.";

std::string versionText();  // multi-line: CXR Studio, LibTorch, codec libraries, device

}  // namespace cxr::workflows
