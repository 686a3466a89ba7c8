#pragma once
// TerminalProgress: the CLI's ProgressSink. Draws one self-overwriting line on stderr
// ("writing synthetic films  312/600  52%  ETA 3s") when stderr is a terminal, nothing otherwise
// (so logs and pipes stay clean). Redraws at most ten times a second.
#include <chrono>

#include "core/common/progress.h"

namespace cxr::cli {

class TerminalProgress : public ProgressSink {
public:
    TerminalProgress();                       // enabled when stderr is a terminal
    explicit TerminalProgress(bool enabled);
    ~TerminalProgress() override;             // finishes the line

    void onProgress(const Progress& progress) override;
    void finish();                            // clears the line; idempotent

private:
    bool m_enabled;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_lastDraw{};
};

}  // namespace cxr::cli
