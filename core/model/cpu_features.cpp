#include "core/model/cpu_features.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

namespace cxr::model {
namespace {

#if defined(__x86_64__) || defined(__i386__)
unsigned long long xgetbv0() {
    unsigned eax = 0, edx = 0;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return (static_cast<unsigned long long>(edx) << 32) | eax;
}

CpuBf16Support detect() {
    CpuBf16Support s;
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 27)))  // OSXSAVE: XGETBV usable
        return s;
    const unsigned long long xcr0 = xgetbv0();
    // The OS saves the AVX-512 state (opmask, upper ZMM halves, ZMM16-31) and the AMX tiles.
    const bool avx512State = (xcr0 & 0xE6) == 0xE6;
    const bool amxState = (xcr0 & (3ull << 17)) == (3ull << 17);
    if (__get_cpuid_max(0, nullptr) < 7)
        return s;
    __cpuid_count(7, 0, a, b, c, d);
    const bool avx512f = (b & (1u << 16)) != 0;
    const bool amxBf16 = (d & (1u << 22)) != 0;
    const bool amxTile = (d & (1u << 24)) != 0;
    unsigned maxSub = a;
    bool avx512Bf16 = false;
    if (maxSub >= 1) {
        __cpuid_count(7, 1, a, b, c, d);
        avx512Bf16 = (a & (1u << 5)) != 0;
    }
    s.avx512Bf16 = avx512State && avx512f && avx512Bf16;
    s.amxBf16 = amxState && amxTile && amxBf16;
    return s;
}
#else
CpuBf16Support detect() { return {}; }
#endif

}  // namespace

std::string CpuBf16Support::describe() const {
    if (amxBf16 && avx512Bf16)
        return "AMX-BF16 and AVX512-BF16";
    if (amxBf16)
        return "AMX-BF16";
    if (avx512Bf16)
        return "AVX512-BF16";
    return "none";
}

const CpuBf16Support& cpuBf16Support() {
    static const CpuBf16Support support = detect();
    return support;
}

}  // namespace cxr::model
