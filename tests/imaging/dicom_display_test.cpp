// DICOM display semantics: where the window comes from, MONOCHROME1 polarity, VOI LUTs, rescale,
// signed pixels, several frames and colour films.
#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "dicom_bytes.h"
#include "core/imaging/display.h"
#include "core/imaging/film_writer.h"
#include "core/imaging/load_film.h"
#include "imaging_test_support.h"
#include "test_dirs.h"

namespace cxr::imaging {
namespace {

std::size_t indexOfMax(const std::vector<std::uint16_t>& v) {
    return static_cast<std::size_t>(std::max_element(v.begin(), v.end()) - v.begin());
}
std::size_t indexOfMin(const std::vector<std::uint16_t>& v) {
    return static_cast<std::size_t>(std::min_element(v.begin(), v.end()) - v.begin());
}

TEST(DicomDisplay, Monochrome1BrightestStoredValueDisplaysDark) {
    const auto dir = test::scratchDir();
    for (bool withWindow : {true, false}) {
        DicomImage image = test::testDicomImage(12, "MONOCHROME1");
        if (!withWindow) image.windowWidth = 0;
        writeDicom(dir / "m1.dcm", image, DicomSyntax::JpegLsLossless);
        const Film film = loadFilm(dir / "m1.dcm");
        ASSERT_TRUE(film.invert);
        const auto display = toDisplay8(film);
        SCOPED_TRACE(withWindow ? "window from file" : "percentile window");
        EXPECT_LE(display[indexOfMax(image.pixels)], 5) << "brightest stored value must be dark";
        EXPECT_GE(display[indexOfMin(image.pixels)], 250) << "lowest stored value must be bright";
        // Pixels themselves keep modality semantics: inversion is display-only.
        EXPECT_EQ(film.pixels[indexOfMax(image.pixels)], 4095.0f);
    }
}

TEST(DicomDisplay, Monochrome2BrightestStoredValueDisplaysBright) {
    const auto dir = test::scratchDir();
    const DicomImage image = test::testDicomImage(12, "MONOCHROME2");
    writeDicom(dir / "m2.dcm", image, DicomSyntax::ExplicitLittle);
    const Film film = loadFilm(dir / "m2.dcm");
    EXPECT_FALSE(film.invert);
    const auto display = toDisplay8(film);
    EXPECT_EQ(display[indexOfMax(image.pixels)], 255);
    EXPECT_EQ(display[indexOfMin(image.pixels)], 0);
}

TEST(DicomDisplay, PercentileWindowWhenTheFileHasNone) {
    const auto dir = test::scratchDir();
    DicomImage image = test::testDicomImage(12);
    image.windowWidth = 0;
    // Narrow the content to 1000..1999 plus one outlier each side: a robust window ignores them.
    for (std::size_t i = 0; i < image.pixels.size(); ++i) image.pixels[i] = static_cast<std::uint16_t>(1000 + i % 1000);
    image.pixels[0] = 0;
    image.pixels[1] = 4095;
    writeDicom(dir / "nowin.dcm", image, DicomSyntax::Rle);
    const Film film = loadFilm(dir / "nowin.dcm");
    EXPECT_EQ(film.window.source, "percentile");
    EXPECT_NEAR(film.window.center - film.window.width / 2, 1000, 30);
    EXPECT_NEAR(film.window.center + film.window.width / 2, 2000, 30);
}

TEST(DicomDisplay, VoiLutUsedWhenNoWindow) {
    const auto path = test::scratchDir() / "voilut.dcm";
    // 8-bit stored film 0..255 and a VOI LUT that maps value v (from 0) to 4095 - 16 v (12-bit output).
    std::string lutData;
    for (int v = 0; v < 256; ++v) lutData += test::le16(static_cast<std::uint16_t>(4095 - 16 * v));
    const std::string item = test::dicomElement(0x0028, 0x3002, "US", test::usValues({256, 0, 12})) +
                             test::dicomElement(0x0028, 0x3006, "OW", lutData);
    std::string pixels;
    for (int i = 0; i < 16 * 16; ++i) pixels += static_cast<char>(i);
    test::writeBytes(path, test::dicomFile(test::greyPixelModule(16, 16, 8, 8, false) +
                                           test::dicomSequence(0x0028, 0x3010, {item}) +
                                           test::dicomElement(0x7FE0, 0x0010, "OB", pixels)));
    const Film film = loadFilm(path);
    ASSERT_TRUE(film.voiLut.has_value());
    EXPECT_EQ(film.window.source, "voi-lut");
    EXPECT_EQ(film.voiLut->entries.size(), 256u);
    const auto display = toDisplay8(film);
    for (int v : {0, 17, 128, 255})
        EXPECT_NEAR(display[static_cast<std::size_t>(v)], std::round((4095 - 16 * v) * 255.0 / 4095), 1) << v;
}

TEST(DicomDisplay, RescaleGivesModalityValues) {
    const auto dir = test::scratchDir();
    DicomImage image = test::testDicomImage(12);
    image.rescaleSlope = 2;
    image.rescaleIntercept = -1024;
    writeDicom(dir / "rescaled.dcm", image, DicomSyntax::ImplicitLittle);
    const Film film = loadFilm(dir / "rescaled.dcm");
    EXPECT_DOUBLE_EQ(film.meta.rescaleSlope, 2);
    EXPECT_DOUBLE_EQ(film.meta.rescaleIntercept, -1024);
    for (std::size_t i : {0u, 1u, 500u, 3071u}) EXPECT_EQ(film.pixels[i], image.pixels[i] * 2.0f - 1024.0f) << i;
}

TEST(DicomDisplay, SignedTwelveBitPixelsAreSignExtended) {
    const auto path = test::scratchDir() / "signed12.dcm";
    // 12 bits stored in 16, only the low 12 bits meaningful: 0x0FFB is -5, 0x0800 is -2048;
    // the high nibble carries junk that must be masked off.
    const std::vector<std::uint16_t> words = {0x0FFB, 0x0800, 0x07FF, 0xF005};
    std::string pixels;
    for (auto w : words) pixels += test::le16(w);
    test::writeBytes(path, test::dicomFile(test::greyPixelModule(2, 2, 16, 12, true) +
                                           test::dicomElement(0x7FE0, 0x0010, "OW", pixels)));
    const Film film = loadFilm(path);
    EXPECT_EQ(film.pixels, (std::vector<float>{-5, -2048, 2047, 5}));
    EXPECT_TRUE(film.meta.signedPixels);
}

TEST(DicomDisplay, MultiFrameGivesFirstFrameAndWarning) {
    const auto path = test::scratchDir() / "frames.dcm";
    std::string pixels(2 * 8 * 4, '\0');
    for (int i = 0; i < 8 * 4; ++i) pixels[static_cast<std::size_t>(i)] = static_cast<char>(i + 1);   // frame 1
    for (int i = 0; i < 8 * 4; ++i) pixels[static_cast<std::size_t>(32 + i)] = static_cast<char>(200); // frame 2
    test::writeBytes(path, test::dicomFile(test::greyPixelModule(8, 4, 8, 8, false, "MONOCHROME2", 1, 2) +
                                           test::dicomElement(0x7FE0, 0x0010, "OB", pixels)));
    const Film film = loadFilm(path);
    EXPECT_EQ(film.meta.frames, 2);
    ASSERT_EQ(film.pixels.size(), 32u);
    EXPECT_EQ(film.pixels[0], 1.0f);
    EXPECT_EQ(film.pixels[31], 32.0f);
    ASSERT_FALSE(film.warnings.empty());
    EXPECT_EQ(film.warnings.front().code(), "film.multi_frame");
    EXPECT_EQ(englishText(film.warnings.front()), "multi-frame file (2 frames): showing the first");
}

TEST(DicomDisplay, ColourFilmBecomesGreyWithWarning) {
    const auto path = test::scratchDir() / "rgb.dcm";
    std::string pixels;
    for (int i = 0; i < 4 * 2; ++i) pixels += i % 2 ? std::string("\xFF\0\0", 3) : std::string("\0\0\xFF", 3);
    test::writeBytes(path, test::dicomFile(test::greyPixelModule(4, 2, 8, 8, false, "RGB", 3) +
                                           test::dicomElement(0x7FE0, 0x0010, "OB", pixels)));
    const Film film = loadFilm(path);
    ASSERT_EQ(film.pixels.size(), 8u);
    EXPECT_NEAR(film.pixels[0], 0.114 * 255, 1.0);  // blue
    EXPECT_NEAR(film.pixels[1], 0.299 * 255, 1.0);  // red
    EXPECT_EQ(film.meta.samplesPerPixel, 3);
    bool warned = false;
    for (const auto& w : film.warnings) warned |= w == Notice("film.colour_to_grey").text("photometric", "RGB");
    EXPECT_TRUE(warned);
}

TEST(DicomDisplay, DicomWithoutPreambleIsRead) {
    const auto path = test::scratchDir() / "raw";
    std::string pixels;
    for (int i = 0; i < 16; ++i) pixels += test::le16(static_cast<std::uint16_t>(i * 100));
    // A bare implicit-VR dataset, as old archives hold: no preamble, no meta header.
    std::string body;
    auto implicitUs = [](std::uint16_t g, std::uint16_t e, std::uint16_t v) {
        return test::le16(g) + test::le16(e) + test::le32(2) + test::le16(v);
    };
    body += test::le16(0x0008) + test::le16(0x0060) + test::le32(2) + "CR";
    body += test::le16(0x0028) + test::le16(0x0004) + test::le32(12) + "MONOCHROME2 ";
    body += implicitUs(0x0028, 0x0010, 4) + implicitUs(0x0028, 0x0011, 4) + implicitUs(0x0028, 0x0100, 16) +
            implicitUs(0x0028, 0x0101, 12) + implicitUs(0x0028, 0x0102, 11) + implicitUs(0x0028, 0x0103, 0);
    body += test::le16(0x7FE0) + test::le16(0x0010) + test::le32(static_cast<std::uint32_t>(pixels.size())) + pixels;
    test::writeBytes(path, body);
    EXPECT_EQ(sniffFormat(path), "DICOM");
    const Film film = loadFilm(path);
    EXPECT_EQ(film.meta.modality, "CR");
    EXPECT_EQ(film.pixels[15], 1500.0f);
}

}  // namespace
}  // namespace cxr::imaging
