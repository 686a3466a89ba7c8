// Raster films through OpenCV: 8- and 16-bit grey, colour to grey, reduced JPEG decoding,
// and content sniffing that ignores the file name.
#include <gtest/gtest.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/common/error.h"

#include "dicom_bytes.h"
#include "core/imaging/display.h"
#include "core/imaging/film_writer.h"
#include "core/imaging/load_film.h"
#include "imaging_test_support.h"
#include "test_dirs.h"

namespace cxr::imaging {
namespace {

std::vector<std::uint8_t> gradient8(int width, int height) {
    std::vector<std::uint8_t> grey(static_cast<std::size_t>(width) * height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            grey[static_cast<std::size_t>(y) * width + x] = static_cast<std::uint8_t>((x * 4 + y * 3 + (x * y) % 7) % 256);
    return grey;
}

bool hasWarning(const Film& film, const std::string& word) {
    for (const auto& w : film.warnings)
        if (englishText(w).find(word) != std::string::npos) return true;
    return false;
}

TEST(RasterFilms, EightBitLosslessFormatsRoundTripAndDisplayUnchanged) {
    const auto dir = test::scratchDir();
    const auto grey = gradient8(test::kWidth, test::kHeight);
    for (const std::string name : {"film.png", "film.bmp", "film.tif"}) {
        writeRaster(dir / name, grey, test::kWidth, test::kHeight);
        const Film film = loadFilm(dir / name);
        SCOPED_TRACE(name);
        ASSERT_EQ(film.width, test::kWidth);
        ASSERT_EQ(film.height, test::kHeight);
        EXPECT_EQ(film.meta.bitsStored, 8);
        EXPECT_TRUE(film.isEightBitRaster());
        EXPECT_EQ(film.window.source, "full-range");
        EXPECT_EQ(toDisplay8(film), grey) << "an 8-bit film must display exactly its stored bytes";
        EXPECT_TRUE(film.warnings.empty());
    }
    EXPECT_EQ(loadFilm(dir / "film.png").meta.format, "PNG");
    EXPECT_EQ(loadFilm(dir / "film.bmp").meta.format, "BMP");
    EXPECT_EQ(loadFilm(dir / "film.tif").meta.format, "TIFF");
}

TEST(RasterFilms, SixteenBitPngKeepsValues) {
    const auto path = test::scratchDir() / "film16.png";
    cv::Mat mat(test::kHeight, test::kWidth, CV_16UC1);
    for (int y = 0; y < mat.rows; ++y)
        for (int x = 0; x < mat.cols; ++x) mat.at<std::uint16_t>(y, x) = static_cast<std::uint16_t>(x * 1000 + y * 7);
    ASSERT_TRUE(cv::imwrite(path.string(), mat));
    const Film film = loadFilm(path);
    EXPECT_EQ(film.meta.bitsStored, 16);
    EXPECT_EQ(film.window.source, "percentile");
    EXPECT_EQ(film.at(63, 47), 63000.0f + 47 * 7);
    EXPECT_EQ(film.at(1, 2), 1014.0f);
    const auto display = toDisplay8(film);
    EXPECT_LT(display[0], display[63]);
}

TEST(RasterFilms, ColourJpegBecomesGreyWithWarning) {
    const auto path = test::scratchDir() / "colour.jpg";
    cv::Mat bgr(test::kHeight, test::kWidth, CV_8UC3, cv::Scalar(0, 0, 0));
    bgr(cv::Rect(0, 0, 32, 48)).setTo(cv::Scalar(255, 0, 0));   // blue half
    bgr(cv::Rect(32, 0, 32, 48)).setTo(cv::Scalar(0, 0, 255));  // red half
    ASSERT_TRUE(cv::imwrite(path.string(), bgr));
    const Film film = loadFilm(path);
    EXPECT_EQ(film.meta.format, "JPEG");
    EXPECT_EQ(film.meta.samplesPerPixel, 3);
    EXPECT_TRUE(hasWarning(film, "colour")) << "colour must not be dropped silently";
    EXPECT_NEAR(film.at(10, 20), 0.114 * 255, 4);
    EXPECT_NEAR(film.at(50, 20), 0.299 * 255, 4);
}

TEST(RasterFilms, GreyPictureSavedAsRgbHasNoColourWarning) {
    const auto path = test::scratchDir() / "greyrgb.png";
    const auto grey = gradient8(test::kWidth, test::kHeight);
    cv::Mat g(test::kHeight, test::kWidth, CV_8UC1, const_cast<std::uint8_t*>(grey.data())), bgr;
    cv::cvtColor(g, bgr, cv::COLOR_GRAY2BGR);
    ASSERT_TRUE(cv::imwrite(path.string(), bgr));
    const Film film = loadFilm(path);
    EXPECT_FALSE(hasWarning(film, "colour"));
    EXPECT_EQ(toDisplay8(film), grey);
}

TEST(RasterFilms, ReducedJpegDecodingHonoursMinDecodeSide) {
    const auto path = test::scratchDir() / "big.jpeg";
    writeRaster(path, gradient8(256, 192), 256, 192, 95);
    LoadOptions options;
    options.minDecodeSide = 48;  // 192 / 4 = 48 still meets it; 192 / 8 would not
    Film film = loadFilm(path, options);
    EXPECT_EQ(film.width, 64);
    EXPECT_EQ(film.height, 48);
    EXPECT_TRUE(hasWarning(film, "1/4"));
    options.minDecodeSide = 100;  // 192 / 2 = 96 < 100: full size
    film = loadFilm(path, options);
    EXPECT_EQ(film.width, 256);
    EXPECT_EQ(film.height, 192);
    film = loadFilm(path);  // default: never reduced
    EXPECT_EQ(film.width, 256);
}

TEST(RasterFilms, JpegIsCloseToItsSource) {
    const auto path = test::scratchDir() / "film.jpeg";
    const auto grey = gradient8(test::kWidth, test::kHeight);
    writeRaster(path, grey, test::kWidth, test::kHeight, 100);
    const auto display = toDisplay8(loadFilm(path));
    double error = 0;
    for (std::size_t i = 0; i < grey.size(); ++i) error += std::abs(int(display[i]) - int(grey[i]));
    EXPECT_LT(error / grey.size(), 3.0);
}

TEST(Sniffing, ContentDecidesNotTheExtension) {
    const auto dir = test::scratchDir();
    writeRaster(dir / "film.png", gradient8(test::kWidth, test::kHeight), test::kWidth, test::kHeight);
    std::filesystem::rename(dir / "film.png", dir / "really-a-png.dcm");
    writeDicom(dir / "really-a-dicom.jpg", test::testDicomImage(12), DicomSyntax::ExplicitLittle);
    writeRaster(dir / "film.jpeg", gradient8(test::kWidth, test::kHeight), test::kWidth, test::kHeight);
    std::filesystem::rename(dir / "film.jpeg", dir / "no_extension");

    EXPECT_EQ(sniffFormat(dir / "really-a-png.dcm"), "PNG");
    EXPECT_EQ(loadFilm(dir / "really-a-png.dcm").meta.format, "PNG");
    EXPECT_EQ(sniffFormat(dir / "really-a-dicom.jpg"), "DICOM");
    EXPECT_EQ(loadFilm(dir / "really-a-dicom.jpg").meta.format, "DICOM");
    EXPECT_EQ(sniffFormat(dir / "no_extension"), "JPEG");
    EXPECT_EQ(loadFilm(dir / "no_extension").meta.format, "JPEG");

    test::writeBytes(dir / "notes.png", "hello");
    EXPECT_EQ(sniffFormat(dir / "notes.png"), "");
}

TEST(Sniffing, LoadFromMemoryMatchesLoadFromFile) {
    const auto dir = test::scratchDir();
    writeDicom(dir / "film.dcm", test::testDicomImage(12), DicomSyntax::Deflated);
    const std::string bytes = test::readBytes(dir / "film.dcm");
    const Film fromMemory =
        loadFilmFromMemory(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), "upload.dcm");
    EXPECT_EQ(fromMemory.pixels, loadFilm(dir / "film.dcm").pixels);
    try {
        loadFilmFromMemory(reinterpret_cast<const std::uint8_t*>(bytes.data()), 200, "upload.dcm");
        ADD_FAILURE() << "a 200-byte prefix loaded";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("upload.dcm"), std::string::npos);
    }
}

TEST(RasterWriter, RefusesUnknownExtensionAndBadSize) {
    const auto dir = test::scratchDir();
    EXPECT_THROW(writeRaster(dir / "film.gif", std::vector<std::uint8_t>(4, 0), 2, 2), Error);
    EXPECT_THROW(writeRaster(dir / "film.png", std::vector<std::uint8_t>(3, 0), 2, 2), Error);
    EXPECT_FALSE(std::filesystem::exists(dir / "film.png"));
}

}  // namespace
}  // namespace cxr::imaging
