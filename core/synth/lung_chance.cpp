#include "core/synth/lung_chance.h"

#include <random>
#include <string>

#include "core/common/error.h"

namespace cxr::synth {

ChanceCount lungPointsInBoxes(const std::vector<std::uint8_t>& lungMask, int width, int height,
                              const std::vector<OpacityBox>& boxes, int points, std::uint64_t seed) {
    if (width <= 0 || height <= 0 || lungMask.size() != static_cast<std::size_t>(width) * height)
        throw Error(ErrorCode::InvalidInput, "lung mask of " + std::to_string(lungMask.size()) +
                                                 " pixels does not match " + std::to_string(width) + " x " +
                                                 std::to_string(height));
    std::vector<std::int64_t> lung;
    for (std::size_t i = 0; i < lungMask.size(); ++i)
        if (lungMask[i])
            lung.push_back(static_cast<std::int64_t>(i));
    ChanceCount count;
    if (lung.empty() || points <= 0)
        return count;
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<std::size_t> pick(0, lung.size() - 1);
    for (int n = 0; n < points; ++n) {
        const std::int64_t i = lung[pick(rng)];
        const auto x = static_cast<int>(i % width), y = static_cast<int>(i / width);
        for (const OpacityBox& b : boxes)
            if (x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1) {
                ++count.hits;
                break;
            }
    }
    count.points = points;
    return count;
}

}  // namespace cxr::synth
