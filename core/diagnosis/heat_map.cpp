#include "core/diagnosis/heat_map.h"

#include <algorithm>
#include <cmath>

#include "core/common/error.h"

namespace cxr::diagnosis {

InputGeometry inputGeometryFor(const std::string& rule, int inputSize, int filmWidth, int filmHeight) {
    if (inputSize <= 0 || filmWidth <= 0 || filmHeight <= 0)
        throw Error(ErrorCode::InvalidInput, "input geometry needs positive sizes");
    InputGeometry g;
    g.rule = rule;
    g.inputSize = inputSize;
    const double s = inputSize;
    if (rule == "stretch") {
        g.scaleX = g.scaleY = s;
        return g;
    }
    if (rule == "letterbox" || rule == "center-crop") {
        const double fit = rule == "letterbox" ? s / std::max(filmWidth, filmHeight)
                                               : s / std::min(filmWidth, filmHeight);
        g.scaleX = filmWidth * fit;
        g.scaleY = filmHeight * fit;
        g.offsetX = (s - g.scaleX) / 2;
        g.offsetY = (s - g.scaleY) / 2;
        return g;
    }
    throw Error(ErrorCode::Unsupported, "unknown resize rule '" + rule + "' (stretch, letterbox, center-crop)");
}

double receptiveFieldShift(int inputSize, int cells) {
    if (inputSize <= 0 || cells <= 0)
        return 0;
    return (static_cast<double>(inputSize) / cells - 1.0) / 2.0;
}

namespace {

// Per output coordinate: the two input samples and the weight of the second, or -1 when the
// position falls outside the input.
struct Taps {
    std::vector<int> i0, i1;
    std::vector<float> w;
};

Taps tapsFor(int outLength, double scale, double offset, double shift, int inputSize) {
    Taps t;
    t.i0.resize(static_cast<size_t>(outLength));
    t.i1.resize(static_cast<size_t>(outLength));
    t.w.resize(static_cast<size_t>(outLength));
    for (int o = 0; o < outLength; ++o) {
        const double pos = scale * ((o + 0.5) / outLength) + offset;  // input pixels, edge-based
        const auto k = static_cast<size_t>(o);
        if (pos < 0 || pos > inputSize) {
            t.i0[k] = -1;
            continue;
        }
        const double centre = pos + shift - 0.5;  // pixel-centre coordinates, on the map's grid
        int lo = static_cast<int>(std::floor(centre));
        double frac = centre - lo;
        if (lo < 0) {
            lo = 0;
            frac = 0;
        }
        if (lo >= inputSize - 1) {
            lo = inputSize - 1;
            frac = 0;
        }
        t.i0[k] = lo;
        t.i1[k] = std::min(lo + 1, inputSize - 1);
        t.w[k] = static_cast<float>(frac);
    }
    return t;
}

}  // namespace

std::vector<float> mapToFilm(const std::vector<float>& inputMap, const InputGeometry& geometry, int width,
                             int height) {
    const int s = geometry.inputSize;
    if (width <= 0 || height <= 0 || s <= 0 || inputMap.size() != static_cast<size_t>(s) * s)
        throw Error(ErrorCode::InvalidInput, "heat map resampling needs a square input map and a positive size");
    const Taps xs = tapsFor(width, geometry.scaleX, geometry.offsetX, geometry.mapShiftX, s);
    const Taps ys = tapsFor(height, geometry.scaleY, geometry.offsetY, geometry.mapShiftY, s);
    std::vector<float> out(static_cast<size_t>(width) * height, 0.0f);
    std::vector<float> row(static_cast<size_t>(s));
    for (int y = 0; y < height; ++y) {
        const auto ky = static_cast<size_t>(y);
        if (ys.i0[ky] < 0)
            continue;
        const float* r0 = inputMap.data() + static_cast<size_t>(ys.i0[ky]) * s;
        const float* r1 = inputMap.data() + static_cast<size_t>(ys.i1[ky]) * s;
        const float wy = ys.w[ky];
        for (int i = 0; i < s; ++i)
            row[static_cast<size_t>(i)] = r0[i] + (r1[i] - r0[i]) * wy;
        float* dst = out.data() + ky * width;
        for (int x = 0; x < width; ++x) {
            const auto kx = static_cast<size_t>(x);
            if (xs.i0[kx] < 0)
                continue;
            const float a = row[static_cast<size_t>(xs.i0[kx])];
            const float b = row[static_cast<size_t>(xs.i1[kx])];
            dst[x] = a + (b - a) * xs.w[kx];
        }
    }
    return out;
}

std::vector<float> heatMapAt(const Diagnosis& diagnosis, int width, int height) {
    if (diagnosis.inputMap.empty())
        throw Error(ErrorCode::InvalidInput, "this diagnosis has no class activation map");
    return mapToFilm(diagnosis.inputMap, diagnosis.geometry, width, height);
}

Peak peakOf(const std::vector<float>& map, int width, int height) {
    if (map.empty() || map.size() != static_cast<size_t>(width) * height)
        throw Error(ErrorCode::InvalidInput, "peak search needs a width x height map");
    const auto it = std::max_element(map.begin(), map.end());
    const auto index = static_cast<int>(it - map.begin());
    return {index % width, index / width, *it};
}

namespace {

// Offset of a parabola's vertex through (-1, a), (0, b), (1, c) from 0, within half a cell;
// 0 when the three points do not bend down around b (flat or a shoulder).
double parabolaVertex(double a, double b, double c) {
    const double curvature = a - 2 * b + c;
    if (!(curvature < 0))
        return 0;
    return std::clamp(0.5 * (a - c) / curvature, -0.5, 0.5);
}

}  // namespace

CamPeak camPeakOf(const Diagnosis& d) {
    const int w = d.camGridW, h = d.camGridH;
    if (d.camGrid.empty() || w <= 0 || h <= 0 || d.camGrid.size() != static_cast<size_t>(w) * h)
        throw Error(ErrorCode::InvalidInput, "this diagnosis has no class activation map");
    const Peak cell = peakOf(d.camGrid, w, h);
    const auto at = [&](int x, int y) { return static_cast<double>(d.camGrid[static_cast<size_t>(y) * w + x]); };
    CamPeak p;
    p.value = cell.value;
    p.cellX = cell.x + (cell.x > 0 && cell.x < w - 1
                            ? parabolaVertex(at(cell.x - 1, cell.y), at(cell.x, cell.y), at(cell.x + 1, cell.y))
                            : 0.0);
    p.cellY = cell.y + (cell.y > 0 && cell.y < h - 1
                            ? parabolaVertex(at(cell.x, cell.y - 1), at(cell.x, cell.y), at(cell.x, cell.y + 1))
                            : 0.0);
    // The inverse of mapToFilm's sampling: a film point at input position `pos` (edge-based)
    // reads grid coordinate (pos + shift) / stride - 0.5 (the map's own resize has pixel
    // centres at +0.5, like cv2.resize).
    const InputGeometry& g = d.geometry;
    const double strideX = static_cast<double>(g.inputSize) / w, strideY = static_cast<double>(g.inputSize) / h;
    const double posX = strideX * (p.cellX + 0.5) - g.mapShiftX;
    const double posY = strideY * (p.cellY + 0.5) - g.mapShiftY;
    p.fx = std::clamp((posX - g.offsetX) / g.scaleX, 0.0, 1.0);
    p.fy = std::clamp((posY - g.offsetY) / g.scaleY, 0.0, 1.0);
    return p;
}

}  // namespace cxr::diagnosis
