#include "common/atomic_file.h"

#include <gtest/gtest.h>

#include "common/error.h"
#include "test_dirs.h"

namespace cxr {
namespace fs = std::filesystem;

TEST(AtomicFile, WritesAndReplaces) {
    const auto dir = test::scratchDir();
    const auto file = dir / "a.bin";
    writeFileAtomically(file, "first");
    writeFileAtomically(file, "second");
    EXPECT_EQ(readFileText(file), "second");
    // No temporary files stay behind.
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
}

TEST(AtomicFile, FailedReplaceLeavesNoTemporaryBehind) {
    const auto dir = test::scratchDir();
    fs::create_directories(dir / "target" / "inner");
    // Renaming a file over a non-empty directory fails: the error names the target and the
    // temporary file is removed again.
    try {
        writeFileAtomically(dir / "target", "data");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Io);
        EXPECT_NE(std::string(e.what()).find("target: cannot replace file"), std::string::npos);
    }
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
    EXPECT_TRUE(fs::is_directory(dir / "target" / "inner"));
}

TEST(AtomicFile, MissingFolderIsAnIoError) {
    const auto dir = test::scratchDir();
    EXPECT_THROW(writeFileAtomically(dir / "no" / "such" / "f", "x"), Error);
}

TEST(AtomicFile, ReadErrorsNameTheFile) {
    const auto dir = test::scratchDir();
    try {
        readFileBytes(dir / "missing.dcm");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::NotFound);
        EXPECT_NE(std::string(e.what()).find("missing.dcm"), std::string::npos);
    }
    try {
        readFileBytes(dir);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
    }
    writeFileAtomically(dir / "big", std::string(100, 'x'));
    EXPECT_THROW(readFileBytes(dir / "big", 10), Error);
}

}  // namespace cxr
