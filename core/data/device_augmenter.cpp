#include "core/data/device_augmenter.h"

#include <ATen/ATen.h>

#include <cmath>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "core/common/error.h"
#include "core/data/film_cache.h"

namespace cxr::data {
namespace {

constexpr double kPi = 3.14159265358979323846;

void require(bool ok, const std::string& what) {
    if (!ok)
        throw Error(ErrorCode::InvalidInput, "device augmentation: " + what);
}

std::string shapeText(const at::Tensor& t) {
    std::string s = "[";
    for (int64_t d = 0; d < t.dim(); ++d)
        s += (d ? "," : "") + std::to_string(t.size(d));
    return s + "]";
}

// Uniform draws in [lo, hi) on the device, one per sample.
at::Tensor uniform(int64_t n, double lo, double hi, const at::TensorOptions& opts) {
    return at::rand({n}, opts) * (hi - lo) + lo;
}

}  // namespace

DeviceAugmenter::DeviceAugmenter(const at::Tensor& films, const at::Tensor& labels, c10::Device device,
                                 DeviceAugmentOptions options)
    : m_device(device), m_options(std::move(options)) {
    require(films.defined() && films.dim() == 3 && films.size(1) == films.size(2) && films.size(1) > 0,
            "films must be [N, S, S], got " + (films.defined() ? shapeText(films) : std::string("nothing")));
    require(films.scalar_type() == at::kByte, "films must be uint8");
    require(labels.defined() && labels.dim() == 1 && labels.size(0) == films.size(0),
            "labels must be [N] with N = " + std::to_string(films.size(0)));
    require(!at::isFloatingType(labels.scalar_type()), "labels must be integers");
    require(films.size(0) > 0, "no films");
    require(m_options.imageSize > 0, "image size must be positive");
    const AugmentationOptions& a = m_options.augmentation;
    require(a.minScale > 0 && a.minScale <= a.maxScale && a.maxScale <= 1.0,
            "crop scale range must satisfy 0 < min <= max <= 1");
    require(a.minRatio > 0 && a.minRatio <= a.maxRatio, "crop aspect-ratio range must satisfy 0 < min <= max");
    require(m_options.preprocess.channels == 1 || m_options.preprocess.channels == 3,
            "preprocess channels must be 1 or 3");

    m_films = films.to(m_device).contiguous();
    m_labels = labels.to(m_device, at::kLong);
    const int channels = m_options.preprocess.channels;
    std::vector<float> scale(channels), shift(channels);
    for (int c = 0; c < channels; ++c) {
        scale[c] = 1.0f / m_options.preprocess.std[c];
        shift[c] = -m_options.preprocess.mean[c] / m_options.preprocess.std[c];
    }
    auto floatOpts = at::TensorOptions().dtype(at::kFloat);
    m_scale = at::tensor(scale, floatOpts).view({1, channels, 1, 1}).to(m_device);
    m_shift = at::tensor(shift, floatOpts).view({1, channels, 1, 1}).to(m_device);
}

DeviceAugmenter DeviceAugmenter::fromCache(const FilmCache& cache, const std::vector<std::size_t>& indices,
                                           c10::Device device, DeviceAugmentOptions options) {
    const int64_t side = cache.side();
    const int64_t n = static_cast<int64_t>(indices.size());
    at::Tensor films = at::empty({n, side, side}, at::TensorOptions().dtype(at::kByte));
    at::Tensor labels = at::empty({n}, at::TensorOptions().dtype(at::kLong));
    auto* dst = films.data_ptr<std::uint8_t>();
    auto* lab = labels.data_ptr<int64_t>();
    const std::size_t bytes = static_cast<std::size_t>(side * side);
    for (int64_t i = 0; i < n; ++i) {
        std::memcpy(dst + i * bytes, cache.image(indices[i]), bytes);
        lab[i] = cache.label(indices[i]);
    }
    return DeviceAugmenter(films, labels, device, std::move(options));
}

std::size_t DeviceAugmenter::size() const { return static_cast<std::size_t>(m_films.size(0)); }

int DeviceAugmenter::side() const { return static_cast<int>(m_films.size(1)); }

at::Tensor DeviceAugmenter::shuffledPositions() const {
    return at::randperm(m_films.size(0), at::TensorOptions().dtype(at::kLong).device(m_device));
}

at::Tensor DeviceAugmenter::labels(const at::Tensor& positions) const {
    return m_labels.index_select(0, positions.to(m_device, at::kLong));
}

at::Tensor DeviceAugmenter::images(const at::Tensor& positions) const {
    const at::Tensor pos = positions.to(m_device, at::kLong);
    require(pos.dim() == 1 && pos.size(0) > 0, "positions must be a non-empty [B] tensor");
    // uint8 gather first: the float copy is made only for the B films of this batch.
    at::Tensor grey = m_films.index_select(0, pos).unsqueeze(1).to(at::kFloat).div_(255.0);
    // Evaluation resizes exactly like the CPU loader (antialiased bilinear when shrinking).
    return normalised(m_options.augment ? augmentedUnit(grey) : resizeBatch(grey, m_options.imageSize));
}

at::Tensor DeviceAugmenter::augmentedUnit(const at::Tensor& grey) const {
    const int64_t b = grey.size(0), out = m_options.imageSize;
    const auto opts = grey.options();
    const AugmentationOptions& o = m_options.augmentation;

    // Crop: area fraction s and aspect ratio r (log-uniform, like torchvision) give the crop's
    // half-extents in normalised coordinates; its centre keeps it inside the film.
    at::Tensor area = uniform(b, o.minScale, o.maxScale, opts);
    at::Tensor ratio = uniform(b, std::log(o.minRatio), std::log(o.maxRatio), opts).exp_();
    at::Tensor w = (area * ratio).sqrt_().clamp_max_(1.0);
    at::Tensor h = (area / ratio).sqrt_().clamp_max_(1.0);
    at::Tensor cx = (at::rand({b}, opts) * 2 - 1) * (1 - w);
    at::Tensor cy = (at::rand({b}, opts) * 2 - 1) * (1 - h);
    at::Tensor angle = uniform(b, -o.maxRotationDegrees, o.maxRotationDegrees, opts) * (kPi / 180.0);
    at::Tensor flip = at::where(at::rand({b}, opts) < o.flipProbability, at::full({b}, -1.0, opts),
                                at::full({b}, 1.0, opts));
    at::Tensor cosA = angle.cos(), sinA = angle.sin();
    // Input point = centre + R(angle) * diag(w * flip, h) * output point; the film is square, so
    // normalised coordinates are isotropic and the rotation does not shear.
    at::Tensor row0 = at::stack({cosA * w * flip, -sinA * h, cx}, 1);
    at::Tensor row1 = at::stack({sinA * w * flip, cosA * h, cy}, 1);
    at::Tensor theta = at::stack({row0, row1}, 1);  // [B,2,3]
    at::Tensor grid = at::affine_grid_generator(theta, {b, 1, out, out}, false);
    at::Tensor x = at::grid_sampler(grey, grid, /*bilinear*/ 0, /*zeros*/ 0, false);

    // Brightness shifts intensity; contrast stretches about each film's mean (CPU loader's order).
    at::Tensor shift = uniform(b, -o.brightness, o.brightness, opts).view({b, 1, 1, 1});
    at::Tensor contrast = uniform(b, 1 - o.contrast, 1 + o.contrast, opts).view({b, 1, 1, 1});
    x = (x + shift).clamp_(0.0, 1.0);
    at::Tensor mean = x.mean({2, 3}, true);
    return ((x - mean) * contrast + mean).clamp_(0.0, 1.0);
}

at::Tensor DeviceAugmenter::normalised(const at::Tensor& unit) const {
    const int64_t b = unit.size(0), c = m_scale.size(1), s = unit.size(2);
    const auto format = m_options.channelsLast ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
    at::Tensor out = at::empty({b, c, s, s}, unit.options().memory_format(format));
    // (x - mean) / std for every channel at once, written straight into the final layout.
    at::addcmul_out(out, m_shift, unit, m_scale);
    // A narrower type (bf16 under AMP) is a separate cast: the CPU kernels do not fuse it.
    return out.scalar_type() == m_options.outputType ? out : out.to(m_options.outputType);
}

}  // namespace cxr::data
