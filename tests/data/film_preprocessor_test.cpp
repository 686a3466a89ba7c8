// FilmPreprocessor: the film side of the model's chain — full decode, the film's window, one
// resize — and the film cache holds exactly its pixels.
#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/data/film_cache.h"
#include "core/data/film_cache_builder.h"
#include "core/data/film_preprocessor.h"
#include "core/imaging/display.h"
#include "core/imaging/film_writer.h"
#include "core/imaging/load_film.h"
#include "test_dirs.h"

namespace fs = std::filesystem;
using namespace cxr;

namespace {

// A 3000 x 2400 JPEG: large enough that a reduced (DCT-scaled) decode would be chosen by any
// rule that allows one, with detail that a reduced decode would change.
fs::path writeLargeJpeg(const fs::path& dir) {
    const int w = 3000, h = 2400;
    std::vector<std::uint8_t> g(static_cast<std::size_t>(w) * h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            g[static_cast<std::size_t>(y) * w + x] = static_cast<std::uint8_t>(((x / 3) ^ (y / 5)) * 7 + x / 40);
    const auto path = dir / "IM-0001-0001.jpeg";
    imaging::writeRaster(path, g, w, h);
    return path;
}

TEST(FilmPreprocessor, DecodesAtFullResolutionAndResizesOnce) {
    const auto dir = test::scratchDir();
    const auto path = writeLargeJpeg(dir);
    const data::FilmPreprocessor pre;
    EXPECT_EQ(pre.loadOptions().minDecodeSide, 0);
    const auto film = imaging::loadFilm(path, pre.loadOptions());
    EXPECT_EQ(film.width, 3000);
    const auto expected = imaging::resizeGrey8(imaging::toDisplay8(film), film.width, film.height, 224, 224);
    EXPECT_EQ(pre.toGrey8(film), expected);
    EXPECT_EQ(pre.fileToGrey8(path), expected);
    EXPECT_EQ(pre.toGrey8(film, 256).size(), 256u * 256u);
}

TEST(FilmPreprocessor, RefusesAFilmDecodedAtReducedScale) {
    const auto dir = test::scratchDir();
    const auto path = writeLargeJpeg(dir);
    imaging::LoadOptions reduced;
    reduced.minDecodeSide = 300;
    const auto film = imaging::loadFilm(path, reduced);
    ASSERT_GT(film.meta.decodeReduction, 1);
    const data::FilmPreprocessor pre;
    try {
        pre.toGrey8(film);
        FAIL() << "a reduced decode was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("full resolution"), std::string::npos) << e.what();
    }
}

TEST(FilmPreprocessor, TheCacheAtTheInputSizeHoldsTheChainsPixels) {
    const auto dir = test::scratchDir();
    const auto path = writeLargeJpeg(dir);
    data::FilmEntry entry;
    entry.path = path;
    entry.label = 0;
    entry.split = "test";
    entry.className = "NORMAL";
    entry.patientId = "IM-0001";
    data::FilmCacheBuildOptions options;
    options.workingSize = 224;
    data::buildFilmCache({entry}, dir / "films-224.cache", options);
    const auto cache = data::FilmCache::open(dir / "films-224.cache");
    const auto expected = data::FilmPreprocessor().fileToGrey8(path);
    ASSERT_EQ(cache.side(), 224);
    const std::uint8_t* cached = cache.image(0);
    EXPECT_TRUE(std::equal(expected.begin(), expected.end(), cached));
}

}  // namespace
