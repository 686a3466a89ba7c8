#pragma once
// ChestAnatomy: one synthetic patient's body, in "anatomy units" (about one thorax width = 1,
// origin near the centre of the chest, u to the image right = patient's left, v downwards), and
// ChestPose: where one film of that patient puts it (scale, rotation, shift) in pixels.
// Films of one patient share the anatomy and differ in pose and inspiration, so a patient's
// films look alike — which is why data splits must keep a patient's films together.
#include <cstdint>
#include <vector>

#include <opencv2/core.hpp>

namespace cxr::synth {

struct ChestAnatomy {
    double bodyHalfWidth = 0.47;
    double lungHalfWidth = 0.38;   // lateral lung border
    double mediastinumHalf = 0.075;
    double apexV = -0.36;          // top of the lungs
    double domeV = 0.22;           // top of the right hemidiaphragm (image left)
    double leftDomeDrop = 0.025;   // the left dome sits lower
    double costophrenicDrop = 0.085;
    double heartU = 0.055, heartA = 0.17, heartB = 0.125;
    double softTissue = 0.47;      // brightness of soft tissue at full thickness
    double lungDarkness = 0.29;
    double boneDensity = 1.0;
    int ribCount = 10;
    bool gastricBubble = true;

    static ChestAnatomy draw(std::uint64_t patientSeed);
    double domeTop(int side) const { return side < 0 ? domeV : domeV + leftDomeDrop; }
};

struct ChestPose {
    double cx = 0, cy = 0;  // pixel position of the anatomy origin
    double unit = 1;        // pixels per anatomy unit
    double cosA = 1, sinA = 0;
    double inspiration = 0; // shifts the domes (deeper breath = lower domes)

    static ChestPose draw(std::uint64_t filmSeed, int width, int height);
    cv::Point2f toPixel(double u, double v) const;
    void toAnatomy(double x, double y, double& u, double& v) const;
};

// Lung outline of one side (-1 = image left / patient right, +1 = image right) in pixels.
std::vector<cv::Point> lungOutline(const ChestAnatomy& anatomy, const ChestPose& pose, int side);

}  // namespace cxr::synth
