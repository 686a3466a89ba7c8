#pragma once
// CamMethod: which member of the Grad-CAM family computes a class activation map. Plain C++ so
// front ends can parse and list methods without LibTorch.
#include <string>
#include <vector>

namespace cxr::explain {

enum class CamMethod {
    GradCam,          // weights = spatial mean of the gradients (Selvaraju et al.)
    GradCamPlusPlus,  // weights from second/third-order gradient terms (Chattopadhay et al.)
    LayerCam,         // per-position weights: ReLU(gradient) x activation (Jiang et al.)
};

// "gradcam", "gradcam++" (also "gradcampp"), "layercam"; case-insensitive. Throws
// cxr::Error(InvalidInput) naming the accepted values for anything else.
CamMethod parseCamMethod(const std::string& name);
std::string camMethodName(CamMethod method);
std::vector<std::string> camMethodNames();

}  // namespace cxr::explain
