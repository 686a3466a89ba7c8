#include "core/synth/chest_phantom.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "core/synth/chest_anatomy.h"
#include "core/synth/opacity_painter.h"
#include "core/synth/synth_random.h"

namespace cxr::synth {
namespace {

// Anatomy is drawn at most this large and then resized: a 2000 px film costs the same as a
// 512 px one apart from the final resize, the noise and the encoder.
constexpr int kMaxWorkingSide = 512;
constexpr double kPi = 3.14159265358979;

double sq(double x) { return x * x; }
double smoothstep(double e0, double e1, double x) {
    const double t = std::clamp((x - e0) / (e1 - e0), 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

cv::Mat blurred(const cv::Mat& m, double sigma) {
    cv::Mat out;
    if (sigma < 0.4)
        return m.clone();
    cv::GaussianBlur(m, out, cv::Size(0, 0), sigma, sigma, cv::BORDER_REPLICATE);
    return out;
}

cv::Mat to01(const cv::Mat& m8) {
    cv::Mat f;
    m8.convertTo(f, CV_32F, 1.0 / 255.0);
    return f;
}

std::vector<cv::Point> polyline(const ChestPose& pose, const std::vector<cv::Point2d>& uv, int side) {
    std::vector<cv::Point> out;
    for (const auto& p : uv) {
        const cv::Point2f q = pose.toPixel(side * p.x, p.y);
        out.emplace_back(cvRound(q.x * 16), cvRound(q.y * 16));
    }
    return out;
}

int thickness(const ChestPose& pose, double units) {
    return std::max(1, static_cast<int>(std::lround(units * pose.unit)));
}

// Posterior ribs (bright, from the spine up-and-out then curving down), fainter anterior ribs
// (from the lateral wall down towards the sternum) and the clavicles.
cv::Mat drawBones(const ChestAnatomy& a, const ChestPose& pose, cv::Size size) {
    cv::Mat bones = cv::Mat::zeros(size, CV_8U);
    const double cpMean = 0.5 * (a.domeTop(-1) + a.domeTop(1)) + a.costophrenicDrop;
    const double spacing = (cpMean - a.apexV - 0.08) / a.ribCount;
    const double lateralEnd = a.lungHalfWidth + 0.045;
    for (int side : {-1, 1}) {
        for (int k = 0; k < a.ribCount; ++k) {
            const double v0 = a.apexV + 0.03 + k * spacing;
            std::vector<cv::Point2d> posterior, anterior;
            for (int i = 0; i <= 16; ++i) {
                const double t = i / 16.0;
                posterior.emplace_back(0.04 + t * (lateralEnd - 0.04),
                                       v0 - 0.045 * std::sin(kPi * t * 0.85) + (0.04 + 0.01 * k) * std::pow(t, 2.5));
                anterior.emplace_back(lateralEnd - 0.02 - t * (lateralEnd - 0.16),
                                      v0 + 0.02 + 0.11 * t + 0.02 * std::sin(kPi * t));
            }
            cv::polylines(bones, polyline(pose, posterior, side), false, cv::Scalar(190),
                          thickness(pose, 0.02), cv::LINE_AA, 4);
            if (k < a.ribCount - 3)
                cv::polylines(bones, polyline(pose, anterior, side), false, cv::Scalar(80),
                              thickness(pose, 0.016), cv::LINE_AA, 4);
        }
        std::vector<cv::Point2d> clavicle;
        for (int i = 0; i <= 16; ++i) {
            const double t = i / 16.0;
            clavicle.emplace_back(0.07 + 0.33 * t, a.apexV + 0.07 - 0.09 * t + 0.012 * std::sin(2 * kPi * t));
        }
        cv::polylines(bones, polyline(pose, clavicle, side), false, cv::Scalar(255),
                      thickness(pose, 0.032), cv::LINE_AA, 4);
    }
    return bones;
}

void drawVesselBranch(cv::Mat& layer, const ChestPose& pose, cv::Point2d from, double angle,
                      double length, int depth, int side, SynthRandom& rng) {
    const cv::Point2d to(from.x + length * std::cos(angle), from.y + length * std::sin(angle));
    const cv::Point2f p = pose.toPixel(side * from.x, from.y), q = pose.toPixel(side * to.x, to.y);
    const int value = static_cast<int>(220 * std::pow(0.75, depth));
    cv::line(layer, cv::Point(cvRound(p.x * 16), cvRound(p.y * 16)),
             cv::Point(cvRound(q.x * 16), cvRound(q.y * 16)), cv::Scalar(value),
             thickness(pose, 0.012 * std::pow(0.7, depth)), cv::LINE_AA, 4);
    if (depth >= 3)
        return;
    for (int child = 0; child < 2; ++child) {
        const double turn = (child == 0 ? -1 : 1) * rng.uniform(0.25, 0.55);
        drawVesselBranch(layer, pose, to, angle + turn, length * rng.uniform(0.6, 0.8), depth + 1, side, rng);
    }
}

// Pulmonary vessels fanning out from each hilum: texture both classes share.
cv::Mat drawVessels(const ChestAnatomy& a, const ChestPose& pose, cv::Size size, SynthRandom& rng) {
    cv::Mat layer = cv::Mat::zeros(size, CV_8U);
    for (int side : {-1, 1}) {
        const cv::Point2d hilum(a.mediastinumHalf + 0.05, a.apexV + 0.45 * (a.domeTop(side) - a.apexV));
        for (int trunk = 0; trunk < 4; ++trunk) {
            const double angle = (-65.0 + trunk * 40.0 + rng.uniform(-12, 12)) * kPi / 180.0;
            drawVesselBranch(layer, pose, hilum, angle, rng.uniform(0.08, 0.12), 0, side, rng);
        }
    }
    return layer;
}

// Dense structures outside the lungs: spine, heart, aortic knob, and the gastric air bubble.
cv::Mat drawMediastinum(const ChestAnatomy& a, const ChestPose& pose, cv::Size size) {
    cv::Mat dense = cv::Mat::zeros(size, CV_32F);
    std::vector<cv::Point> spine;
    for (const auto& [u, v] : {std::pair<double, double>{-0.045, a.apexV - 0.3}, {0.045, a.apexV - 0.3},
                               {0.045, 1.0}, {-0.045, 1.0}}) {
        const cv::Point2f p = pose.toPixel(u, v);
        spine.emplace_back(cvRound(p.x * 16), cvRound(p.y * 16));
    }
    std::vector<cv::Point> mediastinum;
    for (const auto& [u, v] : {std::pair<double, double>{-a.mediastinumHalf, a.apexV + 0.05},
                               {a.mediastinumHalf, a.apexV + 0.05}, {a.mediastinumHalf, a.domeV},
                               {-a.mediastinumHalf, a.domeV}}) {
        const cv::Point2f p = pose.toPixel(u, v);
        mediastinum.emplace_back(cvRound(p.x * 16), cvRound(p.y * 16));
    }
    cv::fillPoly(dense, std::vector<std::vector<cv::Point>>{mediastinum}, cv::Scalar(0.35), cv::LINE_8, 4);
    const double angle = std::atan2(pose.sinA, pose.cosA) * 180.0 / kPi;
    const double heartV = a.domeV - 0.55 * a.heartB + 0.02;
    cv::ellipse(dense, cv::RotatedRect(pose.toPixel(a.heartU, heartV),
                                       cv::Size2f(static_cast<float>(2 * a.heartA * pose.unit),
                                                  static_cast<float>(2 * a.heartB * pose.unit)),
                                       static_cast<float>(angle)),
                cv::Scalar(0.35), cv::FILLED);
    cv::ellipse(dense, cv::RotatedRect(pose.toPixel(0.075, a.apexV + 0.17),
                                       cv::Size2f(static_cast<float>(0.09 * pose.unit), static_cast<float>(0.09 * pose.unit)),
                                       static_cast<float>(angle)),
                cv::Scalar(0.35), cv::FILLED);
    cv::fillPoly(dense, std::vector<std::vector<cv::Point>>{spine}, cv::Scalar(0.8), cv::LINE_8, 4);
    if (a.gastricBubble)
        cv::ellipse(dense, cv::RotatedRect(pose.toPixel(0.21, a.domeTop(1) + 0.055),
                                           cv::Size2f(static_cast<float>(0.11 * pose.unit), static_cast<float>(0.06 * pose.unit)),
                                           static_cast<float>(angle)),
                    cv::Scalar(-1.1), cv::FILLED);
    return dense;
}

cv::Mat lungMask(const ChestAnatomy& a, const ChestPose& pose, cv::Size size) {
    cv::Mat mask = cv::Mat::zeros(size, CV_8U);
    const std::vector<std::vector<cv::Point>> lungs{lungOutline(a, pose, -1), lungOutline(a, pose, 1)};
    cv::fillPoly(mask, lungs, cv::Scalar(255), cv::LINE_AA, 4);
    // The heart and the aortic knob overlap the medial lungs.
    const double angle = std::atan2(pose.sinA, pose.cosA) * 180.0 / kPi;
    const double heartV = a.domeV - 0.55 * a.heartB + 0.02;
    cv::ellipse(mask, cv::RotatedRect(pose.toPixel(a.heartU, heartV),
                                      cv::Size2f(static_cast<float>(2 * a.heartA * pose.unit),
                                                 static_cast<float>(2 * a.heartB * pose.unit)),
                                      static_cast<float>(angle)),
                cv::Scalar(0), cv::FILLED, cv::LINE_AA);
    cv::circle(mask, pose.toPixel(0.075, a.apexV + 0.17), std::max(1, cvRound(0.05 * pose.unit)),
               cv::Scalar(0), cv::FILLED, cv::LINE_AA);
    return mask;
}

cv::Mat lowFrequencyNoise(cv::Size size, int gridW, int gridH, SynthRandom& rng) {
    cv::Mat grid(gridH, gridW, CV_32F);
    for (int i = 0; i < gridW * gridH; ++i)
        grid.at<float>(i) = static_cast<float>(rng.normal());
    cv::Mat out;
    cv::resize(grid, out, size, 0, 0, cv::INTER_CUBIC);
    return out;
}

// Soft tissue: brightness follows the body's thickness along the beam (an elliptic cross
// section), so the chest wall darkens towards the skin line; shoulders and neck at the top.
void composeBody(cv::Mat& img, const ChestAnatomy& a, const ChestPose& pose, const cv::Mat& lung,
                 const cv::Mat& dense, const cv::Mat& bones, const cv::Mat& vessels) {
    constexpr double kBackground = 0.05;
    const double hilumV = a.apexV + 0.45 * (a.domeV - a.apexV);
    for (int y = 0; y < img.rows; ++y) {
        auto* out = img.ptr<float>(y);
        const auto* l = lung.ptr<float>(y);
        const auto* d = dense.ptr<float>(y);
        const auto* b = bones.ptr<float>(y);
        const auto* ves = vessels.ptr<float>(y);
        for (int x = 0; x < img.cols; ++x) {
            double u, v;
            pose.toAnatomy(x, y, u, v);
            const double au = std::abs(u);
            const double halfWidth = a.bodyHalfWidth * (1 + 0.07 * std::exp(-sq((v - a.apexV - 0.02) / 0.1))) -
                                     0.04 * smoothstep(a.domeV, a.domeV + 0.4, v);
            const double shoulder = a.apexV - 0.15 + 1.2 * sq(std::max(0.0, au - 0.1));
            double t = au < halfWidth ? std::sqrt(1 - sq(u / halfWidth)) : 0.0;
            t *= smoothstep(shoulder, shoulder + 0.07, v);
            constexpr double kNeckHalf = 0.13;
            if (au < kNeckHalf)
                t = std::max(t, 0.8 * std::sqrt(1 - sq(u / kNeckHalf)));
            double value = kBackground + (a.softTissue - kBackground) * std::sqrt(t);
            value += 0.04 * smoothstep(a.domeV, a.domeV + 0.15, v) * t;  // abdomen
            const double zone = 0.82 + 0.18 * smoothstep(a.apexV, a.apexV + 0.25, v) -
                                0.12 * std::exp(-sq((au - 0.13) / 0.07) - sq((v - hilumV) / 0.08));
            value -= a.lungDarkness * zone * l[x];
            const double inBody = t > 0 ? std::min(1.0, 4 * t) : 0.0;
            value += inBody * (0.09 * d[x] + (0.05 + 0.05 * l[x]) * a.boneDensity * b[x]);
            value += 0.05 * ves[x] * l[x];
            out[x] = static_cast<float>(value);
        }
    }
}

}  // namespace

ChestFilm renderChestFilm(const FilmPlan& plan, bool paintOpacitiesToo) {
    const int longSide = std::max(plan.width, plan.height);
    const double scale = std::min(1.0, static_cast<double>(kMaxWorkingSide) / longSide);
    const cv::Size work(std::max(8, static_cast<int>(std::lround(plan.width * scale))),
                        std::max(8, static_cast<int>(std::lround(plan.height * scale))));
    const cv::Size full(plan.width, plan.height);

    const ChestAnatomy anatomy = ChestAnatomy::draw(plan.patientSeed);
    const ChestPose pose = ChestPose::draw(plan.filmSeed, work.width, work.height);
    // Separate streams, so leaving the opacities out changes nothing else in the film.
    SynthRandom textureRng(SynthRandom::derive(plan.filmSeed, 0x54455854ULL));
    SynthRandom opacityRng(SynthRandom::derive(plan.filmSeed, 0x4F504143ULL));
    SynthRandom toneRng(SynthRandom::derive(plan.filmSeed, 0x544F4E45ULL));

    const cv::Mat lungHard = lungMask(anatomy, pose, work);
    const cv::Mat lungSoft = blurred(to01(lungHard), 0.006 * pose.unit);
    const cv::Mat dense = blurred(drawMediastinum(anatomy, pose, work), 0.012 * pose.unit);
    const cv::Mat bones = blurred(to01(drawBones(anatomy, pose, work)), 0.003 * pose.unit);
    const cv::Mat vessels = blurred(to01(drawVessels(anatomy, pose, work, textureRng)), 0.006 * pose.unit);

    cv::Mat img(work, CV_32F);
    composeBody(img, anatomy, pose, lungSoft, dense, bones, vessels);
    img += 0.018 * lowFrequencyNoise(work, 8, 6, textureRng);
    cv::Mat lungTexture = lowFrequencyNoise(work, 24, 20, textureRng);
    img += 0.02 * lungTexture.mul(lungSoft);

    ChestFilm film;
    if (plan.pneumonia() && paintOpacitiesToo)
        film.opacities = paintOpacities(img, lungSoft, lungHard, anatomy, pose, plan.subtype, opacityRng);

    // Exposure and processing differ from film to film, identically in both classes, so overall
    // brightness says nothing about the class.
    const double contrast = toneRng.uniform(0.88, 1.12), brightness = toneRng.uniform(-0.05, 0.05);
    const double gamma = toneRng.uniform(0.85, 1.15);
    img = (img - 0.3) * contrast + 0.3 + brightness;
    cv::max(img, 0.0, img);
    cv::min(img, 1.0, img);
    cv::pow(img, gamma, img);

    cv::Mat out = img, mask = lungHard;
    if (work != full) {
        cv::resize(img, out, full, 0, 0, cv::INTER_LINEAR);
        cv::resize(lungHard, mask, full, 0, 0, cv::INTER_NEAREST);
        const double sx = static_cast<double>(full.width) / work.width;
        const double sy = static_cast<double>(full.height) / work.height;
        for (auto& box : film.opacities) {
            box.x0 = static_cast<int>(std::floor(box.x0 * sx));
            box.y0 = static_cast<int>(std::floor(box.y0 * sy));
            box.x1 = std::min(full.width, static_cast<int>(std::ceil(box.x1 * sx)));
            box.y1 = std::min(full.height, static_cast<int>(std::ceil(box.y1 * sy)));
        }
    }
    cv::Mat noise(full, CV_32F);
    cv::RNG(static_cast<std::uint64_t>(toneRng.next())).fill(noise, cv::RNG::NORMAL, 0.0, 0.011);
    out = out + noise;
    cv::max(out, 0.0, out);
    cv::min(out, 1.0, out);

    film.width = full.width;
    film.height = full.height;
    film.intensity.assign(out.begin<float>(), out.end<float>());
    film.lungMask.assign(mask.begin<std::uint8_t>(), mask.end<std::uint8_t>());
    for (auto& m : film.lungMask)
        m = m >= 128 ? 255 : 0;
    return film;
}

}  // namespace cxr::synth
