// The ResNet18 of core/model as a SplitNetwork for Grad-CAM.
#include "explain/grad_cam.h"

#include "model/resnet18.h"

namespace cxr::explain {

SplitNetwork splitNetworkOf(model::ResNet18Impl& net) {
    SplitNetwork split;
    split.forwardTo = [&net](const at::Tensor& x, const std::string& layer) { return net.forwardTo(x, layer); };
    split.forwardFrom = [&net](const at::Tensor& a, const std::string& layer) {
        return net.forwardFrom(a, layer);
    };
    return split;
}

std::vector<std::string> resnetCamLayers() { return model::ResNet18Impl::layerNames(); }

}  // namespace cxr::explain
