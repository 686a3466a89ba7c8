#include "core/common/allocator_settings.h"

#include <cstdlib>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace cxr {
namespace {

AllocatorSettings& processSettings() {
    static AllocatorSettings settings{false, "malloc defaults"};
    return settings;
}

AllocatorSettings decide() {
    AllocatorSettings result;
#if defined(__GLIBC__)
    for (const char* name : {"MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "GLIBC_TUNABLES"}) {
        if (std::getenv(name) != nullptr) {
            result.description = std::string("glibc malloc as configured by ") + name;
            return result;
        }
    }
    // Blocks up to 1 GiB come from the heap (a batch's activations are far below it) and the heap
    // is never trimmed, so the next step reuses the pages the last one touched.
    constexpr int kMmapThreshold = 1 << 30;
    constexpr int kTrimThreshold = 0x7fffffff;
    result.applied = mallopt(M_MMAP_THRESHOLD, kMmapThreshold) == 1 && mallopt(M_TRIM_THRESHOLD, kTrimThreshold) == 1;
    result.description = result.applied ? "glibc malloc keeps freed memory for reuse (mmap threshold 1 GiB, no trim)"
                                        : "glibc malloc defaults (mallopt refused the settings)";
#else
    result.description = "the platform's malloc defaults";
#endif
    return result;
}

}  // namespace

AllocatorSettings keepFreedMemoryForReuse() {
    processSettings() = decide();
    return processSettings();
}

AllocatorSettings allocatorSettings() {
    return processSettings();
}

}  // namespace cxr
