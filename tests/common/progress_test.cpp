#include "core/common/progress.h"

#include <gtest/gtest.h>

#include <thread>

namespace cxr {

TEST(EtaEstimator, UnknownBeforeFirstUnitThenShrinks) {
    EtaEstimator eta;
    eta.start(10);
    EXPECT_LT(eta.update(0), 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const double first = eta.update(2);
    EXPECT_GT(first, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const double later = eta.update(8);
    EXPECT_GT(later, 0);
    EXPECT_LT(later, first);
    EXPECT_EQ(eta.update(10), 0);
}

}  // namespace cxr
