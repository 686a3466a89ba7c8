// Every class of bad input gives a cxr::Error naming the file and the reason, never a crash
// and never a silent blank film.
#include <chrono>
#include <string>

#include <gtest/gtest.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "core/common/error.h"
#include "dicom_bytes.h"
#include "core/imaging/film_writer.h"
#include "core/imaging/load_film.h"
#include "imaging_test_support.h"
#include "test_dirs.h"

namespace cxr::imaging {
namespace {

// Loads `path` expecting a cxr::Error of `code`; returns its message for further checks.
std::string expectLoadError(const std::filesystem::path& path, ErrorCode code, const LoadOptions& options = {}) {
    try {
        const Film film = loadFilm(path, options);
        ADD_FAILURE() << "loaded " << path << " (" << film.width << " x " << film.height << ") instead of failing";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), code) << e.what();
        EXPECT_NE(std::string(e.what()).find(path.filename().string()), std::string::npos)
            << "message does not name the file: " << e.what();
        return e.what();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "not a cxr::Error: " << e.what();
    }
    return {};
}

std::string explicitLittleFilm(const std::filesystem::path& dir) {
    writeDicom(dir / "good.dcm", test::testDicomImage(12), DicomSyntax::ExplicitLittle);
    return test::readBytes(dir / "good.dcm");
}

TEST(BadInput, EmptyFile) {
    const auto path = test::scratchDir() / "empty.dcm";
    test::writeBytes(path, "");
    EXPECT_NE(expectLoadError(path, ErrorCode::InvalidInput).find("empty"), std::string::npos);
}

TEST(BadInput, TextFileIsNotAnImage) {
    const auto path = test::scratchDir() / "notes.jpeg";
    test::writeBytes(path, "Patient positioned PA, good inspiration.\nNo acute findings.\n");
    const auto message = expectLoadError(path, ErrorCode::InvalidInput);
    EXPECT_NE(message.find("not an image"), std::string::npos) << message;
    EXPECT_NE(message.find("text"), std::string::npos) << message;
}

TEST(BadInput, RandomBytesAreNotAnImage) {
    const auto path = test::scratchDir() / "noise.png";
    std::string bytes;
    for (int i = 0; i < 300; ++i) bytes += static_cast<char>((i * 73 + 11) % 251 + 3);
    test::writeBytes(path, bytes);
    EXPECT_NE(expectLoadError(path, ErrorCode::InvalidInput).find("not an image"), std::string::npos);
}

TEST(BadInput, DirectoryAndMissingFile) {
    const auto dir = test::scratchDir();
    std::filesystem::create_directories(dir / "films.dcm");
    EXPECT_NE(expectLoadError(dir / "films.dcm", ErrorCode::InvalidInput).find("folder"), std::string::npos);
    expectLoadError(dir / "absent.dcm", ErrorCode::NotFound);
}

TEST(BadInput, TruncatedDicomInPixelData) {
    const auto dir = test::scratchDir();
    const std::string good = explicitLittleFilm(dir);
    test::writeBytes(dir / "cut.dcm", good.substr(0, good.size() - 1000));
    const auto message = expectLoadError(dir / "cut.dcm", ErrorCode::Corrupt);
    EXPECT_NE(message.find("truncated"), std::string::npos) << message;
}

TEST(BadInput, TruncatedDicomInHeader) {
    const auto dir = test::scratchDir();
    const std::string good = explicitLittleFilm(dir);
    test::writeBytes(dir / "cut.dcm", good.substr(0, 400));
    expectLoadError(dir / "cut.dcm", ErrorCode::Corrupt);
}

TEST(BadInput, TruncatedCompressedDicom) {
    const auto dir = test::scratchDir();
    for (DicomSyntax syntax : {DicomSyntax::JpegLossless, DicomSyntax::JpegLsLossless, DicomSyntax::Rle,
                               DicomSyntax::Jpeg2000Lossless}) {
        writeDicom(dir / "good.dcm", test::testDicomImage(12), syntax);
        const std::string good = test::readBytes(dir / "good.dcm");
        test::writeBytes(dir / "cut.dcm", good.substr(0, good.size() * 3 / 4));
        SCOPED_TRACE(dicomSyntaxName(syntax));
        expectLoadError(dir / "cut.dcm", ErrorCode::Corrupt);
    }
}

// Cutting a film anywhere must end in a cxr::Error or a film with pixels, never a crash.
TEST(BadInput, EveryTruncationPointIsHandled) {
    const auto dir = test::scratchDir();
    for (DicomSyntax syntax : test::allDicomSyntaxes()) {
        writeDicom(dir / "good.dcm", test::testDicomImage(12), syntax);
        const std::string good = test::readBytes(dir / "good.dcm");
        for (std::size_t cut = 0; cut < good.size(); cut += 61) {
            try {
                const Film film = loadFilmFromMemory(reinterpret_cast<const std::uint8_t*>(good.data()), cut, "cut.dcm");
                EXPECT_EQ(film.pixels.size(), static_cast<std::size_t>(film.width) * film.height);
            } catch (const Error&) {
            }
        }
    }
}

