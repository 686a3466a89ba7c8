// Cross-checks with tools that are not CXR Studio: DCMTK's and GDCM's command-line programs
// (Debian packages dcmtk and libgdcm-tools) decode what we write, and we decode what they write.
// A missing tool skips its test with a message rather than passing silently.
#include <cstdlib>

#include <gtest/gtest.h>

#include "core/imaging/film_writer.h"
#include "core/imaging/load_film.h"
#include "imaging_test_support.h"
#include "test_dirs.h"

namespace cxr::imaging {
namespace {

bool haveTool(const std::string& tool) {
    return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0;
}

int run(const std::string& tool, const std::string& options, const std::filesystem::path& in,
        const std::filesystem::path& out) {
    const std::string command = tool + " " + options + " '" + in.string() + "' '" + out.string() + "' >/dev/null 2>&1";
    return std::system(command.c_str());
}

std::vector<float> expectedValues(const DicomImage& image) {
    return std::vector<float>(image.pixels.begin(), image.pixels.end());
}

struct ToolCase {
    DicomSyntax written;
    std::string tool, options, expectedSyntaxUid;
};

class ForeignDecoder : public ::testing::TestWithParam<ToolCase> {};

// We write compressed, a foreign tool decompresses: the file we wrote is standard.
TEST_P(ForeignDecoder, DecodesWhatWeWrite) {
    const ToolCase& c = GetParam();
    if (!haveTool(c.tool)) GTEST_SKIP() << c.tool << " is not installed (Debian package dcmtk / libgdcm-tools)";
    const auto dir = test::scratchDir();
    const DicomImage image = test::testDicomImage(12);
    writeDicom(dir / "ours.dcm", image, c.written);
    ASSERT_EQ(run(c.tool, c.options, dir / "ours.dcm", dir / "theirs.dcm"), 0) << c.tool << " rejected our file";
    const Film film = loadFilm(dir / "theirs.dcm");
    EXPECT_EQ(film.meta.transferSyntaxUid, c.expectedSyntaxUid);
    EXPECT_EQ(film.pixels, expectedValues(image));
}

INSTANTIATE_TEST_SUITE_P(
    Tools, ForeignDecoder,
    ::testing::Values(ToolCase{DicomSyntax::JpegLossless, "dcmdjpeg", "", "1.2.840.10008.1.2.1"},
                      ToolCase{DicomSyntax::JpegLsLossless, "dcmdjpls", "", "1.2.840.10008.1.2.1"},
                      ToolCase{DicomSyntax::Rle, "dcmdrle", "", "1.2.840.10008.1.2.1"},
                      ToolCase{DicomSyntax::Jpeg2000Lossless, "gdcmconv", "--raw", "1.2.840.10008.1.2.1"},
                      ToolCase{DicomSyntax::ExplicitBig, "dcmconv", "+te", "1.2.840.10008.1.2.1"},
                      // ... and foreign encoders from our uncompressed film:
                      ToolCase{DicomSyntax::ExplicitLittle, "dcmcjpeg", "+e1", "1.2.840.10008.1.2.4.70"},
                      ToolCase{DicomSyntax::ExplicitLittle, "dcmcjpls", "+el", "1.2.840.10008.1.2.4.80"},
                      ToolCase{DicomSyntax::ExplicitLittle, "dcmcrle", "", "1.2.840.10008.1.2.5"},
                      ToolCase{DicomSyntax::ExplicitLittle, "gdcmconv", "--j2k", "1.2.840.10008.1.2.4.90"},
                      ToolCase{DicomSyntax::ExplicitLittle, "dcmconv", "+tb", "1.2.840.10008.1.2.2"}),
    [](const auto& info) { return info.param.tool + "_" + std::to_string(info.index); });

TEST(ForeignParser, DcmdumpReadsEverySyntaxWeWrite) {
    if (!haveTool("dcmdump")) GTEST_SKIP() << "dcmdump is not installed (Debian package dcmtk)";
    const auto dir = test::scratchDir();
    for (DicomSyntax syntax : test::allDicomSyntaxes()) {
        writeDicom(dir / "ours.dcm", test::testDicomImage(12), syntax);
        // -E: stop with a non-zero status on any parse error.
        EXPECT_EQ(std::system(("dcmdump -q -E '" + (dir / "ours.dcm").string() + "' >/dev/null 2>&1").c_str()), 0)
            << dicomSyntaxName(syntax);
    }
}

}  // namespace
}  // namespace cxr::imaging
