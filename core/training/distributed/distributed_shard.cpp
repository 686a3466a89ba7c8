#include "core/training/distributed/distributed_shard.h"

#include <limits>
#include <numeric>
#include <random>
#include <string>

#include "core/common/error.h"

namespace cxr::training::dist {
namespace {

// A uniform draw in [0, bound) from raw 64-bit words, rejecting the short top slice so no value
// is favoured. std::uniform_int_distribution is left to each library; this is not.
std::uint64_t below(std::mt19937_64& rng, std::uint64_t bound) {
    const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() -
                                std::numeric_limits<std::uint64_t>::max() % bound;
    std::uint64_t x;
    do {
        x = rng();
    } while (x >= limit);
    return x % bound;
}

// Seed and epoch mixed so that neighbouring seeds or epochs start far apart in the generator.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

}  // namespace

std::vector<std::size_t> epochPermutation(std::size_t n, std::uint64_t seed, int epoch) {
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::mt19937_64 rng(epochDrawSeed(seed, epoch));
    // Fisher-Yates from the back.
    for (std::size_t i = n; i > 1; --i) {
        const auto j = static_cast<std::size_t>(below(rng, i));
        std::swap(order[i - 1], order[j]);
    }
    return order;
}

std::vector<std::size_t> padAndStride(const std::vector<std::size_t>& order, int worldSize, int rank) {
    if (worldSize < 1 || rank < 0 || rank >= worldSize)
        throw Error(ErrorCode::InvalidInput, "distributed shard: rank " + std::to_string(rank) +
                                                 " is not inside a world of " + std::to_string(worldSize));
    const std::size_t n = order.size();
    const auto w = static_cast<std::size_t>(worldSize);
    const std::size_t perRank = (n + w - 1) / w;
    std::vector<std::size_t> shard;
    if (n == 0)
        return shard;
    shard.reserve(perRank);
    // Position p of the padded list is order[p % n]: the padding repeats the order from its
    // start, wrapping again when the order is shorter than the padding.
    for (std::size_t k = 0; k < perRank; ++k)
        shard.push_back(order[(static_cast<std::size_t>(rank) + k * w) % n]);
    return shard;
}

std::uint64_t epochDrawSeed(std::uint64_t seed, int epoch) {
    return mix(mix(seed) ^ static_cast<std::uint64_t>(static_cast<std::int64_t>(epoch)));
}

std::vector<std::size_t> evaluationShard(std::size_t n, int worldSize, int rank) {
    (void)padAndStride({}, worldSize, rank);  // the same checks
    std::vector<std::size_t> shard;
    for (std::size_t i = static_cast<std::size_t>(rank); i < n; i += static_cast<std::size_t>(worldSize))
        shard.push_back(i);
    return shard;
}

std::vector<std::size_t> shardIndices(std::size_t n, int worldSize, int rank, std::uint64_t seed, int epoch) {
    return padAndStride(epochPermutation(n, seed, epoch), worldSize, rank);
}

}  // namespace cxr::training::dist
