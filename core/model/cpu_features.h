#pragma once
// What the processor offers for bfloat16 arithmetic, read from CPUID at run time (and the OS's
// XSAVE state, without which the registers cannot be used): AVX512-BF16 (dot products) and AMX
// (tile matrix units). oneDNN uses them for bf16 convolutions and matrix products, which is
// what makes CPU autocast in bf16 about twice as fast as fp32 on such machines; elsewhere
// bf16 is emulated and slower. No LibTorch here: front ends and logs ask too.
#include <string>

namespace cxr::model {

struct CpuBf16Support {
    bool avx512Bf16 = false;
    bool amxBf16 = false;
    bool fast() const { return avx512Bf16 || amxBf16; }
    // "AVX512-BF16", "AMX-BF16 and AVX512-BF16" or "none".
    std::string describe() const;
};

// Detected once; all false on processors other than x86-64.
const CpuBf16Support& cpuBf16Support();

}  // namespace cxr::model
