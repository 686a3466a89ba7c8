#include "core/synth/chest_anatomy.h"

#include <algorithm>
#include <cmath>

#include "core/synth/synth_random.h"

namespace cxr::synth {

ChestAnatomy ChestAnatomy::draw(std::uint64_t patientSeed) {
    SynthRandom rng(patientSeed);
    ChestAnatomy a;
    a.bodyHalfWidth = rng.uniform(0.45, 0.50);
    a.lungHalfWidth = rng.uniform(0.36, 0.41);
    a.mediastinumHalf = rng.uniform(0.065, 0.085);
    a.apexV = rng.uniform(-0.38, -0.33);
    a.domeV = rng.uniform(0.19, 0.25);
    a.leftDomeDrop = rng.uniform(0.012, 0.04);
    a.costophrenicDrop = rng.uniform(0.07, 0.10);
    a.heartU = rng.uniform(0.04, 0.07);
    a.heartA = rng.uniform(0.15, 0.19);
    a.heartB = rng.uniform(0.11, 0.14);
    a.softTissue = rng.uniform(0.42, 0.52);
    a.lungDarkness = rng.uniform(0.25, 0.33);
    a.boneDensity = rng.uniform(0.8, 1.2);
    a.ribCount = rng.uniformInt(9, 10);
    a.gastricBubble = rng.chance(0.7);
    return a;
}

ChestPose ChestPose::draw(std::uint64_t filmSeed, int width, int height) {
    SynthRandom rng(SynthRandom::derive(filmSeed, 0x504F5345ULL));
    ChestPose p;
    const double fit = std::min<double>(width, 1.05 * height);
    p.unit = fit * rng.uniform(0.94, 1.03);
    p.cx = width * 0.5 + rng.uniform(-0.03, 0.03) * fit;
    p.cy = height * 0.5 + (0.02 + rng.uniform(-0.025, 0.025)) * fit;
    const double angle = rng.uniform(-3.0, 3.0) * 3.14159265358979 / 180.0;
    p.cosA = std::cos(angle);
    p.sinA = std::sin(angle);
    p.inspiration = rng.uniform(-0.02, 0.02);
    return p;
}

cv::Point2f ChestPose::toPixel(double u, double v) const {
    return {static_cast<float>(cx + unit * (u * cosA - v * sinA)),
            static_cast<float>(cy + unit * (u * sinA + v * cosA))};
}

void ChestPose::toAnatomy(double x, double y, double& u, double& v) const {
    const double du = (x - cx) / unit, dv = (y - cy) / unit;
    u = du * cosA + dv * sinA;
    v = -du * sinA + dv * cosA;
}

std::vector<cv::Point> lungOutline(const ChestAnatomy& a, const ChestPose& pose, int side) {
    // Built on |u| and mirrored: apex dome (half ellipse), lateral wall widening slightly
    // downwards to a sharp costophrenic angle, diaphragm dome, then the mediastinal border.
    const double dome = a.domeTop(side) + pose.inspiration;
    const double cp = dome + a.costophrenicDrop;
    const double medial = a.mediastinumHalf;
    const double lateral = a.lungHalfWidth;
    const double apexBase = a.apexV + 0.4 * (cp - a.apexV);  // where the apex dome meets the walls
    const double centreU = 0.5 * (medial + lateral);
    const double halfW = 0.5 * (lateral - medial);
    const double domePeakU = medial + 0.45 * (lateral - medial);
    const double k = (cp - dome) / std::pow(lateral - domePeakU, 2);
    auto domeAt = [&](double u) { return dome + k * (u - domePeakU) * (u - domePeakU); };
    auto lateralAt = [&](double v) {
        return lateral * (0.93 + 0.07 * std::clamp((v - a.apexV) / (cp - a.apexV), 0.0, 1.0));
    };

    std::vector<cv::Point2d> uv;
    constexpr int kSteps = 24;
    for (int i = 0; i <= kSteps; ++i) {  // apex dome, medial to lateral
        const double t = 3.14159265358979 * (1.0 - static_cast<double>(i) / kSteps);
        uv.emplace_back(centreU + halfW * std::cos(t), apexBase - (apexBase - a.apexV) * std::sin(t));
    }
    for (int i = 1; i <= kSteps; ++i) {  // lateral wall down to the costophrenic angle
        const double v = apexBase + (cp - apexBase) * i / kSteps;
        uv.emplace_back(lateralAt(v), v);
    }
    for (int i = 1; i <= kSteps; ++i) {  // diaphragm, lateral to medial
        const double u = lateral - (lateral - medial) * i / kSteps;
        uv.emplace_back(u, domeAt(u));
    }
    const double medialBottom = domeAt(medial);
    for (int i = 1; i < kSteps; ++i) {  // mediastinal border up to the apex dome
        const double v = medialBottom - (medialBottom - apexBase) * i / kSteps;
        uv.emplace_back(medial, v);
    }
    std::vector<cv::Point> pixels;
    pixels.reserve(uv.size());
    for (const auto& p : uv) {
        const cv::Point2f q = pose.toPixel(side * p.x, p.y);
        pixels.emplace_back(cvRound(q.x * 16), cvRound(q.y * 16));  // 4 fractional bits
    }
    return pixels;
}

}  // namespace cxr::synth
