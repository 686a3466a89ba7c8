#pragma once
// Which films each rank trains on in an epoch: the rule of PyTorch's DistributedSampler. All
// ranks draw the same seeded permutation of the N films (seed and epoch), pad it to a multiple
// of the world size by repeating it from the start, and rank r takes positions r, r+W, r+2W...
// So every rank runs the same number of steps, and together they see every film at least once.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace cxr::training::dist {

// The epoch's order of 0..n-1, the same on every rank, every build and every standard library
// (mt19937_64 words and our own bounded draw, not std::shuffle).
std::vector<std::size_t> epochPermutation(std::size_t n, std::uint64_t seed, int epoch);

// Pads `order` to a multiple of worldSize by repeating it from its start (as often as needed
// when it is shorter than the padding) and keeps every worldSize-th entry from `rank`.
// Each rank gets ceil(n / worldSize) entries; an empty order gives empty shards. Throws
// cxr::Error(InvalidInput) for worldSize < 1 or a rank outside it.
std::vector<std::size_t> padAndStride(const std::vector<std::size_t>& order, int worldSize, int rank);

// This rank's films for the epoch: padAndStride(epochPermutation(n, seed, epoch), ...).
std::vector<std::size_t> shardIndices(std::size_t n, int worldSize, int rank, std::uint64_t seed, int epoch);

// The seed of an epoch's draws, the same on every rank: the weighted sampler draws the epoch's
// films with it on every rank and each rank keeps padAndStride of the draw.
std::uint64_t epochDrawSeed(std::uint64_t seed, int epoch);

// The films this rank scores in an evaluation pass: positions rank, rank+W, ... below n, with no
// padding, so every film is scored by exactly one rank and the ranks' sums are the whole set's.
// Throws cxr::Error(InvalidInput) for worldSize < 1 or a rank outside it.
std::vector<std::size_t> evaluationShard(std::size_t n, int worldSize, int rank);

}  // namespace cxr::training::dist
