#pragma once
// Ctrl-C handling: the first SIGINT/SIGTERM cancels the running task through a CancelToken so
// it stops cleanly (checkpoints intact); a second one ends the process at once.
#include "core/common/cancel_token.h"

namespace cxr::cli {

void installInterruptHandler();
CancelTokenPtr interruptToken();

}  // namespace cxr::cli
