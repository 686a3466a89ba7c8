// writeDicom -> loadFilm in every transfer syntax: lossless codecs must give back the exact values.
#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/imaging/display.h"
#include "core/imaging/film_writer.h"
#include "core/imaging/load_film.h"
#include "imaging_test_support.h"
#include "test_dirs.h"

namespace cxr::imaging {
namespace {

enum class Variant { Unsigned12, Signed16Rescaled, Unsigned8, Monochrome1 };

std::string variantName(Variant v) {
    switch (v) {
    case Variant::Unsigned12: return "U12";
    case Variant::Signed16Rescaled: return "S16";
    case Variant::Unsigned8: return "U8";
    case Variant::Monochrome1: return "Mono1";
    }
    return "?";
}

// Expected modality values for a stored image (two's complement when signed).
std::vector<float> modalityValues(const DicomImage& image) {
    std::vector<float> out;
    for (auto raw : image.pixels) {
        const double stored = image.meta.signedPixels ? static_cast<std::int16_t>(raw) : raw;
        out.push_back(static_cast<float>(stored * image.rescaleSlope + image.rescaleIntercept));
    }
    return out;
}

DicomImage variantImage(Variant v) {
    switch (v) {
    case Variant::Unsigned12: return test::testDicomImage(12);
    case Variant::Unsigned8: return test::testDicomImage(8);
    case Variant::Monochrome1: return test::testDicomImage(12, "MONOCHROME1");
    case Variant::Signed16Rescaled: {
        DicomImage image = test::testDicomImage(16);
        image.meta.signedPixels = true;
        for (auto& p : image.pixels) p = static_cast<std::uint16_t>(static_cast<int>(p) - 32768);  // -32768..32767
        image.rescaleSlope = 0.5;
        image.rescaleIntercept = -100;
        image.windowCenter = -100;
        image.windowWidth = 30000;
        return image;
    }
    }
    return {};
}

class DicomRoundTrip : public ::testing::TestWithParam<std::tuple<DicomSyntax, Variant>> {};

TEST_P(DicomRoundTrip, PixelsAndHeaderSurviveExactly) {
    const auto [syntax, variant] = GetParam();
    const DicomImage image = variantImage(variant);
    const auto path = test::scratchDir() / "film.dcm";
    writeDicom(path, image, syntax);

    const Film film = loadFilm(path);
    ASSERT_EQ(film.width, test::kWidth);
    ASSERT_EQ(film.height, test::kHeight);
    EXPECT_EQ(film.meta.format, "DICOM");
    EXPECT_EQ(film.meta.bitsStored, image.bitsStored);
    EXPECT_EQ(film.meta.signedPixels, image.meta.signedPixels);
    EXPECT_EQ(film.meta.photometric, image.photometric);
    EXPECT_EQ(film.invert, image.photometric == "MONOCHROME1");
    EXPECT_EQ(film.meta.modality, "DX");
    EXPECT_EQ(film.meta.viewPosition, "PA");
    EXPECT_EQ(film.meta.bodyPart, "CHEST");
    ASSERT_TRUE(film.pixelSpacingRow.has_value());
    EXPECT_NEAR(*film.pixelSpacingRow, 0.143, 1e-9);
    EXPECT_EQ(film.window.source, "file");
    EXPECT_DOUBLE_EQ(film.window.center, image.windowCenter);
    EXPECT_DOUBLE_EQ(film.window.width, image.windowWidth);
    EXPECT_EQ(film.patient.name, "Doe^Jane");
    EXPECT_EQ(film.patient.id, "PAT-0042");
    EXPECT_FALSE(film.patient.sopInstanceUid.empty());
    EXPECT_TRUE(film.warnings.empty()) << film.warnings.front();

    const auto expected = modalityValues(image);
    ASSERT_EQ(film.pixels.size(), expected.size());
    std::size_t mismatches = 0;
    for (std::size_t i = 0; i < expected.size(); ++i) mismatches += film.pixels[i] != expected[i];
    EXPECT_EQ(mismatches, 0u) << "first pixel: got " << film.pixels[0] << ", want " << expected[0];
}

TEST_P(DicomRoundTrip, NamesItsTransferSyntax) {
    const auto [syntax, variant] = GetParam();
    if (variant != Variant::Unsigned12) return;  // one check per syntax is enough
    const auto path = test::scratchDir() / "film";
    writeDicom(path, variantImage(variant), syntax);
    const Film film = loadFilm(path);
    static const std::map<DicomSyntax, std::string> kUids = {
        {DicomSyntax::ExplicitLittle, "1.2.840.10008.1.2.1"}, {DicomSyntax::ImplicitLittle, "1.2.840.10008.1.2"},
        {DicomSyntax::ExplicitBig, "1.2.840.10008.1.2.2"},    {DicomSyntax::Deflated, "1.2.840.10008.1.2.1.99"},
        {DicomSyntax::JpegLossless, "1.2.840.10008.1.2.4.70"}, {DicomSyntax::JpegLsLossless, "1.2.840.10008.1.2.4.80"},
        {DicomSyntax::Rle, "1.2.840.10008.1.2.5"},            {DicomSyntax::Jpeg2000Lossless, "1.2.840.10008.1.2.4.90"},
        {DicomSyntax::Jpeg2000, "1.2.840.10008.1.2.4.91"}};
    EXPECT_EQ(film.meta.transferSyntaxUid, kUids.at(syntax));
    EXPECT_FALSE(film.meta.transferSyntax.empty());
    EXPECT_EQ(dicomSyntaxFromName(dicomSyntaxName(syntax)), syntax);
}

INSTANTIATE_TEST_SUITE_P(
    AllSyntaxes, DicomRoundTrip,
    ::testing::Combine(::testing::ValuesIn(test::allDicomSyntaxes()),
                       ::testing::Values(Variant::Unsigned12, Variant::Signed16Rescaled, Variant::Unsigned8,
                                         Variant::Monochrome1)),
    [](const auto& info) {
        std::string name = dicomSyntaxName(std::get<0>(info.param));
        for (auto& c : name)
            if (c == '-') c = '_';
        return name + "_" + variantName(std::get<1>(info.param));
    });

TEST(DicomWriter, RejectsInconsistentImages) {
    const auto dir = test::scratchDir();
    DicomImage image = test::testDicomImage(12);
    image.pixels.pop_back();
    EXPECT_THROW(writeDicom(dir / "a.dcm", image, DicomSyntax::ExplicitLittle), Error);
    image = test::testDicomImage(12);
    image.pixels[5] = 5000;  // over 12 bits
    EXPECT_THROW(writeDicom(dir / "b.dcm", image, DicomSyntax::ExplicitLittle), Error);
    EXPECT_THROW(dicomSyntaxFromName("jpeg-xl"), Error);
    EXPECT_FALSE(std::filesystem::exists(dir / "a.dcm"));
}

}  // namespace
}  // namespace cxr::imaging
