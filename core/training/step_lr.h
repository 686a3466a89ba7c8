#pragma once
// StepLR as a pure function of the epoch, like torch.optim.lr_scheduler.StepLR: the rate at
// epoch e of a phase is base * gamma^floor(e / stepSize). Being stateless, a resumed run gets
// the scheduler's position from the epoch number alone.
#include "core/training/training_config.h"

namespace cxr::training {

double stepLr(double base, int stepSize, double gamma, int epoch);
inline double phaseLr(const PhaseConfig& phase, int epoch) {
    return stepLr(phase.learningRate, phase.stepSize, phase.gamma, epoch);
}

}  // namespace cxr::training
