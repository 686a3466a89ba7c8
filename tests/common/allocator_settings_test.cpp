#include "core/common/allocator_settings.h"

#include <gtest/gtest.h>

#include <sys/resource.h>

#include <cstdlib>

namespace cxr {
namespace {

long minorFaults() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt;
}

// Minor page faults of `cycles` allocate-touch-free rounds of one block the size of a batch-16
// ResNet18 activation (64 MiB), after one warm-up round.
long faultsOfReallocation(int cycles) {
    constexpr std::size_t kBytes = std::size_t{64} << 20;
    // Through a volatile pointer, so the compiler cannot drop the block as a dead store.
    const auto round = [&] {
        void* raw = std::malloc(kBytes);
        ASSERT_NE(raw, nullptr);
        volatile char* block = static_cast<volatile char*>(raw);
        for (std::size_t i = 0; i < kBytes; i += 4096)
            block[i] = 1;
        std::free(raw);
    };
    round();
    const long before = minorFaults();
    for (int i = 0; i < cycles; ++i)
        round();
    return minorFaults() - before;
}

}  // namespace

#if defined(__GLIBC__)
TEST(AllocatorSettings, FreedTensorSizedBlocksAreReusedWithoutFaultingPagesInAgain) {
    if (std::getenv("MALLOC_MMAP_THRESHOLD_") || std::getenv("MALLOC_TRIM_THRESHOLD_") || std::getenv("GLIBC_TUNABLES"))
        GTEST_SKIP() << "the environment configures glibc malloc itself";
    const long pagesPerRound = static_cast<long>((std::size_t{64} << 20) / 4096);
    // glibc's defaults: a 64 MiB block is mmapped and returned on free, so every round faults
    // its pages in again — the cost the setting exists to remove.
    const long untuned = faultsOfReallocation(4);
    EXPECT_GT(untuned, 4 * pagesPerRound / 2);

    const AllocatorSettings settings = keepFreedMemoryForReuse();
    ASSERT_TRUE(settings.applied) << settings.description;
    EXPECT_NE(settings.description.find("reuse"), std::string::npos);
    const long tuned = faultsOfReallocation(4);
    EXPECT_LT(tuned, pagesPerRound / 16) << "untuned: " << untuned;
}

TEST(AllocatorSettings, LeavesMallocAloneWhenTheUserConfiguredIt) {
    ::setenv("MALLOC_TRIM_THRESHOLD_", "131072", 1);
    const AllocatorSettings settings = keepFreedMemoryForReuse();
    ::unsetenv("MALLOC_TRIM_THRESHOLD_");
    EXPECT_FALSE(settings.applied);
    EXPECT_NE(settings.description.find("MALLOC_TRIM_THRESHOLD_"), std::string::npos);
}
#endif

}  // namespace cxr
