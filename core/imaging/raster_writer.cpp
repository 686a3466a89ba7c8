// writeRaster (declared in film_writer.h): 8-bit grey films through OpenCV's encoders.
#include <algorithm>
#include <cctype>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/imaging/film_writer.h"

namespace cxr::imaging {

void writeRaster(const std::filesystem::path& path, const std::vector<std::uint8_t>& grey, int width,
                 int height, int jpegQuality) {
    if (width <= 0 || height <= 0 || grey.size() != static_cast<size_t>(width) * height)
        throw Error(ErrorCode::InvalidInput, path, "pixel count does not match width x height");
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    const bool jpeg = ext == ".jpg" || ext == ".jpeg";
    if (!jpeg && ext != ".png" && ext != ".bmp" && ext != ".tif" && ext != ".tiff")
        throw Error(ErrorCode::InvalidInput, path,
                    "unknown raster extension '" + ext + "' (use .jpeg, .jpg, .png, .bmp or .tif)");
    std::vector<int> params;
    if (jpeg) params = {cv::IMWRITE_JPEG_QUALITY, std::clamp(jpegQuality, 1, 100)};

    const cv::Mat mat(height, width, CV_8UC1, const_cast<std::uint8_t*>(grey.data()));
    std::vector<uchar> encoded;
    try {
        if (!cv::imencode(jpeg ? ".jpg" : ext, mat, encoded, params))
            throw Error(ErrorCode::Io, path, "OpenCV could not encode the image");
    } catch (const cv::Exception& e) {
        throw Error(ErrorCode::Io, path, std::string("OpenCV could not encode the image: ") + e.what());
    }
    writeFileAtomically(path, std::string_view(reinterpret_cast<const char*>(encoded.data()), encoded.size()));
}

}  // namespace cxr::imaging
