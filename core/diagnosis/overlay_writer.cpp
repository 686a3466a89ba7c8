#include "core/diagnosis/overlay_writer.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/common/atomic_file.h"
#include "core/common/error.h"

namespace cxr::diagnosis {

void writeOverlayPng(const std::filesystem::path& path, const std::vector<std::uint8_t>& rgb, int width, int height) {
    if (width <= 0 || height <= 0 || rgb.size() != static_cast<size_t>(width) * height * 3)
        throw Error(ErrorCode::InvalidInput, path, "overlay size does not match its pixels");
    std::vector<std::uint8_t> png;
    try {
        const cv::Mat rgbMat(height, width, CV_8UC3, const_cast<std::uint8_t*>(rgb.data()));
        cv::Mat bgr;
        cv::cvtColor(rgbMat, bgr, cv::COLOR_RGB2BGR);  // OpenCV stores BGR
        if (!cv::imencode(".png", bgr, png))
            throw Error(ErrorCode::Io, path, "PNG encoding failed");
    } catch (const cv::Exception& e) {
        throw Error(ErrorCode::Io, path, "PNG encoding failed: " + e.err);
    }
    writeFileAtomically(path, std::string(png.begin(), png.end()));
}

}  // namespace cxr::diagnosis
