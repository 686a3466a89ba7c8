#pragma once
// Mixed precision for CUDA: while an AutocastGuard lives, CUDA ops autocast to bfloat16 (no loss
// scaling needed, unlike fp16, and LibTorch's C++ API has no GradScaler). A no-op on CPU and
// when disabled. The autocast API moved in LibTorch 2.4; both spellings are handled in the .cpp.
#include <string>

namespace cxr::training {

// "auto" -> "bf16" on CUDA devices, "off" on CPU; "bf16" on CPU -> "off" (CPU autocast is
// slower than fp32 with oneDNN here).
std::string resolveAmp(const std::string& requested, const std::string& device);

class AutocastGuard {
public:
    explicit AutocastGuard(bool enabled);
    ~AutocastGuard();
    AutocastGuard(const AutocastGuard&) = delete;
    AutocastGuard& operator=(const AutocastGuard&) = delete;

private:
    bool m_enabled;
    bool m_previous = false;
};

// cudnn.benchmark: picks the fastest convolution algorithms for the fixed input size.
void enableCudnnBenchmark(bool on);

}  // namespace cxr::training
