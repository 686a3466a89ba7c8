// Overlays: the colour tables equal OpenCV's applyColorMap, and the composition equals
// pytorch-grad-cam's show_cam_on_image (written here with OpenCV, as that function does).
#include <gtest/gtest.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/common/error.h"
#include "core/diagnosis/overlay.h"
#include "core/diagnosis/overlay_writer.h"
#include "core/explain/colormap.h"
#include "test_dirs.h"

namespace cxr::diagnosis {
namespace {

TEST(Overlay, ColourTablesEqualOpenCvColorMaps) {
    cv::Mat levels(1, 256, CV_8UC1);
    for (int i = 0; i < 256; ++i)
        levels.at<std::uint8_t>(0, i) = static_cast<std::uint8_t>(i);
    const std::pair<explain::Colormap, int> maps[] = {{explain::Colormap::Jet, cv::COLORMAP_JET},
                                                      {explain::Colormap::Viridis, cv::COLORMAP_VIRIDIS},
                                                      {explain::Colormap::Inferno, cv::COLORMAP_INFERNO}};
    for (const auto& [ours, theirs] : maps) {
        cv::Mat bgr;
        cv::applyColorMap(levels, bgr, theirs);
        for (int i = 0; i < 256; ++i) {
            const cv::Vec3b c = bgr.at<cv::Vec3b>(0, i);
            const explain::Rgb8 mine = explain::colormapColor(ours, static_cast<std::uint8_t>(i));
            ASSERT_EQ(mine, (explain::Rgb8{c[2], c[1], c[0]})) << explain::colormapName(ours) << " level " << i;
        }
    }
}

// show_cam_on_image(img / 255, mask, use_rgb=True, image_weight=1 - opacity).
std::vector<std::uint8_t> showCamOnImage(const cv::Mat& grey, const cv::Mat& mask, double opacity) {
    cv::Mat heat, img;
    // np.uint8(255 * mask) truncates (convertTo would round).
    cv::Mat truncated(mask.size(), CV_8U);
    for (int i = 0; i < mask.rows * mask.cols; ++i)
        truncated.at<std::uint8_t>(i) = static_cast<std::uint8_t>(255.0f * mask.at<float>(i));
    cv::applyColorMap(truncated, heat, cv::COLORMAP_JET);
    cv::cvtColor(heat, heat, cv::COLOR_BGR2RGB);
    heat.convertTo(heat, CV_32FC3, 1.0 / 255);
    cv::cvtColor(grey, img, cv::COLOR_GRAY2RGB);
    img.convertTo(img, CV_32FC3, 1.0 / 255);
    cv::Mat cam = opacity * heat + (1 - opacity) * img;
    double maxValue = 0;
    cv::minMaxLoc(cam.reshape(1), nullptr, &maxValue);
    cam = cam / maxValue;
    std::vector<std::uint8_t> out;
    for (int i = 0; i < cam.rows; ++i)
        for (int j = 0; j < cam.cols; ++j)
            for (int k = 0; k < 3; ++k)
                out.push_back(static_cast<std::uint8_t>(255.0f * cam.at<cv::Vec3f>(i, j)[k]));
    return out;
}

TEST(Overlay, JetCompositionMatchesShowCamOnImage) {
    const int w = 37, h = 23;
    cv::Mat grey(h, w, CV_8UC1), mask(h, w, CV_32FC1);
    std::vector<std::uint8_t> greyVec;
    std::vector<float> heatVec;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            grey.at<std::uint8_t>(y, x) = static_cast<std::uint8_t>((x * 7 + y * 3) % 200);
            mask.at<float>(y, x) = static_cast<float>(x * y) / ((w - 1) * (h - 1));
            greyVec.push_back(grey.at<std::uint8_t>(y, x));
            heatVec.push_back(mask.at<float>(y, x));
        }
    for (double opacity : {0.5, 0.3}) {
        OverlayOptions options;
        options.opacity = opacity;
        const auto ours = makeOverlayRgb(greyVec, heatVec, w, h, options);
        const auto reference = showCamOnImage(grey, mask, opacity);
        ASSERT_EQ(ours.size(), reference.size());
        int worst = 0;
        for (size_t i = 0; i < ours.size(); ++i)
            worst = std::max(worst, std::abs(int(ours[i]) - int(reference[i])));
        EXPECT_LE(worst, 1) << "opacity " << opacity;  // float rounding at truncation edges
    }
}

TEST(Overlay, OpacityZeroWithoutRescaleIsTheFilm) {
    const std::vector<std::uint8_t> grey{0, 50, 100, 250};
    const std::vector<float> heat{0, 1, 0.5f, 0.2f};
    OverlayOptions options;
    options.opacity = 0;
    options.rescaleToMax = false;
    options.colormap = "viridis";
    const auto rgb = makeOverlayRgb(grey, heat, 2, 2, options);
    for (size_t i = 0; i < grey.size(); ++i)
        for (size_t k = 0; k < 3; ++k)
            EXPECT_NEAR(rgb[i * 3 + k], grey[i], 1);
}

TEST(Overlay, RejectsMismatchedSizesAndBadOptions) {
    const std::vector<std::uint8_t> grey(4);
    EXPECT_THROW(makeOverlayRgb(grey, std::vector<float>(3), 2, 2), Error);
    OverlayOptions bad;
    bad.opacity = 1.5;
    EXPECT_THROW(makeOverlayRgb(grey, std::vector<float>(4), 2, 2, bad), Error);
    bad = {};
    bad.colormap = "rainbow";
    EXPECT_THROW(makeOverlayRgb(grey, std::vector<float>(4), 2, 2, bad), Error);
}

TEST(Overlay, WritesAColourPngThatReadsBack) {
    const auto dir = test::scratchDir();
    std::vector<std::uint8_t> rgb{255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30};
    writeOverlayPng(dir / "o.png", rgb, 2, 2);
    const cv::Mat back = cv::imread((dir / "o.png").string(), cv::IMREAD_COLOR);
    ASSERT_EQ(back.cols, 2);
    EXPECT_EQ(back.at<cv::Vec3b>(0, 0), cv::Vec3b(0, 0, 255));  // BGR of red
    EXPECT_EQ(back.at<cv::Vec3b>(1, 1), cv::Vec3b(30, 20, 10));
    EXPECT_THROW(writeOverlayPng(dir / "no-such-folder" / "o.png", rgb, 2, 2), Error);
}

}  // namespace
}  // namespace cxr::diagnosis
