// The one test file that includes LibTorch: a seeded random-weights model bundle, so the UI
// suites exercise the real Diagnoser without a training run. Results are meaningless; the
// plumbing is what is tested.
#include <torch/torch.h>

#include "core/model/model_bundle.h"
#include "ui/common/qt_convert.h"
#include "ui_test_support.h"

namespace cxr::test {

QString exportRandomModel(const QString& dir, unsigned seed) {
    torch::manual_seed(seed);  // same bytes every time: parallel test processes agree
    model::ResNet18 net = model::makeResNet18(std::nullopt, 2);
    model::exportModelBundle(ui::toPath(dir), net, {"NORMAL", "PNEUMONIA"}, model::PreprocessSpec{}, 0.5, 1.0,
                             Json{{"note", "random weights for UI tests"}}, Json::object());
    return dir;
}

}  // namespace cxr::test
