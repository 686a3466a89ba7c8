#include "core/imaging/library_versions.h"

#include <dcmtk/dcmdata/dcuid.h>
#include <gdcmVersion.h>
#include <opencv2/core/version.hpp>

namespace cxr::imaging {

std::string imagingLibraryVersions() {
    return std::string("DCMTK ") + OFFIS_DCMTK_VERSION_STRING + ", GDCM " + gdcm::Version::GetVersion() +
           ", OpenCV " + CV_VERSION;
}

}  // namespace cxr::imaging
