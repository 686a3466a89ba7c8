#include "core/synth/opacity_painter.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace cxr::synth {
namespace {

struct OpacitySpec {
    double u = 0, v = 0, rx = 0, ry = 0, amplitude = 0;
    double patchBase = 0, patchGain = 0;
};

bool insideLung(const cv::Mat& lungHard, const ChestPose& pose, double u, double v) {
    const cv::Point2f p = pose.toPixel(u, v);
    const int x = cvRound(p.x), y = cvRound(p.y);
    return x >= 0 && y >= 0 && x < lungHard.cols && y < lungHard.rows && lungHard.at<std::uint8_t>(y, x) > 0;
}

bool chooseSpec(OpacitySpec& s, const cv::Mat& lungHard, const ChestAnatomy& a, const ChestPose& pose,
                bool bacterial, SynthRandom& rng) {
    for (int attempt = 0; attempt < 60; ++attempt) {
        const int side = rng.chance(0.5) ? -1 : 1;
        s.rx = bacterial ? rng.uniform(0.12, 0.17) : rng.uniform(0.09, 0.13);
        s.ry = bacterial ? rng.uniform(0.14, 0.22) : rng.uniform(0.10, 0.15);
        s.u = side * rng.uniform(a.mediastinumHalf + 0.04, a.lungHalfWidth - 0.04);
        s.v = rng.uniform(a.apexV + 0.10, a.domeTop(side) + 0.02);
        s.amplitude = bacterial ? rng.uniform(0.30, 0.45) : rng.uniform(0.22, 0.34);
        s.patchBase = bacterial ? 0.8 : 0.65;
        s.patchGain = bacterial ? 0.3 : 0.45;
        const bool inside = insideLung(lungHard, pose, s.u, s.v) &&
                            insideLung(lungHard, pose, s.u - 0.5 * s.rx, s.v) &&
                            insideLung(lungHard, pose, s.u + 0.5 * s.rx, s.v) &&
                            insideLung(lungHard, pose, s.u, s.v - 0.5 * s.ry) &&
                            insideLung(lungHard, pose, s.u, s.v + 0.5 * s.ry);
        if (inside)
            return true;
    }
    // Unlucky draws on a tiny film: fall back to the middle of a lung field, which always exists.
    const int side = rng.chance(0.5) ? -1 : 1;
    s.u = side * 0.5 * (a.mediastinumHalf + a.lungHalfWidth);
    s.v = 0.5 * (a.apexV + a.domeTop(side));
    return insideLung(lungHard, pose, s.u, s.v);
}

}  // namespace

std::vector<OpacityBox> paintOpacities(cv::Mat& intensity, const cv::Mat& lungSoft,
                                       const cv::Mat& lungHard, const ChestAnatomy& anatomy,
                                       const ChestPose& pose, const std::string& subtype,
                                       SynthRandom& rng) {
    const bool bacterial = subtype != "virus";
    const int count = bacterial ? (rng.chance(0.6) ? 1 : 2) : (rng.chance(0.5) ? 2 : 3);
    std::vector<OpacityBox> boxes;
    for (int n = 0; n < count; ++n) {
        OpacitySpec s;
        if (!chooseSpec(s, lungHard, anatomy, pose, bacterial, rng))
            continue;
        // Pixel region that can hold the blob at any rotation.
        const cv::Point2f c = pose.toPixel(s.u, s.v);
        const double reach = 2.2 * std::max(s.rx, s.ry) * pose.unit;
        const int x0 = std::max(0, static_cast<int>(std::floor(c.x - reach)));
        const int y0 = std::max(0, static_cast<int>(std::floor(c.y - reach)));
        const int x1 = std::min(intensity.cols, static_cast<int>(std::ceil(c.x + reach)) + 1);
        const int y1 = std::min(intensity.rows, static_cast<int>(std::ceil(c.y + reach)) + 1);
        if (x1 - x0 < 2 || y1 - y0 < 2)
            continue;

        // Patchy texture: a coarse random grid, smoothly interpolated over the region.
        cv::Mat grid(9, 9, CV_32F);
        for (int i = 0; i < grid.rows * grid.cols; ++i)
            grid.at<float>(i) = static_cast<float>(rng.normal());
        cv::Mat texture;
        cv::resize(grid, texture, cv::Size(x1 - x0, y1 - y0), 0, 0, cv::INTER_CUBIC);

        const float cutoff = static_cast<float>(0.25 * s.amplitude);
        int bx0 = x1, by0 = y1, bx1 = -1, by1 = -1;
        for (int y = y0; y < y1; ++y) {
            auto* row = intensity.ptr<float>(y);
            const auto* lung = lungSoft.ptr<float>(y);
            const auto* tex = texture.ptr<float>(y - y0);
            for (int x = x0; x < x1; ++x) {
                double u, v;
                pose.toAnatomy(x, y, u, v);
                const double du = (u - s.u) / s.rx, dv = (v - s.v) / s.ry;
                const double r2 = du * du + dv * dv;
                if (r2 > 4.0)
                    continue;
                const double patch = std::clamp(s.patchBase + s.patchGain * tex[x - x0], 0.0, 1.3);
                const auto add = static_cast<float>(s.amplitude * std::exp(-1.6 * r2) * patch * lung[x]);
                row[x] += add;
                if (add >= cutoff) {
                    bx0 = std::min(bx0, x);
                    by0 = std::min(by0, y);
                    bx1 = std::max(bx1, x);
                    by1 = std::max(by1, y);
                }
            }
        }
        if (bx1 >= bx0 && by1 >= by0)
            boxes.push_back({bx0, by0, bx1 + 1, by1 + 1});
    }
    return boxes;
}

}  // namespace cxr::synth
