#pragma once
// Early stopping, decided in one place for the live training loop and for phases replayed from
// metrics.csv on resume, so both label a phase the same way.
#include <string>
#include <vector>

#include "core/training/training_config.h"
#include "core/training/training_observer.h"

namespace cxr::training {

// True when `loss` beats `reference` by more than `minDelta` (an improvement).
bool improves(double loss, double reference, double minDelta);

// True when a phase ends early after epoch `epoch` (0-based) of `epochs`: `patience` epochs in a
// row without an improvement, and epochs were left. Reaching patience on the phase's last epoch
// is a completed phase, not an early stop.
bool stopsEarly(int earlyStopCounter, int patience, int epoch, int epochs);

// The stop reason a phase ended early with (phase.early_stop_run_best / _phase_best).
Notice earlyStopReason(const TrainingConfig& config, int patience);

// The loss an epoch of phase `phase` must beat to count as an improvement for early stopping,
// given the rows of that phase already finished (in order) and the run's best so far:
// the run's best for earlyStopOn "run", the best of the phase's own rows for "phase".
double earlyStopReference(const TrainingConfig& config, int phase, const std::vector<EpochResult>& history,
                          double runBest);

}  // namespace cxr::training
