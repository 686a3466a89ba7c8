#include "core/common/fault_point.h"

#include <atomic>
#include <cstdlib>
#include <string>

namespace cxr {
namespace {

struct FaultPlan {
    std::string step;  // empty: no fault planned
    long hit = 1;
};

// Read once: the variable is set by the test that starts this process.
const FaultPlan& plan() {
    static const FaultPlan p = [] {
        FaultPlan out;
        const char* value = std::getenv("CXR_FAULT_KILL_AT");
        if (!value || !*value)
            return out;
        const std::string text(value);
        const auto colon = text.rfind(':');
        out.step = text.substr(0, colon);
        if (colon != std::string::npos)
            out.hit = std::strtol(text.c_str() + colon + 1, nullptr, 10);
        return out;
    }();
    return p;
}

}  // namespace

void faultPoint(const char* step) {
    const FaultPlan& p = plan();
    if (p.step.empty() || p.step != step)
        return;
    static std::atomic<long> hits{0};
    if (hits.fetch_add(1) + 1 == p.hit)
        std::_Exit(kFaultExitCode);
}

}  // namespace cxr
