#include "app/cli/interrupt.h"

#include <csignal>
#include <cstdlib>
#include <unistd.h>

namespace cxr::cli {
namespace {
CancelTokenPtr g_token = std::make_shared<CancelToken>();
volatile std::sig_atomic_t g_signals = 0;

void onSignal(int sig) {
    if (g_signals++ > 0)
        std::_Exit(128 + sig);
    g_token->cancel();  // an atomic store: async-signal-safe
    static const char msg[] = "\ncxr: cancelling (press Ctrl-C again to quit at once)\n";
    [[maybe_unused]] auto n = ::write(2, msg, sizeof msg - 1);
}
}  // namespace

void installInterruptHandler() {
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}

CancelTokenPtr interruptToken() { return g_token; }

}  // namespace cxr::cli
