#include "core/explain/cam_method.h"

#include <algorithm>
#include <cctype>

#include "core/common/error.h"

namespace cxr::explain {

CamMethod parseCamMethod(const std::string& name) {
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "gradcam" || lower == "grad-cam")
        return CamMethod::GradCam;
    if (lower == "gradcam++" || lower == "gradcampp" || lower == "grad-cam++")
        return CamMethod::GradCamPlusPlus;
    if (lower == "layercam" || lower == "layer-cam")
        return CamMethod::LayerCam;
    throw Error(ErrorCode::InvalidInput,
                "unknown CAM method '" + name + "' (use gradcam, gradcam++ or layercam)");
}

std::string camMethodName(CamMethod method) {
    switch (method) {
    case CamMethod::GradCam: return "gradcam";
    case CamMethod::GradCamPlusPlus: return "gradcam++";
    case CamMethod::LayerCam: return "layercam";
    }
    return "gradcam";
}

std::vector<std::string> camMethodNames() { return {"gradcam", "gradcam++", "layercam"}; }

}  // namespace cxr::explain