TEST(BadInput, DicomWithoutPixelDataNamesWhatItIs) {
    const auto dir = test::scratchDir();
    const std::string sr = "1.2.840.10008.5.1.4.1.1.88.11";  // Basic Text SR
    test::writeBytes(dir / "report.dcm",
                     test::dicomFile(test::dicomElement(0x0008, 0x0016, "UI", sr) +
                                         test::dicomElement(0x0008, 0x0060, "CS", "SR") +
                                         test::dicomElement(0x0010, 0x0010, "PN", "Doe^Jane"),
                                     "1.2.840.10008.1.2.1", sr));
    auto message = expectLoadError(dir / "report.dcm", ErrorCode::InvalidInput);
    EXPECT_NE(message.find("no pixel data"), std::string::npos) << message;
    EXPECT_NE(message.find("SR"), std::string::npos) << message;
    EXPECT_EQ(message.find("Doe"), std::string::npos) << "patient name leaked into the message";

    const std::string plan = "1.2.840.10008.5.1.4.1.1.481.5";  // RT Plan
    test::writeBytes(dir / "plan.dcm", test::dicomFile(test::dicomElement(0x0008, 0x0016, "UI", plan) +
                                                           test::dicomElement(0x0008, 0x0060, "CS", "RTPLAN"),
                                                       "1.2.840.10008.1.2.1", plan));
    message = expectLoadError(dir / "plan.dcm", ErrorCode::InvalidInput);
    EXPECT_NE(message.find("RTPLAN"), std::string::npos) << message;
}

TEST(BadInput, HugeDeclaredDicomIsRefusedBeforeAllocating) {
    const auto path = test::scratchDir() / "bomb.dcm";
    test::writeBytes(path, test::dicomFile(test::greyPixelModule(60000, 60000, 16, 16, false) +
                                           test::dicomElement(0x7FE0, 0x0010, "OW", std::string(64, '\1'))));
    const auto start = std::chrono::steady_clock::now();
    const auto message = expectLoadError(path, ErrorCode::TooLarge);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
    EXPECT_NE(message.find("60000 x 60000"), std::string::npos) << message;
}

TEST(BadInput, HugeDeclaredPngIsRefusedBeforeDecoding) {
    const auto dir = test::scratchDir();
    writeRaster(dir / "small.png", std::vector<std::uint8_t>(64 * 48, 100), 64, 48);
    std::string png = test::readBytes(dir / "small.png");
    // IHDR width and height (big endian) at bytes 16..23.
    const std::string side = {'\0', '\0', '\xEA', '\x60'};  // 60000
    png.replace(16, 4, side);
    png.replace(20, 4, side);
    test::writeBytes(dir / "bomb.png", png);
    EXPECT_NE(expectLoadError(dir / "bomb.png", ErrorCode::TooLarge).find("60000"), std::string::npos);
}

TEST(BadInput, LimitsComeFromLoadOptions) {
    const auto dir = test::scratchDir();
    writeDicom(dir / "film.dcm", test::testDicomImage(12), DicomSyntax::JpegLsLossless);
    LoadOptions tight;
    tight.maxSide = 50;  // the film is 64 wide
    expectLoadError(dir / "film.dcm", ErrorCode::TooLarge, tight);
    tight = {};
    tight.maxPixels = 64 * 48 - 1;
    expectLoadError(dir / "film.dcm", ErrorCode::TooLarge, tight);
    tight.maxPixels = 64 * 48;
    EXPECT_NO_THROW(loadFilm(dir / "film.dcm", tight));
}

TEST(BadInput, UnsupportedTransferSyntaxIsNamed) {
    const auto dir = test::scratchDir();
    // MPEG2 video in a DICOM file: a real syntax neither DCMTK nor we decode.
    test::writeBytes(dir / "video.dcm",
                     test::dicomFile(test::greyPixelModule(64, 48, 8, 8, false) +
                                         test::encapsulatedPixelData({std::string(100, '\x55')}),
                                     "1.2.840.10008.1.2.4.100"));
    auto message = expectLoadError(dir / "video.dcm", ErrorCode::Unsupported);
    EXPECT_NE(message.find("1.2.840.10008.1.2.4.100"), std::string::npos) << message;
    EXPECT_NE(message.find("MPEG2"), std::string::npos) << message;
    EXPECT_EQ(message.find("Missing attribute"), std::string::npos) << message;

    // JPEG 2000 Part 2 (multi-component): patch a JPEG-LS film's syntax UID (same length).
    writeDicom(dir / "jls.dcm", test::testDicomImage(12), DicomSyntax::JpegLsLossless);
    std::string bytes = test::readBytes(dir / "jls.dcm");
    const auto at = bytes.find("1.2.840.10008.1.2.4.80");
    ASSERT_NE(at, std::string::npos);
    bytes.replace(at, 22, "1.2.840.10008.1.2.4.92");
    test::writeBytes(dir / "part2.dcm", bytes);
    message = expectLoadError(dir / "part2.dcm", ErrorCode::Unsupported);
    EXPECT_NE(message.find("1.2.840.10008.1.2.4.92"), std::string::npos) << message;
}

TEST(BadInput, UnsupportedBitsAllocated) {
    const auto path = test::scratchDir() / "float.dcm";
    test::writeBytes(path, test::dicomFile(test::greyPixelModule(4, 4, 32, 32, false) +
                                           test::dicomElement(0x7FE0, 0x0010, "OW", std::string(64, '\0'))));
    EXPECT_NE(expectLoadError(path, ErrorCode::Unsupported).find("32 bits"), std::string::npos);
}

TEST(BadInput, DamagedRasterFiles) {
    const auto dir = test::scratchDir();
    writeRaster(dir / "film.png", std::vector<std::uint8_t>(64 * 48, 100), 64, 48);
    const std::string png = test::readBytes(dir / "film.png");
    test::writeBytes(dir / "cut.png", png.substr(0, 40));
    expectLoadError(dir / "cut.png", ErrorCode::Corrupt);
    test::writeBytes(dir / "header-only.jpg", std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0", 11));
    expectLoadError(dir / "header-only.jpg", ErrorCode::Corrupt);
}

}  // namespace
}  // namespace cxr::imaging
