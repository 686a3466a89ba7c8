// The ResNet18 of core/model as a SplitNetwork for Grad-CAM.
#include "core/explain/grad_cam.h"

#include "core/model/resnet18.h"

namespace cxr::explain {

SplitNetwork splitNetworkOf(model::ResNet18Impl& net) {
    SplitNetwork split;
    split.forwardTo = [&net](const at::Tensor& x, const std::string& layer) { return net.forwardTo(x, layer); };
    split.forwardFrom = [&net](const at::Tensor& a, const std::string& layer) {
        return net.forwardFrom(a, layer);
    };
    // Any training submodule counts: one batch-norm layer left in train() is enough to make the
    // map depend on the batch and to change the model's statistics.
    split.inTrainingMode = [&net] {
        if (net.is_training())
            return true;
        for (const auto& module : net.modules(/*include_self=*/false))
            if (module->is_training())
                return true;
        return false;
    };
    return split;
}

std::vector<std::string> resnetCamLayers() { return model::ResNet18Impl::layerNames(); }

}  // namespace cxr::explain
