#pragma once
// TrainingHistory: what the training charts show, as plain data — per-epoch losses and
// accuracies, the batch-level running loss, the learning rate, the phase spans, and the best
// checkpoint and early-stop markers. The live view fills it from observer events; the results
// page and the PDF report rebuild it from a run's metrics.csv, so all three draw the same thing.
// The x axis counts epochs across the whole run: epoch k of the run ends at x = k.
#include <string>
#include <vector>

#include "core/training/training_observer.h"

namespace cxr::training {

struct HistoryPhase {
    int phase = 0;
    std::string name;
    double start = 0;  // x where the phase began
    double end = 0;    // x where it ended (or stands now)
    bool finished = false;
    bool earlyStopped = false;
};

struct HistoryBatchPoint {
    double x = 0;
    double runningLoss = 0;
    double runningAccuracy = 0;
};

struct HistoryMarker {
    double x = 0;
    double valLoss = 0;
    double valAccuracy = 0;
    int phase = 0;
};

class TrainingHistory {
public:
    void onPhaseStarted(const training::PhaseInfo& info);
    void onBatch(const training::BatchInfo& info);
    void onEpochFinished(const training::EpochResult& result);
    void onPhaseFinished(const training::PhaseResult& result);

    // The history of a finished or interrupted run: its epochs in order (metrics.csv rows),
    // phase names from the config. A phase counts as early-stopped as the trainer decides it
    // (training::stopsEarly): patience reached before the phase's last epoch.
    static TrainingHistory fromEpochs(const std::vector<training::EpochResult>& epochs,
                                      const training::TrainingConfig& config);

    const std::vector<training::EpochResult>& epochs() const { return m_epochs; }
    const std::vector<HistoryBatchPoint>& batches() const { return m_batches; }
    const std::vector<HistoryPhase>& phases() const { return m_phases; }
    const std::vector<HistoryMarker>& bestMarkers() const { return m_best; }
    const std::vector<HistoryMarker>& earlyStopMarkers() const { return m_earlyStops; }
    int epochsDone() const { return static_cast<int>(m_epochs.size()); }
    // Right edge of the data: the last batch point or finished epoch.
    double extent() const { return m_extent; }
    bool empty() const { return m_epochs.empty() && m_batches.empty(); }

private:
    HistoryPhase& phaseAt(int phase, const std::string& name);

    std::vector<training::EpochResult> m_epochs;
    std::vector<HistoryBatchPoint> m_batches;
    std::vector<HistoryPhase> m_phases;
    std::vector<HistoryMarker> m_best, m_earlyStops;
    double m_extent = 0;
};

}  // namespace cxr::training
