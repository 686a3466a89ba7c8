#include "core/common/atomic_file.h"

#include <vector>

#include <gtest/gtest.h>

#include "core/common/error.h"
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

// What the sync seam saw, and what the target held at the moment the folder was synced.
std::vector<fs::path> g_synced;
std::vector<std::string> g_targetAtFolderSync;
fs::path g_target;

void recordSync(const fs::path& synced) {
    g_synced.push_back(synced);
    if (fs::is_directory(synced))
        g_targetAtFolderSync.push_back(readFileText(g_target));
}

// The seam shows the calls and their order (file synced, renamed, then its folder synced); it
// cannot show that the disk honoured them — only a power cut could.
TEST(AtomicFile, SyncsTheFolderAfterTheRename) {
    const auto dir = test::scratchDir();
    g_target = dir / "state.json";
    writeFileAtomically(g_target, "old");
    g_synced.clear();
    g_targetAtFolderSync.clear();
    setSyncListenerForTests(&recordSync);
    writeFileAtomically(g_target, "new");
    setSyncListenerForTests(nullptr);
    ASSERT_EQ(g_synced.size(), 2u);
    EXPECT_NE(g_synced[0].filename().string().find("state.json.tmp-"), std::string::npos) << g_synced[0];
    EXPECT_EQ(fs::canonical(g_synced[1]), fs::canonical(dir));
    ASSERT_EQ(g_targetAtFolderSync.size(), 1u);
    EXPECT_EQ(g_targetAtFolderSync[0], "new") << "the folder was synced before the rename";
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
