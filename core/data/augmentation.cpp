#include "core/data/augmentation.h"

#include <ATen/ATen.h>

#include <cmath>
#include <cstring>
#include <random>
#include <string>

#include "core/common/error.h"

namespace cxr::data {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Uniform in [0, 1) from mt19937_64, identical on every standard library.
double unit(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }
double uniform(std::mt19937_64& rng, double lo, double hi) { return lo + (hi - lo) * unit(rng); }

void requireGrey(const at::Tensor& grey, const char* what) {
    if (!grey.defined() || grey.dim() != 4 || grey.size(1) != 1)
        throw Error(ErrorCode::InvalidInput, std::string(what) + ": expected a [B,1,H,W] tensor");
}

}  // namespace

std::uint64_t sampleSeed(std::uint64_t seed, std::uint64_t epoch, std::uint64_t position) {
    // splitmix64 over the three numbers: neighbouring positions get unrelated streams.
    auto mix = [](std::uint64_t z) {
        z += 0x9e3779b97f4a7c15ULL;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    };
    return mix(mix(mix(seed) ^ epoch) ^ position);
}

AugmentationOptions augmentationPreset(const std::string& name) {
    AugmentationOptions o;
    if (name == "chest")
        return o;
    if (name == "seed") {
        o.minScale = o.maxScale = 1.0;
        o.minRatio = o.maxRatio = 1.0;
        o.brightness = o.contrast = 0.0;
        return o;
    }
    throw Error(ErrorCode::InvalidInput, "unknown augmentation '" + name + "' (expected chest or seed)");
}

AugmentParams sampleAugmentParams(const AugmentationOptions& o, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    AugmentParams p;
    // torchvision's RandomResizedCrop on a unit-area square: up to 10 tries, else the whole film.
    for (int attempt = 0; attempt < 10; ++attempt) {
        const double area = uniform(rng, o.minScale, o.maxScale);
        const double ratio = std::exp(uniform(rng, std::log(o.minRatio), std::log(o.maxRatio)));
        const double w = std::sqrt(area * ratio), h = std::sqrt(area / ratio);
        if (w <= 1.0 && h <= 1.0) {
            p.cropW = w;
            p.cropH = h;
            p.cropX = uniform(rng, 0, 1 - w);
            p.cropY = uniform(rng, 0, 1 - h);
            break;
        }
    }
    p.flip = unit(rng) < o.flipProbability;
    p.angleDegrees = uniform(rng, -o.maxRotationDegrees, o.maxRotationDegrees);
    p.brightness = uniform(rng, -o.brightness, o.brightness);
    p.contrast = uniform(rng, 1 - o.contrast, 1 + o.contrast);
    return p;
}

at::Tensor augmentBatch(const at::Tensor& grey, const std::vector<AugmentParams>& params, int outSize) {
    requireGrey(grey, "augmentation");
    const int64_t b = grey.size(0);
    if (static_cast<int64_t>(params.size()) != b)
        throw Error(ErrorCode::InvalidInput, "augmentation: " + std::to_string(params.size()) + " draws for " +
                                                 std::to_string(b) + " films");
    // One affine map per film from output to source coordinates (both in [-1, 1]):
    // source = centre + S * R * F * output, with S the crop's half-extent, R the rotation and
    // F the flip, so crop, rotation and flip cost one interpolation.
    at::Tensor theta = at::empty({b, 2, 3}, at::TensorOptions().dtype(at::kFloat));
    auto t = theta.accessor<float, 3>();
    at::Tensor brightness = at::empty({b, 1, 1, 1}, at::kFloat), contrast = at::empty({b, 1, 1, 1}, at::kFloat);
    for (int64_t i = 0; i < b; ++i) {
        const auto& p = params[static_cast<std::size_t>(i)];
        const double a = p.angleDegrees * kPi / 180.0, c = std::cos(a), s = std::sin(a);
        const double f = p.flip ? -1.0 : 1.0;
        t[i][0][0] = static_cast<float>(p.cropW * c * f);
        t[i][0][1] = static_cast<float>(-p.cropW * s);
        t[i][0][2] = static_cast<float>(2 * (p.cropX + p.cropW / 2) - 1);
        t[i][1][0] = static_cast<float>(p.cropH * s * f);
        t[i][1][1] = static_cast<float>(p.cropH * c);
        t[i][1][2] = static_cast<float>(2 * (p.cropY + p.cropH / 2) - 1);
        brightness[i].fill_(p.brightness);
        contrast[i].fill_(p.contrast);
    }
    theta = theta.to(grey.device());
    const at::Tensor grid = at::affine_grid_generator(theta, {b, 1, outSize, outSize}, /*align_corners=*/false);
    // Bilinear, zero padding: corners uncovered by a rotation are black, as torchvision fills them.
    at::Tensor out = at::grid_sampler(grey, grid, /*bilinear*/ 0, /*zeros*/ 0, /*align_corners=*/false);
    const at::Tensor mean = out.mean({2, 3}, /*keepdim=*/true);
    out = (out - mean) * contrast.to(out.device()) + mean + brightness.to(out.device());
    return out.clamp_(0.0, 1.0);
}

at::Tensor resizeBatch(const at::Tensor& grey, int outSize) {
    requireGrey(grey, "resize");
    if (grey.size(2) == outSize && grey.size(3) == outSize)
        return grey;
    // Antialiased when shrinking, like PIL's resize on which the seed's transforms are built.
    return at::_upsample_bilinear2d_aa(grey, {outSize, outSize}, /*align_corners=*/false).clamp_(0.0, 1.0);
}

at::Tensor greyBytesToTensor(const std::vector<const std::uint8_t*>& images, int side) {
    const int64_t b = static_cast<int64_t>(images.size());
    at::Tensor bytes = at::empty({b, 1, side, side}, at::TensorOptions().dtype(at::kByte));
    const std::size_t n = static_cast<std::size_t>(side) * static_cast<std::size_t>(side);
    auto* dst = bytes.data_ptr<std::uint8_t>();
    for (int64_t i = 0; i < b; ++i)
        std::memcpy(dst + static_cast<std::size_t>(i) * n, images[static_cast<std::size_t>(i)], n);
    return bytes.to(at::kFloat).div_(255.0);
}

at::Tensor normaliseBatch(const at::Tensor& grey01, const model::PreprocessSpec& spec) {
    requireGrey(grey01, "normalisation");
    if (spec.channels != 1 && spec.channels != 3)
        throw Error(ErrorCode::InvalidInput, "normalisation: channels must be 1 or 3, got " +
                                                 std::to_string(spec.channels));
    std::vector<at::Tensor> planes;
    for (int c = 0; c < spec.channels; ++c)
        planes.push_back((grey01 - spec.mean[static_cast<std::size_t>(c)]) / spec.std[static_cast<std::size_t>(c)]);
    return spec.channels == 1 ? planes.front() : at::cat(planes, 1);
}

}  // namespace cxr::data
