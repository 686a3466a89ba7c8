#include "core/common/json_io.h"

#include <gtest/gtest.h>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "test_dirs.h"

namespace cxr {

TEST(JsonIo, RoundTrip) {
    const auto dir = test::scratchDir();
    Json j = {{"classes", {"NORMAL", "PNEUMONIA"}}, {"threshold", 0.5}};
    writeJsonFile(dir / "m.json", j);
    EXPECT_EQ(readJsonFile(dir / "m.json"), j);
}

TEST(JsonIo, BadSyntaxNamesTheFile) {
    const auto dir = test::scratchDir();
    writeFileAtomically(dir / "bad.json", "{ nope");
    try {
        readJsonFile(dir / "bad.json");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Corrupt);
        EXPECT_NE(std::string(e.what()).find("bad.json: not valid JSON"), std::string::npos);
    }
}

}  // namespace cxr
