#pragma once
// RunEta: the whole-run remaining time. Phases cost very different amounts per image (phase 1
// trains only fc, phase 3 back-propagates through the whole backbone: 35 / 26 / 14 img/s on two
// cores), so work is counted in "cost units" — a prior per phase from which stages train — and
// the measured seconds per unit, smoothed, converts what is left into seconds. Early stopping
// can only make the real run shorter: the ETA is an upper bound that drops when a phase ends.
#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "core/training/training_config.h"

namespace cxr::training {

// Relative cost of one training image in a phase, forward = 1: 1 + 2 x the share of the
// network's compute from the first trainable stage onwards (ResNet18 stages cost about the
// same: stem 0.1, layer1..4 0.225 each; fc ~ 0).
double phaseCostPrior(const PhaseConfig& phase);

class RunEta {
public:
    // trainImages / valImages: per epoch.
    RunEta(const TrainingConfig& config, std::size_t trainImages, std::size_t valImages);

    // Marks the start of (phase, epoch): everything before it counts as done.
    void startEpoch(int phase, int epoch);
    // The current phase ended early: its remaining epochs drop out of the estimate.
    void skipRestOfPhase(int phase);
    // Progress within the current epoch (train images, then val images).
    double update(std::size_t trainImagesDone, std::size_t valImagesDone);
    double secondsPerUnit() const { return m_secondsPerUnit; }

private:
    double remainingUnits(std::size_t trainDone, std::size_t valDone) const;

    using Clock = std::chrono::steady_clock;
    std::vector<double> m_trainCost;  // per phase
    std::vector<int> m_epochs;        // planned per phase (skipped ones: done)
    std::size_t m_trainImages, m_valImages;
    int m_phase = 0, m_epoch = 0;
    Clock::time_point m_epochStart{};
    double m_secondsPerUnit = 0;  // smoothed
    bool m_started = false;
};

}  // namespace cxr::training
