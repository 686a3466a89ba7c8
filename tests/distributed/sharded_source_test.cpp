// One rank's training films in a data-parallel run (ShardedLoaderBatchSource over a real film
// cache) and the world size a run's state records for its resume.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/data/film_cache_writer.h"
#include "core/training/distributed/distributed_shard.h"
#include "core/training/run_state.h"
#include "core/training/sharded_loader_batch_source.h"
#include "test_dirs.h"

namespace cxr {
namespace {

constexpr int kSide = 16;

data::FilmCache makeCache(const std::filesystem::path& dir, int n) {
    std::vector<data::FilmCacheRecord> records;
    std::vector<std::uint8_t> grey(kSide * kSide, 128);
    for (int i = 0; i < n; ++i) {
        data::FilmCacheRecord r;
        r.key.path = "/films/" + std::to_string(i) + ".png";
        r.key.size = static_cast<std::uint64_t>(i);
        r.label = i % 2;
        records.push_back(r);
    }
    data::writeFilmCache(dir / "films.cache", kSide, records, [&](std::size_t) { return grey.data(); });
    return data::FilmCache::open(dir / "films.cache");
}

std::vector<std::size_t> servedFilms(training::ShardedLoaderBatchSource& source, int epoch) {
    source.startEpoch(epoch);
    std::vector<std::size_t> films;
    std::size_t batches = 0;
    while (auto b = source.next()) {
        films.insert(films.end(), b->indices.begin(), b->indices.end());
        ++batches;
    }
    EXPECT_EQ(batches, source.batchesPerEpoch());
    return films;
}

TEST(ShardedSource, EachRankServesItsPaddedShardAndTogetherTheyCoverEveryFilm) {
    const auto dir = test::scratchDir();
    const auto cache = makeCache(dir, 13);
    // Cache positions 2..12: eleven training films, as a split would give them.
    std::vector<std::size_t> train;
    for (std::size_t i = 2; i < 13; ++i)
        train.push_back(i);
    data::BatchLoaderOptions options;
    options.batchSize = 4;
    options.imageSize = kSide;
    options.seed = 7;
    options.workers = 1;
    training::ShardedLoaderBatchSource rank0(cache, train, options, 2, 0), rank1(cache, train, options, 2, 1);
    EXPECT_EQ(rank0.size(), 6u);  // ceil(11 / 2): one film repeated as padding
    EXPECT_EQ(rank0.batchesPerEpoch(), 2u);
    for (int epoch : {0, 3}) {
        const auto a = servedFilms(rank0, epoch), b = servedFilms(rank1, epoch);
        ASSERT_EQ(a.size(), 6u);
        ASSERT_EQ(b.size(), 6u);
        EXPECT_EQ(a, rank0.epochShard(epoch));
        std::vector<std::size_t> expected;
        for (const auto i : training::dist::shardIndices(train.size(), 2, 1, options.seed, epoch))
            expected.push_back(train[i]);
        EXPECT_EQ(b, expected);
        std::set<std::size_t> both(a.begin(), a.end());
        both.insert(b.begin(), b.end());
        EXPECT_EQ(both, std::set<std::size_t>(train.begin(), train.end()));
    }
    EXPECT_NE(rank0.epochShard(0), rank0.epochShard(1));  // a new order every epoch

    data::BatchLoaderOptions shuffled = options;
    shuffled.shuffle = true;
    EXPECT_THROW(training::ShardedLoaderBatchSource(cache, train, shuffled, 2, 0), Error);
    EXPECT_THROW(training::ShardedLoaderBatchSource(cache, train, options, 2, 2), Error);
}

TEST(ShardedSource, WeightedSamplerDrawsOneBalancedSampleThatTheRanksSplit) {
    const auto dir = test::scratchDir();
    // 40 films, 1 in 5 of class 1: an imbalanced training set.
    std::vector<data::FilmCacheRecord> records;
    std::vector<std::uint8_t> grey(kSide * kSide, 128);
    for (int i = 0; i < 40; ++i) {
        data::FilmCacheRecord r;
        r.key.path = "/films/" + std::to_string(i) + ".png";
        r.key.size = static_cast<std::uint64_t>(i);
        r.label = i % 5 == 0 ? 1 : 0;
        records.push_back(r);
    }
    data::writeFilmCache(dir / "films.cache", kSide, records, [&](std::size_t) { return grey.data(); });
    const auto cache = data::FilmCache::open(dir / "films.cache");
    std::vector<std::size_t> train(40);
    for (std::size_t i = 0; i < train.size(); ++i)
        train[i] = i;
    data::BatchLoaderOptions options;
    options.batchSize = 8;
    options.imageSize = kSide;
    options.seed = 11;
    options.workers = 1;
    options.weightedSampler = true;
    training::ShardedLoaderBatchSource rank0(cache, train, options, 2, 0), rank1(cache, train, options, 2, 1);
    int positives = 0, served = 0;
    for (int epoch : {0, 1, 2, 3}) {
        const auto a = servedFilms(rank0, epoch), b = servedFilms(rank1, epoch);
        ASSERT_EQ(a.size(), 20u);
        ASSERT_EQ(b.size(), 20u);
        // Together the ranks serve one draw: interleaving them gives it back, position by position.
        std::vector<std::size_t> merged;
        for (std::size_t k = 0; k < a.size(); ++k) {
            merged.push_back(a[k]);
            merged.push_back(b[k]);
        }
        std::vector<std::size_t> rank0Again = rank0.epochShard(epoch);
        EXPECT_EQ(a, rank0Again);
        for (const auto f : merged) {
            positives += records[f].label;
            ++served;
        }
    }
    // Class 1 is a fifth of the films but about half of what is drawn.
    EXPECT_GT(positives, served * 35 / 100);
    EXPECT_LT(positives, served * 65 / 100);
    EXPECT_NE(rank0.epochShard(0), rank1.epochShard(0));
}

TEST(EvaluationShard, EveryFilmScoredByExactlyOneRankWithoutPadding) {
    for (const std::size_t n : {0u, 1u, 5u, 16u, 17u}) {
        for (const int world : {1, 2, 3, 4}) {
            std::vector<int> seen(n, 0);
            std::size_t largest = 0, smallest = n + 1;
            for (int rank = 0; rank < world; ++rank) {
                const auto shard = training::dist::evaluationShard(n, world, rank);
                largest = std::max(largest, shard.size());
                smallest = std::min(smallest, shard.size());
                for (const auto i : shard) {
                    ASSERT_LT(i, n);
                    ++seen[i];
                }
            }
            for (std::size_t i = 0; i < n; ++i)
                EXPECT_EQ(seen[i], 1) << "film " << i << " of " << n << ", world " << world;
            EXPECT_LE(largest - smallest, 1u);
        }
    }
    EXPECT_THROW(training::dist::evaluationShard(10, 2, 2), Error);
    EXPECT_THROW(training::dist::evaluationShard(10, 0, 0), Error);
}

TEST(RunStateWorldSize, RecordedAboveOneAndAResumeWithAnotherIsRefusedNamingBoth) {
    training::RunState single;
    EXPECT_FALSE(single.toJson().contains("worldSize"));  // single-process state.json as before
    EXPECT_EQ(training::RunState::fromJson(single.toJson()).worldSize, 1);
    training::RunState two;
    two.worldSize = 2;
    EXPECT_EQ(training::RunState::fromJson(two.toJson()).worldSize, 2);
    EXPECT_NO_THROW(training::checkResumeWorldSize(two, 2, "state.json"));
    try {
        training::checkResumeWorldSize(two, 1, "state.json");
        FAIL() << "a resume with another world size was accepted";
    } catch (const Error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("world size of 2 (2 ranks), not 1 (1 process)"), std::string::npos) << what;
    }
}

}  // namespace
}  // namespace cxr
