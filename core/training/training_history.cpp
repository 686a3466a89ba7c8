#include "core/training/training_history.h"

#include <algorithm>
#include <limits>

#include "core/training/early_stopping.h"

namespace cxr::training {

HistoryPhase& TrainingHistory::phaseAt(int phase, const std::string& name) {
    for (auto& p : m_phases)
        if (p.phase == phase)
            return p;
    HistoryPhase p;
    p.phase = phase;
    p.name = name;
    p.start = static_cast<double>(m_epochs.size());
    p.end = p.start;
    m_phases.push_back(p);
    return m_phases.back();
}

void TrainingHistory::onPhaseStarted(const training::PhaseInfo& info) {
    auto& p = phaseAt(info.phase, info.name);
    p.finished = false;
    if (p.name.empty())
        p.name = info.name;
}

void TrainingHistory::onBatch(const training::BatchInfo& info) {
    if (info.batches == 0)
        return;
    const double x = static_cast<double>(m_epochs.size()) +
                     static_cast<double>(info.batch) / static_cast<double>(info.batches);
    m_batches.push_back({x, info.runningLoss, info.runningAccuracy});
    m_extent = std::max(m_extent, x);
    auto& p = phaseAt(info.phase, {});
    p.end = std::max(p.end, x);
}

void TrainingHistory::onEpochFinished(const training::EpochResult& result) {
    m_epochs.push_back(result);
    const double x = static_cast<double>(m_epochs.size());
    m_extent = std::max(m_extent, x);
    auto& p = phaseAt(result.phase, result.phaseName);
    p.end = std::max(p.end, x);
    if (result.best)
        m_best.push_back({x, result.valLoss, result.valAccuracy, result.phase});
}

void TrainingHistory::onPhaseFinished(const training::PhaseResult& result) {
    auto& p = phaseAt(result.phase, result.name);
    p.finished = true;
    p.end = std::max(p.end, static_cast<double>(m_epochs.size()));
    p.earlyStopped = result.earlyStopped;
    if (result.earlyStopped && !m_epochs.empty() && m_epochs.back().phase == result.phase) {
        const auto& last = m_epochs.back();
        m_earlyStops.push_back({static_cast<double>(m_epochs.size()), last.valLoss, last.valAccuracy, result.phase});
    }
}

TrainingHistory TrainingHistory::fromEpochs(const std::vector<training::EpochResult>& epochs,
                                            const training::TrainingConfig& config) {
    TrainingHistory h;
    for (std::size_t i = 0; i < epochs.size(); ++i) {
        const auto& e = epochs[i];
        if (h.m_phases.empty() || h.m_phases.back().phase != e.phase) {
            if (!h.m_phases.empty())
                h.m_phases.back().finished = true;
            training::PhaseInfo info;
            info.phase = e.phase;
            info.name = e.phaseName;
            if (info.name.empty() && e.phase >= 0 && e.phase < static_cast<int>(config.phases.size()))
                info.name = config.phases[static_cast<std::size_t>(e.phase)].name;
            h.onPhaseStarted(info);
        }
        h.onEpochFinished(e);
        const bool lastOfPhase = i + 1 == epochs.size() || epochs[i + 1].phase != e.phase;
        // The trainer's own rule: patience reached with epochs of the phase left.
        const int phaseEpochs = e.phase >= 0 && e.phase < static_cast<int>(config.phases.size())
                                    ? config.phases[static_cast<std::size_t>(e.phase)].epochs
                                    : std::numeric_limits<int>::max();
        if (lastOfPhase && e.patience > 0 && training::stopsEarly(e.earlyStopCounter, e.patience, e.epoch, phaseEpochs)) {
            training::PhaseResult r;
            r.phase = e.phase;
            r.name = h.m_phases.back().name;
            r.earlyStopped = true;
            h.onPhaseFinished(r);
        }
    }
    return h;
}

}  // namespace cxr::training
