#pragma once
// Fault injection for crash-consistency tests: `faultPoint("state")` ends the process at once
// (std::_Exit, no destructors, no flushing — as close to a kill as a process can do to itself)
// when the environment variable CXR_FAULT_KILL_AT names that step and this is its n-th hit
// ("state:3": the third time the "state" point is reached). Always compiled in; without the
// variable a fault point is one cached comparison.
namespace cxr {

// The exit code of a process ended by a fault point, so a test tells it from a crash.
constexpr int kFaultExitCode = 86;

void faultPoint(const char* step);

}  // namespace cxr
