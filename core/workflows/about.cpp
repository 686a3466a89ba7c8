#include "core/workflows/about.h"

#include "core/imaging/library_versions.h"
#include "core/model/device.h"

namespace cxr::workflows {

std::string versionText() {
    return std::string("CXR Studio ") + CXR_VERSION + "\n" + "LibTorch " + model::torchVersion() + ", " +
           imaging::imagingLibraryVersions() + "\n" + "Device: " +
           englishText(model::deviceDescription(model::resolveDevice("auto"))) + "\n" + kIntendedUse + "\n";
}

}  // namespace cxr::workflows
