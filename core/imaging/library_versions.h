#pragma once
// Versions of the codec libraries the imaging layer was built with, for About boxes.
#include <string>

namespace cxr::imaging {

std::string imagingLibraryVersions();  // e.g. "DCMTK 3.6.7, GDCM 3.0.21, OpenCV 4.6.0"

}  // namespace cxr::imaging
