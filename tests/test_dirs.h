#pragma once
// A fresh scratch folder per test under the build tree, removed when the test passes.
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

namespace cxr::test {

inline std::filesystem::path scratchDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::filesystem::path dir = std::filesystem::path(CXR_TEST_TMP) /
                                (std::string(info->test_suite_name()) + "." + info->name());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace cxr::test
