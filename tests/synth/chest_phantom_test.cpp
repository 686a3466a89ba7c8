// The rendered films: deterministic, anatomically arranged, opacities where their boxes say and
// nowhere else, and no class cue in overall brightness.
#include <algorithm>
#include <cmath>
#include <numeric>

#include <gtest/gtest.h>

#include "core/imaging/display.h"
#include "core/synth/chest_phantom.h"
#include "core/synth/film_encoding.h"
#include "core/synth/film_plan.h"

namespace cxr::synth {
namespace {

std::vector<FilmPlan> plans(int films, int size, std::uint64_t seed = 3) {
    SynthOptions o;
    o.train = films;
    o.val = 0;
    o.test = 0;
    o.size = size;
    o.seed = seed;
    return planSyntheticSet(o);
}

double meanIn(const ChestFilm& film, const std::vector<float>& values, const OpacityBox& b) {
    double sum = 0;
    for (int y = b.y0; y < b.y1; ++y)
        for (int x = b.x0; x < b.x1; ++x)
            sum += values[static_cast<size_t>(y) * film.width + x];
    return sum / ((b.x1 - b.x0) * (b.y1 - b.y0));
}

TEST(ChestPhantom, SamePlanSamePixels) {
    const auto p = plans(8, 128);
    for (const auto& plan : p) {
        const ChestFilm a = renderChestFilm(plan), b = renderChestFilm(plan);
        EXPECT_EQ(a.intensity, b.intensity) << plan.relativePath;
        ASSERT_EQ(a.width, plan.width);
        ASSERT_EQ(a.height, plan.height);
        ASSERT_EQ(a.intensity.size(), static_cast<size_t>(plan.width) * plan.height);
    }
}

TEST(ChestPhantom, LungFieldsAreDarkerThanTheMediastinum) {
    for (const auto& plan : plans(6, 128)) {
        const ChestFilm film = renderChestFilm(plan, false);
        double lung = 0, centre = 0;
        int nLung = 0, nCentre = 0;
        for (int y = film.height / 3; y < film.height * 2 / 3; ++y) {
            for (int x = 0; x < film.width; ++x) {
                const size_t i = static_cast<size_t>(y) * film.width + x;
                if (film.lungMask[i]) {
                    lung += film.intensity[i];
                    ++nLung;
                } else if (std::abs(x - film.width / 2) < film.width / 30) {
                    centre += film.intensity[i];
                    ++nCentre;
                }
            }
        }
        ASSERT_GT(nLung, film.width * film.height / 20) << plan.relativePath;
        ASSERT_GT(nCentre, 0);
        EXPECT_LT(lung / nLung + 0.1, centre / nCentre) << plan.relativePath;
    }
}

TEST(ChestPhantom, OpacityBoxesLieInsideTheFilmAndTheLungs) {
    int boxes = 0;
    for (const auto& plan : plans(40, 160)) {
        const ChestFilm film = renderChestFilm(plan);
        if (!plan.pneumonia()) {
            EXPECT_TRUE(film.opacities.empty()) << plan.relativePath;
            continue;
        }
        EXPECT_GE(film.opacities.size(), 1u) << plan.relativePath;
        EXPECT_LE(film.opacities.size(), 3u) << plan.relativePath;
        for (const auto& b : film.opacities) {
            ++boxes;
            ASSERT_GE(b.x0, 0);
            ASSERT_GE(b.y0, 0);
            ASSERT_LE(b.x1, film.width);
            ASSERT_LE(b.y1, film.height);
            ASSERT_LT(b.x0, b.x1);
            ASSERT_LT(b.y0, b.y1);
            int inLung = 0;
            for (int y = b.y0; y < b.y1; ++y)
                for (int x = b.x0; x < b.x1; ++x)
                    inLung += film.lungMask[static_cast<size_t>(y) * film.width + x] != 0;
            EXPECT_GT(inLung, 0.6 * (b.x1 - b.x0) * (b.y1 - b.y0)) << plan.relativePath;
        }
    }
    EXPECT_GT(boxes, 20);
}

TEST(ChestPhantom, OpacityRaisesIntensityInItsBoxAndNowhereElse) {
    int checked = 0;
    double totalAdded = 0;
    for (const auto& plan : plans(30, 160)) {
        if (!plan.pneumonia())
            continue;
        const ChestFilm with = renderChestFilm(plan, true), without = renderChestFilm(plan, false);
        ASSERT_EQ(with.intensity.size(), without.intensity.size());
        std::vector<float> added(with.intensity.size());
        for (size_t i = 0; i < added.size(); ++i)
            added[i] = with.intensity[i] - without.intensity[i];
        for (const auto& b : with.opacities) {
            const double inside = meanIn(with, added, b);
            EXPECT_GT(inside, 0.01) << plan.relativePath;  // even the faintest: ~3 grey levels of 255
            totalAdded += inside;
            // The same box in the film without opacities is darker than with.
            EXPECT_GT(meanIn(with, with.intensity, b), meanIn(without, without.intensity, b) + 0.01);
            ++checked;
        }
        // More than a box's own size away from every box the films are identical but for
        // rounding: the opacity's faint Gaussian tail stays near its box.
        for (int y = 0; y < with.height; ++y)
            for (int x = 0; x < with.width; ++x) {
                bool near = false;
                for (const auto& b : with.opacities) {
                    const int mx = b.x1 - b.x0, my = b.y1 - b.y0;
                    near = near || (x >= b.x0 - mx && x < b.x1 + mx && y >= b.y0 - my && y < b.y1 + my);
                }
                if (!near)
                    ASSERT_LT(std::abs(added[static_cast<size_t>(y) * with.width + x]), 0.01f)
                        << plan.relativePath << " at " << x << "," << y;
            }
    }
    EXPECT_GT(checked, 15);
    EXPECT_GT(totalAdded / checked, 0.03);  // typical opacities are clearly visible (~8 levels)
}

TEST(ChestPhantom, OverallBrightnessCarriesNoClassCue) {
    std::vector<double> normal, pneumonia;
    for (const auto& plan : plans(240, 64, 11)) {
        const ChestFilm film = renderChestFilm(plan);
        const double mean = std::accumulate(film.intensity.begin(), film.intensity.end(), 0.0) /
                            static_cast<double>(film.intensity.size());
        (plan.pneumonia() ? pneumonia : normal).push_back(mean);
    }
    auto stats = [](const std::vector<double>& v) {
        const double m = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
        double var = 0;
        for (double x : v)
            var += (x - m) * (x - m);
        return std::pair<double, double>{m, std::sqrt(var / static_cast<double>(v.size() - 1))};
    };
    const auto [mn, sn] = stats(normal);
    const auto [mp, sp] = stats(pneumonia);
    ASSERT_GT(normal.size(), 40u);
    // Film-to-film exposure varies far more than the opacities shift the mean.
    EXPECT_LT(std::abs(mp - mn), 0.35 * std::min(sn, sp)) << "normal " << mn << " pneumonia " << mp;
}

TEST(FilmEncoding, TwelveBitStoredValuesAndMonochrome1Inverts) {
    const auto plan = plans(1, 96).front();
    const ChestFilm film = renderChestFilm(plan);
    const auto mono2 = toStored12(film, "MONOCHROME2");
    const auto mono1 = toStored12(film, "MONOCHROME1");
    ASSERT_EQ(mono2.size(), film.intensity.size());
    for (size_t i = 0; i < mono2.size(); ++i) {
        ASSERT_LE(mono2[i], 4095);
        ASSERT_EQ(mono1[i], 4095 - mono2[i]);
    }
}

TEST(FilmEncoding, JpegPixelsAreWhatAViewerShowsOfTheDicomFilm) {
    // Same film, either photometric: the JPEG export must equal the DICOM film through its own
    // window, or models trained on one format misread the other.
    for (const auto& plan : plans(4, 128)) {
        const ChestFilm rendered = renderChestFilm(plan);
        const auto grey = toGrey8(rendered);
        for (const std::string photometric : {"MONOCHROME2", "MONOCHROME1"}) {
            const auto stored = toStored12(rendered, photometric);
            const StoredWindow w = percentileStoredWindow(stored);
            imaging::Film dicom;
            dicom.width = rendered.width;
            dicom.height = rendered.height;
            dicom.pixels.assign(stored.begin(), stored.end());
            dicom.window.center = w.center;
            dicom.window.width = w.width;
            dicom.invert = photometric == "MONOCHROME1";
            const auto shown = imaging::toDisplay8(dicom);
            ASSERT_EQ(shown.size(), grey.size());
            int worst = 0;  // rounding at half levels (float pixels, the inverted window)
            for (size_t i = 0; i < grey.size(); ++i)
                worst = std::max(worst, std::abs(int(shown[i]) - int(grey[i])));
            EXPECT_LE(worst, 1) << photometric;
        }
        // Windowed: the film's own range fills the 8 bits (the plain mapping peaked near 150).
        std::vector<std::uint8_t> sorted = grey;
        std::sort(sorted.begin(), sorted.end());
        EXPECT_LE(sorted[sorted.size() / 100], 3);
        EXPECT_GE(sorted[sorted.size() * 99 / 100], 252);
    }
}

TEST(FilmEncoding, DicomHeaderIsAPlausibleSyntheticChestFilm) {
    SynthOptions o;
    o.train = 6;
    o.val = o.test = 0;
    o.size = 64;
    o.dicom = true;
    for (const auto& plan : planSyntheticSet(o)) {
        const auto image = makeDicomImage(plan, renderChestFilm(plan));
        EXPECT_EQ(image.bitsStored, 12);
        EXPECT_EQ(image.photometric, plan.photometric);
        EXPECT_EQ(image.meta.modality, "DX");
        EXPECT_EQ(image.meta.bodyPart, "CHEST");
        EXPECT_NE(image.patient.name.find(plan.patientId), std::string::npos);
        EXPECT_FALSE(image.patient.id.empty());
        EXPECT_EQ(image.patient.birthDate.size(), 8u);
        for (const auto* uid : {&image.patient.studyInstanceUid, &image.patient.seriesInstanceUid,
                                &image.patient.sopInstanceUid}) {
            EXPECT_LE(uid->size(), 64u);
            EXPECT_EQ(uid->find_first_not_of("0123456789."), std::string::npos) << *uid;
        }
        EXPECT_GT(image.pixelSpacing, 0);
        if (image.windowWidth > 0)
            EXPECT_GT(image.windowCenter, 0);
    }
}

}  // namespace
}  // namespace cxr::synth
