#pragma once
// Progress reporting for long tasks: a small delegate interface the CLI (progress bar) and the
// GUI (progress dialog, signals) implement, and an ETA estimator so every task reports one.
#include <chrono>
#include <cstddef>
#include <string>

#include "core/common/notice.h"

namespace cxr {

struct Progress {
    Notice stage;            // what is being done: a stage.* notice, e.g. stage.decoding_films
    std::size_t done = 0;
    std::size_t total = 0;   // 0 when unknown
    double etaSeconds = -1;  // < 0 when unknown
};

class ProgressSink {
public:
    virtual ~ProgressSink() = default;
    virtual void onProgress(const Progress& progress) = 0;
};

// Estimates the remaining time from the rate so far, smoothed so the figure does not jump.
class EtaEstimator {
public:
    void start(std::size_t total);
    // The total learned on the way (a PACS says how many objects remain once it starts sending).
    void setTotal(std::size_t total) { m_total = total; }
    // Returns seconds left after `done` units, or -1 before the first unit finishes.
    double update(std::size_t done);
    double elapsedSeconds() const;

private:
    using Clock = std::chrono::steady_clock;
    Clock::time_point m_start{};
    std::size_t m_total = 0;
    double m_rate = 0;  // units per second, exponentially smoothed
};

}  // namespace cxr
