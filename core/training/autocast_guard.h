#pragma once
// Mixed precision: while an AutocastGuard lives, ops on its device autocast to bfloat16 (no loss
// scaling needed, unlike fp16, and LibTorch's C++ API has no GradScaler). On CUDA that is the
// tensor cores; on a CPU with bf16 instructions (AVX512-BF16, AMX) oneDNN runs convolutions
// and matrix products in bf16 at about twice the fp32 rate. Elsewhere bf16 is emulated and
// slower, so "auto" stays fp32 there. The autocast API moved in LibTorch 2.4; both spellings
// are handled in the .cpp.
#include <optional>
#include <string>

#include "core/common/notice.h"

namespace cxr::training {

// The precision a run on `device` ("cpu", "cuda", "cuda:N") uses for a requested "auto" (bf16 on
// CUDA, fp32 on CPU; "auto-cuda", an older config's name, means the same), "fp32" or "bf16":
// "bf16" or "fp32".
std::string resolvePrecision(const std::string& requested, const std::string& device);
// Why a resolved precision may disappoint, if it may: bf16 on a CPU without bf16 instructions.
std::optional<Notice> precisionWarning(const std::string& resolved, const std::string& device);
// In words for logs: "bf16 autocast (CPU: AVX512-BF16)", "fp32".
std::string precisionDescription(const std::string& resolved, const std::string& device);

class AutocastGuard {
public:
    // `cuda`: autocast CUDA ops; otherwise CPU ops.
    AutocastGuard(bool enabled, bool cuda);
    ~AutocastGuard();
    AutocastGuard(const AutocastGuard&) = delete;
    AutocastGuard& operator=(const AutocastGuard&) = delete;

private:
    bool m_enabled;
    bool m_cuda;
    bool m_previous = false;
};

// cudnn.benchmark: picks the fastest convolution algorithms for the fixed input size.
void enableCudnnBenchmark(bool on);

}  // namespace cxr::training
