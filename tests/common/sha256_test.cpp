#include "core/common/sha256.h"

#include <gtest/gtest.h>

#include "core/common/atomic_file.h"
#include "test_dirs.h"

namespace cxr {

TEST(Sha256, KnownVectors) {
    EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, FileMatchesBytes) {
    const auto dir = test::scratchDir();
    std::string data(200000, '\0');
    for (size_t i = 0; i < data.size(); ++i)
        data[i] = static_cast<char>(i * 31);
    writeFileAtomically(dir / "f", data);
    EXPECT_EQ(sha256File(dir / "f"), sha256Hex(data));
}

}  // namespace cxr
