// Display mapping, resizing, percentile windows and de-identification.
#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/imaging/deidentify.h"
#include "core/imaging/display.h"
#include "core/imaging/film_writer.h"
#include "core/imaging/load_film.h"
#include "core/imaging/windowing.h"
#include "imaging_test_support.h"
#include "test_dirs.h"

namespace cxr::imaging {
namespace {

Film filmOf(std::vector<float> pixels, int width) {
    Film film;
    film.width = width;
    film.height = static_cast<int>(pixels.size()) / width;
    film.pixels = std::move(pixels);
    return film;
}

TEST(Display, LinearWindowAndInversion) {
    const Film film = filmOf({-100, 0, 64, 255, 300}, 5);
    const DisplayWindow fullRange{127.5, 255, "file"};
    EXPECT_EQ(toDisplay8(film, fullRange, false), (std::vector<std::uint8_t>{0, 0, 64, 255, 255}));
    EXPECT_EQ(toDisplay8(film, fullRange, true), (std::vector<std::uint8_t>{255, 255, 191, 0, 0}));
    const DisplayWindow narrow{50, 100, "file"};  // 0 -> 0, 100 -> 255
    const Film ramp = filmOf({0, 25, 75, 100}, 4);
    EXPECT_EQ(toDisplay8(ramp, narrow, false), (std::vector<std::uint8_t>{0, 64, 191, 255}));
}

TEST(Display, FullRangeWindowIsIdentityForEightBit) {
    std::vector<float> values;
    for (int v = 0; v < 256; ++v) values.push_back(static_cast<float>(v));
    const Film film = filmOf(values, 16);
    const auto out = toDisplay8(film);
    for (int v = 0; v < 256; ++v) ASSERT_EQ(out[static_cast<std::size_t>(v)], v);
}

TEST(Display, ResizeShrinksByAreaAndEnlarges) {
    // 4 x 2 image of two 2x2 blocks (values 0,100,200,60 and 10,10,10,10).
    const std::vector<std::uint8_t> grey = {0, 100, 10, 10, 200, 60, 10, 10};
    const auto small = resizeGrey8(grey, 4, 2, 2, 1);
    ASSERT_EQ(small.size(), 2u);
    EXPECT_EQ(small[0], 90);  // mean of 0,100,200,60
    EXPECT_EQ(small[1], 10);
    EXPECT_EQ(resizeGrey8(grey, 4, 2, 9, 5).size(), 45u);
    EXPECT_EQ(resizeGrey8(grey, 4, 2, 4, 2), grey);
    EXPECT_THROW(resizeGrey8(grey, 3, 2, 2, 2), Error);
}

TEST(Windowing, PercentileWindowIgnoresOutliersAndHandlesFlatFilms) {
    std::vector<float> values;
    for (int i = 0; i < 10000; ++i) values.push_back(static_cast<float>(500 + i % 500));
    values[0] = -30000;
    values[1] = 30000;
    const auto window = percentileWindow(values);
    EXPECT_EQ(window.source, "percentile");
    EXPECT_NEAR(window.center - window.width / 2, 500, 10);
    EXPECT_NEAR(window.center + window.width / 2, 1000, 10);

    const auto flat = percentileWindow(std::vector<float>(100, 7.0f));
    EXPECT_GE(flat.width, 1.0);
    EXPECT_NEAR(flat.center, 7.5, 1e-9);
}

TEST(Deidentify, ClearsPatientAndIdentifyingTagsKeepsTechnicalOnes) {
    const auto dir = test::scratchDir();
    writeDicom(dir / "film.dcm", test::testDicomImage(12), DicomSyntax::ExplicitLittle);
    Film film = loadFilm(dir / "film.dcm");
    ASSERT_FALSE(film.patient.empty());
    auto find = [&](std::uint16_t g, std::uint16_t e) -> const DicomTag* {
        for (const auto& t : film.tags)
            if (t.group == g && t.element == e) return &t;
        return nullptr;
    };
    const DicomTag* name = find(0x0010, 0x0010);
    ASSERT_NE(name, nullptr);
    EXPECT_TRUE(name->identifying);
    EXPECT_EQ(name->value, "Doe^Jane");
    ASSERT_NE(find(0x0008, 0x0060), nullptr);
    EXPECT_FALSE(find(0x0008, 0x0060)->identifying);
    EXPECT_EQ(find(0x7FE0, 0x0010), nullptr) << "pixel data is not a tag-panel row";

    deidentify(film);
    EXPECT_TRUE(film.patient.empty());
    for (const auto& t : film.tags) {
        EXPECT_FALSE(t.identifying) << t.name;
        EXPECT_NE(t.group, 0x0010) << t.name;
        EXPECT_EQ(t.value.find("Doe"), std::string::npos) << t.name;
        EXPECT_EQ(t.value.find("PAT-0042"), std::string::npos) << t.name;
    }
    ASSERT_NE(find(0x0008, 0x0060), nullptr) << "modality is not identifying and stays";
    EXPECT_EQ(find(0x0008, 0x0018), nullptr) << "SOP Instance UID must go";
    EXPECT_EQ(film.meta.modality, "DX");
}

TEST(Deidentify, TagsAreSkippedWhenNotRequested) {
    // Without the tag panel's rows (the Diagnoser and the film cache skip them) the patient
    // fields are still read, exactly, for the checks that need them (age against the trained
    // population) and for deidentify to clear; pixels and technical metadata are unchanged.
    const auto dir = test::scratchDir();
    const auto image = test::testDicomImage(12);
    writeDicom(dir / "film.dcm", image, DicomSyntax::ExplicitLittle);
    LoadOptions options;
    options.readTags = false;
    Film film = loadFilm(dir / "film.dcm", options);
    EXPECT_TRUE(film.tags.empty());
    EXPECT_EQ(film.patient.name, image.patient.name);
    EXPECT_EQ(film.patient.id, image.patient.id);
    EXPECT_EQ(film.patient.birthDate, image.patient.birthDate);
    EXPECT_EQ(film.patient.sex, image.patient.sex);
    EXPECT_EQ(film.patient.accessionNumber, image.patient.accessionNumber);
    EXPECT_FALSE(film.patient.sopInstanceUid.empty());

    const Film withTags = loadFilm(dir / "film.dcm");
    EXPECT_FALSE(withTags.tags.empty());
    EXPECT_EQ(film.patient.name, withTags.patient.name);
    EXPECT_EQ(film.patient.sopInstanceUid, withTags.patient.sopInstanceUid);
    EXPECT_EQ(film.pixels, withTags.pixels);
    EXPECT_EQ(film.meta.modality, withTags.meta.modality);

    deidentify(film);
    EXPECT_TRUE(film.patient.empty());
    EXPECT_TRUE(film.patient.name.empty());
    EXPECT_TRUE(film.patient.id.empty());
    EXPECT_TRUE(film.patient.birthDate.empty());
    EXPECT_TRUE(film.tags.empty());
}

}  // namespace
}  // namespace cxr::imaging
