#include "app/cli/terminal_progress.h"

#include <cstdio>
#include <string>
#include <unistd.h>

namespace cxr::cli {

TerminalProgress::TerminalProgress() : TerminalProgress(::isatty(STDERR_FILENO) == 1) {}

TerminalProgress::TerminalProgress(bool enabled) : m_enabled(enabled) {}

TerminalProgress::~TerminalProgress() { finish(); }

void TerminalProgress::onProgress(const Progress& p) {
    if (!m_enabled)
        return;
    const auto now = std::chrono::steady_clock::now();
    const bool last = p.total > 0 && p.done >= p.total;
    if (m_drawn && !last && now - m_lastDraw < std::chrono::milliseconds(100))
        return;
    m_lastDraw = now;
    std::string line = englishText(p.stage) + "  " + std::to_string(p.done);
    if (p.total > 0)
        line += "/" + std::to_string(p.total) + "  " + std::to_string(p.done * 100 / p.total) + "%";
    if (p.etaSeconds >= 0)
        line += "  ETA " + std::to_string(static_cast<long>(p.etaSeconds + 0.5)) + "s";
    std::fprintf(stderr, "\r\033[K%s", line.c_str());
    std::fflush(stderr);
    m_drawn = true;
}

void TerminalProgress::finish() {
    if (m_enabled && m_drawn) {
        std::fprintf(stderr, "\r\033[K");
        std::fflush(stderr);
    }
    m_drawn = false;
}

}  // namespace cxr::cli
