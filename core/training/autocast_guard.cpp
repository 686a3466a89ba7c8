#include "training/autocast_guard.h"

#include <ATen/Context.h>
#include <ATen/autocast_mode.h>

#include "model/torch_compat.h"

namespace cxr::training {

std::string resolveAmp(const std::string& requested, const std::string& device) {
    const bool cuda = device.rfind("cuda", 0) == 0;
    if (requested == "off" || !cuda)
        return "off";
    return "bf16";
}

AutocastGuard::AutocastGuard(bool enabled) : m_enabled(enabled) {
    if (!m_enabled)
        return;
#if CXR_TORCH_VERSION_AT_LEAST(2, 4)
    m_previous = at::autocast::is_autocast_enabled(at::kCUDA);
    at::autocast::set_autocast_dtype(at::kCUDA, at::kBFloat16);
    at::autocast::set_autocast_enabled(at::kCUDA, true);
#else
    m_previous = at::autocast::is_enabled();
    at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
    at::autocast::set_enabled(true);
#endif
}

AutocastGuard::~AutocastGuard() {
    if (!m_enabled)
        return;
#if CXR_TORCH_VERSION_AT_LEAST(2, 4)
    at::autocast::set_autocast_enabled(at::kCUDA, m_previous);
#else
    at::autocast::set_enabled(m_previous);
#endif
    // Autocast caches casted weights while enabled; drop them so the next step sees updates.
    at::autocast::clear_cache();
}

void enableCudnnBenchmark(bool on) { at::globalContext().setBenchmarkCuDNN(on); }

}  // namespace cxr::training
