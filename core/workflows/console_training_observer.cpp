#include "core/workflows/console_training_observer.h"

#include <cmath>
#include <cstdio>

namespace cxr::workflows {
namespace {

std::string fmt(const char* format, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

std::string bar(std::size_t done, std::size_t total, int width = 24) {
    const int filled = total ? static_cast<int>(static_cast<double>(width) * static_cast<double>(done) /
                                                static_cast<double>(total))
                             : 0;
    return "[" + std::string(static_cast<std::size_t>(filled), '#') +
           std::string(static_cast<std::size_t>(width - filled), '.') + "]";
}

std::string trainableText(const std::vector<std::string>& prefixes) {
    if (prefixes.empty())
        return "all layers";
    std::string s;
    for (const auto& p : prefixes)
        s += (s.empty() ? "" : " + ") + p;
    return s;
}

}  // namespace

std::string formatDuration(double seconds) {
    if (!(seconds >= 0) || !std::isfinite(seconds))
        return "?";
    const long s = std::lround(seconds);
    char buf[48];
    if (s < 60)
        std::snprintf(buf, sizeof buf, "%ld s", s);
    else if (s < 3600)
        std::snprintf(buf, sizeof buf, "%ld min %02ld s", s / 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%ld h %02ld min", s / 3600, (s % 3600) / 60);
    return buf;
}

ConsoleTrainingObserver::ConsoleTrainingObserver(std::ostream& out, bool interactive)
    : m_out(out), m_interactive(interactive) {}

bool ConsoleTrainingObserver::due() {
    const auto now = std::chrono::steady_clock::now();
    if (now - m_lastDraw < std::chrono::milliseconds(200))
        return false;
    m_lastDraw = now;
    return true;
}

void ConsoleTrainingObserver::clearBar() {
    if (m_barShown) {
        m_out << "\r\033[2K";
        m_barShown = false;
    }
}

void ConsoleTrainingObserver::onRunStarted(const training::RunStartInfo& info) {
    m_phaseCount = static_cast<int>(info.config.phases.size());
    // In a data-parallel run the films and the batch are each rank's; the batch in all is W times it.
    const bool ranks = info.worldSize > 1;
    m_out << "Training ResNet18 on " << englishText(info.deviceDescription) << ", " << info.precision;
    if (ranks)
        m_out << ", " << info.worldSize << " ranks";
    m_out << ": " << info.trainFilms << " train / " << info.valFilms << " validation films" << (ranks ? " a rank" : "")
          << ", " << m_phaseCount << " phases, up to " << info.totalEpochs << " epochs, batch " << info.config.batchSize;
    if (ranks)
        m_out << " a rank (" << info.config.batchSize * info.worldSize << " in all)";
    m_out << ", " << info.config.imageSize << " px\n";
    if (info.resumed)
        m_out << "Resuming at phase " << info.startPhase + 1 << ", epoch " << info.startEpoch + 1 << "\n";
    m_out.flush();
}

void ConsoleTrainingObserver::onPhaseStarted(const training::PhaseInfo& info) {
    clearBar();
    m_phaseEpochs = info.epochs;
    m_out << "Phase " << info.phase + 1 << "/" << info.phaseCount << ": " << info.name << " — trains "
          << trainableText(info.trainable) << " (" << info.trainableParameters << " parameters), lr "
          << fmt("%.1e", info.learningRate) << ", " << info.epochs << " epochs\n";
    m_out.flush();
}

void ConsoleTrainingObserver::onBatch(const training::BatchInfo& info) {
    if (!m_interactive || (!due() && info.batch != info.batches))
        return;
    m_out << "\r\033[2K  " << bar(info.batch, info.batches) << " " << info.batch << "/" << info.batches
          << "  loss " << fmt("%.4f", info.runningLoss) << "  acc " << fmt("%.3f", info.runningAccuracy) << "  "
          << fmt("%.1f", info.imagesPerSecond) << " img/s  ETA " << formatDuration(info.etaSeconds);
    m_out.flush();
    m_barShown = true;
}

void ConsoleTrainingObserver::onEpochFinished(const training::EpochResult& r) {
    clearBar();
    m_out << "  phase " << r.phase + 1 << " epoch " << r.epoch + 1 << "/" << m_phaseEpochs << "  lr "
          << fmt("%.1e", r.learningRate) << "  train loss " << fmt("%.4f", r.trainLoss) << " acc "
          << fmt("%.3f", r.trainAccuracy) << "  |  val loss " << fmt("%.4f", r.valLoss) << " acc "
          << fmt("%.3f", r.valAccuracy) << (r.best ? "  * best" : "  (no improvement " +
                                                                      std::to_string(r.earlyStopCounter) + "/" +
                                                                      std::to_string(r.patience) + ")")
          << "  " << fmt("%.1f", r.seconds) << " s, ETA " << formatDuration(r.etaSeconds) << "\n";
    m_out.flush();
}

void ConsoleTrainingObserver::onPhaseFinished(const training::PhaseResult& r) {
    clearBar();
    if (r.earlyStopped || r.stopReason.code() != "phase.completed")
        m_out << "  phase " << r.phase + 1 << " ended: " << englishText(r.stopReason) << "\n";
}

void ConsoleTrainingObserver::onStage(const Progress& p) {
    const bool newStage = p.stage != m_lastStage;
    if (newStage) {
        clearBar();
        m_lastStage = p.stage;
        if (!m_interactive || p.total == 0) {
            m_out << englishText(p.stage) << (p.total ? " (" + std::to_string(p.total) + ")" : "") << "...\n";
            m_out.flush();
            return;
        }
    }
    if (!m_interactive || p.total == 0 || (!due() && p.done != p.total))
        return;
    m_out << "\r\033[2K  " << englishText(p.stage) << " " << bar(p.done, p.total) << " " << p.done << "/" << p.total
          << (p.etaSeconds >= 0 ? "  ETA " + formatDuration(p.etaSeconds) : "");
    m_out.flush();
    m_barShown = true;
}

void ConsoleTrainingObserver::onWarning(const Notice& notice) {
    clearBar();
    m_out << "warning: " << englishText(notice) << "\n";
    m_out.flush();
}

void ConsoleTrainingObserver::onRunFinished(const training::TrainingResult& result) {
    clearBar();
    m_out << "Training done in " << formatDuration(result.seconds) << "; best checkpoint: phase "
          << result.best.phase + 1 << " (" << result.best.phaseName << ") epoch " << result.best.epoch + 1
          << ", val loss " << fmt("%.4f", result.best.valLoss) << ", val acc " << fmt("%.3f", result.best.valAccuracy)
          << "\n";
    m_out.flush();
}

void ConsoleTrainingObserver::onRunFailed(const std::string& message, bool cancelled) {
    clearBar();
    if (cancelled)
        m_out << "Training cancelled; the run folder keeps the best checkpoint and can be resumed (--resume).\n";
    else
        m_out << "Training failed: " << message << "\n";
    m_out.flush();
}

}  // namespace cxr::workflows
