#include "core/training/early_stopping.h"

#include <limits>

namespace cxr::training {

bool improves(double loss, double reference, double minDelta) { return loss < reference - minDelta; }

bool stopsEarly(int earlyStopCounter, int patience, int epoch, int epochs) {
    return earlyStopCounter >= patience && epoch + 1 < epochs;
}

Notice earlyStopReason(const TrainingConfig& config, int patience) {
    return Notice(config.earlyStopOn == "run" ? "phase.early_stop_run_best" : "phase.early_stop_phase_best")
        .integer("patience", patience);
}

double earlyStopReference(const TrainingConfig& config, int phase, const std::vector<EpochResult>& history,
                          double runBest) {
    if (config.earlyStopOn == "run")
        return runBest;
    // The phase's own best, built the way the live loop built it: a row raises the bar only
    // when it counted as an improvement.
    double reference = std::numeric_limits<double>::infinity();
    for (const auto& row : history)
        if (row.phase == phase && improves(row.valLoss, reference, config.minDelta))
            reference = row.valLoss;
    return reference;
}

}  // namespace cxr::training
