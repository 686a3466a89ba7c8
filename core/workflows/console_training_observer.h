#pragma once
// ConsoleTrainingObserver: a training run as text for a terminal — a progress bar per epoch
// (redrawn in place, a few times a second, only when the stream is a terminal), one line per
// phase and per epoch with the figures and the whole-run ETA, warnings, and the final result.
// Used by `cxr train` and `cxr demo`.
#include <chrono>
#include <ostream>
#include <string>

#include "core/training/training_observer.h"

namespace cxr::workflows {

std::string formatDuration(double seconds);  // "45 s", "3 min 05 s", "1 h 02 min"

class ConsoleTrainingObserver : public training::TrainingObserver {
public:
    // interactive: draw the in-place progress bar (a terminal); otherwise only whole lines.
    ConsoleTrainingObserver(std::ostream& out, bool interactive);

    void onRunStarted(const training::RunStartInfo& info) override;
    void onPhaseStarted(const training::PhaseInfo& info) override;
    void onBatch(const training::BatchInfo& info) override;
    void onEpochFinished(const training::EpochResult& result) override;
    void onPhaseFinished(const training::PhaseResult& result) override;
    void onStage(const Progress& progress) override;
    void onWarning(const Notice& notice) override;
    void onRunFinished(const training::TrainingResult& result) override;
    void onRunFailed(const std::string& message, bool cancelled) override;

private:
    bool due();  // throttles redraws
    void clearBar();

    std::ostream& m_out;
    bool m_interactive;
    bool m_barShown = false;
    int m_phaseCount = 0;
    int m_phaseEpochs = 0;
    Notice m_lastStage;
    std::chrono::steady_clock::time_point m_lastDraw{};
};

}  // namespace cxr::workflows
