#include "core/training/run_eta.h"

#include <algorithm>

namespace cxr::training {

double phaseCostPrior(const PhaseConfig& phase) {
    static const std::pair<const char*, double> kStages[] = {
        {"conv1", 0.1}, {"layer1", 0.225}, {"layer2", 0.225}, {"layer3", 0.225}, {"layer4", 0.225}};
    if (phase.trainable.empty())
        return 1.0 + 2.0;
    // Gradients flow back to the earliest trainable stage: everything from there costs backward.
    double share = 0;
    bool reached = false;
    for (const auto& [name, cost] : kStages) {
        if (!reached)
            reached = std::find(phase.trainable.begin(), phase.trainable.end(), name) != phase.trainable.end() ||
                      (std::string(name) == "conv1" &&
                       std::find(phase.trainable.begin(), phase.trainable.end(), "bn1") != phase.trainable.end());
        if (reached)
            share += cost;
    }
    return 1.0 + 2.0 * share;
}

RunEta::RunEta(const TrainingConfig& config, std::size_t trainImages, std::size_t valImages)
    : m_trainImages(trainImages), m_valImages(valImages) {
    for (const auto& p : config.phases) {
        m_trainCost.push_back(phaseCostPrior(p));
        m_epochs.push_back(p.epochs);
    }
}

void RunEta::startEpoch(int phase, int epoch) {
    m_started = true;
    m_phase = phase;
    m_epoch = epoch;
    m_epochStart = Clock::now();
}

void RunEta::skipRestOfPhase(int phase) {
    if (phase >= 0 && phase < static_cast<int>(m_epochs.size()))
        m_epochs[phase] = std::min(m_epochs[phase], m_epoch + 1);
}

double RunEta::remainingUnits(std::size_t trainDone, std::size_t valDone) const {
    double units = 0;
    for (int p = m_phase; p < static_cast<int>(m_epochs.size()); ++p) {
        const int first = p == m_phase ? m_epoch : 0;
        const int epochs = std::max(0, m_epochs[p] - first);
        units += epochs * (m_trainCost[p] * static_cast<double>(m_trainImages) + static_cast<double>(m_valImages));
    }
    units -= m_trainCost[m_phase] * static_cast<double>(trainDone) + static_cast<double>(valDone);
    return std::max(0.0, units);
}

double RunEta::update(std::size_t trainImagesDone, std::size_t valImagesDone) {
    if (!m_started || m_phase >= static_cast<int>(m_trainCost.size()))
        return -1;
    const double units = m_trainCost[m_phase] * static_cast<double>(trainImagesDone) +
                         static_cast<double>(valImagesDone);
    const double seconds = std::chrono::duration<double>(Clock::now() - m_epochStart).count();
    if (units <= 0 || seconds <= 0)
        return m_secondsPerUnit > 0 ? m_secondsPerUnit * remainingUnits(trainImagesDone, valImagesDone) : -1;
    const double rate = seconds / units;
    // The first batches of an epoch include loader warm-up: blend them in gently.
    m_secondsPerUnit = m_secondsPerUnit == 0 ? rate : 0.9 * m_secondsPerUnit + 0.1 * rate;
    return m_secondsPerUnit * remainingUnits(trainImagesDone, valImagesDone);
}

}  // namespace cxr::training
