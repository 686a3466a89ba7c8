#pragma once
// Ctrl-C handling: the first SIGINT/SIGTERM cancels the running task through a CancelToken so
// it stops cleanly (checkpoints intact); a second one ends the process at once.
#include "core/common/cancel_token.h"

namespace cxr::cli {

void installInterruptHandler();
// A rank under a launcher gets Ctrl-C twice, from the terminal and from the launcher passing it
// on (SIGINT, or SIGTERM): signals within `milliseconds` of the first count as that one.
void treatRepeatsAsOne(int milliseconds);
CancelTokenPtr interruptToken();

}  // namespace cxr::cli
