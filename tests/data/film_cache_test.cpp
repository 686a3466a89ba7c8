// Film cache: decode once, reuse unchanged films, re-decode only changed ones, skip and report
// unreadable films, atomic replacement, cancellation. Films are 48 x 40 JPEG/PNG.
#include <fstream>
#include <thread>

#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/data/film_cache.h"
#include "core/data/film_cache_builder.h"
#include "core/imaging/display.h"
#include "core/imaging/film_writer.h"
#include "test_dirs.h"

namespace fs = std::filesystem;
using namespace cxr::data;

namespace {

constexpr int kW = 48, kH = 40, kSide = 16;

std::vector<std::uint8_t> pattern(int seed) {
    std::vector<std::uint8_t> g(static_cast<std::size_t>(kW * kH));
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x)
            g[static_cast<std::size_t>(y * kW + x)] = static_cast<std::uint8_t>((x * 5 + y * 3 + seed * 37) % 256);
    return g;
}

FilmEntry film(const fs::path& path, int label, const std::string& split = "train") {
    FilmEntry e;
    e.path = path;
    e.label = label;
    e.split = split;
    e.className = label ? "PNEUMONIA" : "NORMAL";
    e.patientId = path.stem().string();
    return e;
}

std::vector<FilmEntry> makeFilms(const fs::path& dir, int count) {
    std::vector<FilmEntry> films;
    for (int i = 0; i < count; ++i) {
        const fs::path p = dir / (i % 2 ? "PNEUMONIA" : "NORMAL") / ("f" + std::to_string(i) + (i % 3 ? ".png" : ".jpeg"));
        fs::create_directories(p.parent_path());
        cxr::imaging::writeRaster(p, pattern(i), kW, kH);
        films.push_back(film(p, i % 2));
    }
    return films;
}

struct CountingSink : cxr::ProgressSink {
    int calls = 0;
    bool sawEta = false;
    void onProgress(const cxr::Progress& p) override {
        ++calls;
        sawEta = sawEta || p.etaSeconds >= 0;
    }
};

}  // namespace

