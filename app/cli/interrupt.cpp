#include "app/cli/interrupt.h"

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <unistd.h>

namespace cxr::cli {
namespace {
CancelTokenPtr g_token = std::make_shared<CancelToken>();
volatile std::sig_atomic_t g_signals = 0;
std::atomic<long> g_repeatGraceMs{0};
std::atomic<long long> g_firstSignalMs{0};

long long monotonicMs() {
    timespec t{};
    ::clock_gettime(CLOCK_MONOTONIC, &t);  // async-signal-safe
    return static_cast<long long>(t.tv_sec) * 1000 + t.tv_nsec / 1000000;
}

void onSignal(int sig) {
    if (g_signals > 0) {
        // A launcher forwards the terminal's Ctrl-C that this process already got itself: a
        // repeat within the grace period is the same request, not a second press.
        const long grace = g_repeatGraceMs.load();
        if (grace > 0 && monotonicMs() - g_firstSignalMs.load() < grace)
            return;
        std::_Exit(128 + sig);
    }
    g_signals = 1;
    g_firstSignalMs.store(monotonicMs());
    g_token->cancel();  // an atomic store: async-signal-safe
    static const char msg[] = "\ncxr: cancelling (press Ctrl-C again to quit at once)\n";
    [[maybe_unused]] auto n = ::write(2, msg, sizeof msg - 1);
}
}  // namespace

void installInterruptHandler() {
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}

void treatRepeatsAsOne(int milliseconds) { g_repeatGraceMs.store(milliseconds); }

CancelTokenPtr interruptToken() { return g_token; }

}  // namespace cxr::cli
