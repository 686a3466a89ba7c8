#include "core/common/error.h"

#include <gtest/gtest.h>

#include "core/common/cancel_token.h"

namespace cxr {

TEST(Error, FileErrorsNameTheFileAndReason) {
    const Error e(ErrorCode::Corrupt, std::filesystem::path("/data/film.dcm"), "truncated pixel data");
    EXPECT_STREQ(e.what(), "/data/film.dcm: truncated pixel data");
    EXPECT_EQ(e.code(), ErrorCode::Corrupt);
    EXPECT_STREQ(errorCodeName(e.code()), "corrupt");
}

TEST(Error, DisplayPathReplacesInvalidUtf8) {
    const std::filesystem::path p(std::string("/tmp/caf\xE9/\xC3\xA9t\xC3\xA9.dcm"));
    EXPECT_EQ(displayPath(p), "/tmp/caf\xEF\xBF\xBD/\xC3\xA9t\xC3\xA9.dcm");
}

TEST(CancelToken, ThrowsCancelledOnceCancelled) {
    CancelToken token;
    EXPECT_NO_THROW(token.throwIfCancelled("training"));
    token.cancel();
    try {
        token.throwIfCancelled("training");
        FAIL() << "expected a throw";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Cancelled);
        EXPECT_STREQ(e.what(), "training cancelled");
    }
}

}  // namespace cxr
