#include "core/training/step_lr.h"

#include <cmath>

namespace cxr::training {

double stepLr(double base, int stepSize, double gamma, int epoch) {
    if (stepSize < 1 || epoch < 0)
        return base;
    return base * std::pow(gamma, epoch / stepSize);
}

}  // namespace cxr::training