// The cache build is the start of a run and nothing else needs the cores then: by default it
// decodes on every hardware thread; an explicit count is kept.
TEST(FilmCache, DecodesOnEveryCoreUnlessToldOtherwise) {
    FilmCacheBuildOptions options;
    EXPECT_EQ(decodingThreads(options), static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    options.threads = 3;
    EXPECT_EQ(decodingThreads(options), 3);
}

TEST(FilmCache, BuildsThenReusesThenRedecodesOnlyChangedFilms) {
    const fs::path dir = cxr::test::scratchDir();
    const auto films = makeFilms(dir, 6);
    const fs::path cacheFile = dir / "cache/films.cxrcache";
    CountingSink sink;
    auto info = buildFilmCache(films, cacheFile, kSide, &sink);
    EXPECT_EQ(info.films, 6u);
    EXPECT_EQ(info.decoded, 6u);
    EXPECT_EQ(info.reused, 0u);
    EXPECT_GT(sink.calls, 0);
    {
        const auto cache = FilmCache::open(cacheFile);
        ASSERT_EQ(cache.size(), 6u);
        EXPECT_EQ(cache.side(), kSide);
        // The PNG film (lossless) must hold exactly the display-then-area-resize of its pixels.
        const auto expected = cxr::imaging::resizeGrey8(pattern(1), kW, kH, kSide, kSide);
        const auto i = cache.find(films[1].path.string());
        ASSERT_TRUE(i.has_value());
        EXPECT_EQ(std::vector<std::uint8_t>(cache.image(*i), cache.image(*i) + kSide * kSide), expected);
        EXPECT_EQ(cache.label(*i), 1);
        EXPECT_EQ(cache.indicesOf(films).size(), 6u);
        EXPECT_EQ(cache.sourceKey(*i).size, fs::file_size(films[1].path));
    }

    info = buildFilmCache(films, cacheFile, kSide);
    EXPECT_EQ(info.decoded, 0u);
    EXPECT_EQ(info.reused, 6u);

    // Rewrite one film with other pixels and a later mtime: only it is decoded again.
    cxr::imaging::writeRaster(films[4].path, pattern(99), kW, kH);  // a PNG: lossless, exact check below
    fs::last_write_time(films[4].path, fs::last_write_time(films[4].path) + std::chrono::seconds(5));
    auto more = films;
    more.push_back(makeFilms(dir / "extra", 1).front());
    info = buildFilmCache(more, cacheFile, kSide);
    EXPECT_EQ(info.decoded, 2u);  // the changed film and the new one
    EXPECT_EQ(info.reused, 5u);
    const auto cache = FilmCache::open(cacheFile);
    const auto expected = cxr::imaging::resizeGrey8(pattern(99), kW, kH, kSide, kSide);
    const auto i = *cache.find(films[4].path.string());
    EXPECT_EQ(std::vector<std::uint8_t>(cache.image(i), cache.image(i) + kSide * kSide), expected);

    // Another working size cannot reuse anything.
    info = buildFilmCache(films, cacheFile, 24);
    EXPECT_EQ(info.decoded, 6u);
}

TEST(FilmCache, SkipsUnreadableFilmsAndNamesThem) {
    const fs::path dir = cxr::test::scratchDir();
    auto films = makeFilms(dir, 4);
    const fs::path broken = dir / "NORMAL/broken.jpeg";
    std::ofstream(broken) << "not a jpeg at all";
    films.push_back(film(broken, 0));
    films.push_back(film(dir / "NORMAL/vanished.jpeg", 0));
    const auto info = buildFilmCache(films, dir / "c.cache", kSide);
    EXPECT_EQ(info.films, 4u);
    ASSERT_EQ(info.skipped.size(), 2u);
    EXPECT_NE(info.skipped[0].path.find("broken.jpeg"), std::string::npos);
    EXPECT_FALSE(info.skipped[0].reason.empty());
    EXPECT_EQ(info.toJson()["skipped"].size(), 2u);
    const auto cache = FilmCache::open(dir / "c.cache");
    EXPECT_THROW(cache.indicesOf({film(broken, 0)}), cxr::Error);
}

TEST(FilmCache, AClassWithNoReadableFilmIsAnError) {
    const fs::path dir = cxr::test::scratchDir();
    auto films = makeFilms(dir, 2);
    const fs::path broken = dir / "PNEUMONIA/broken.jpeg";
    std::ofstream(broken) << "garbage";
    films.push_back(film(broken, 1, "test"));
    try {
        buildFilmCache(films, dir / "c.cache", kSide);
        FAIL() << "a class left without films must throw";
    } catch (const cxr::Error& e) {
        EXPECT_NE(std::string(e.what()).find("PNEUMONIA"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("test"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(fs::exists(dir / "c.cache"));
}

TEST(FilmCache, CancelLeavesThePreviousCacheIntact) {
    const fs::path dir = cxr::test::scratchDir();
    const auto films = makeFilms(dir, 4);
    const fs::path cacheFile = dir / "c.cache";
    buildFilmCache(films, cacheFile, kSide);
    const auto before = fs::file_size(cacheFile);
    cxr::CancelToken cancel;
    cancel.cancel();
    try {
        buildFilmCache(films, cacheFile, 20, nullptr, &cancel);
        FAIL() << "a cancelled build must throw";
    } catch (const cxr::Error& e) {
        EXPECT_EQ(e.code(), cxr::ErrorCode::Cancelled);
    }
    EXPECT_EQ(fs::file_size(cacheFile), before);
    EXPECT_EQ(FilmCache::open(cacheFile).side(), kSide);
    for (const auto& entry : fs::directory_iterator(dir))
        EXPECT_EQ(entry.path().filename().string().find(".decoding"), std::string::npos);
}

TEST(FilmCache, RejectsDamagedFilesAndTheBuilderRecovers) {
    const fs::path dir = cxr::test::scratchDir();
    const fs::path cacheFile = dir / "c.cache";
    std::ofstream(cacheFile) << "CXRFCACH but then nothing sensible";
    EXPECT_THROW(FilmCache::open(cacheFile), cxr::Error);
    EXPECT_THROW(FilmCache::open(dir / "missing.cache"), cxr::Error);
    const auto films = makeFilms(dir, 2);
    const auto info = buildFilmCache(films, cacheFile, kSide);  // ignores the damaged one
    EXPECT_EQ(info.decoded, 2u);
    // Truncation is caught from the header's sizes.
    fs::resize_file(cacheFile, fs::file_size(cacheFile) - 10);
    EXPECT_THROW(FilmCache::open(cacheFile), cxr::Error);
}
