#include "core/imaging/raster_reader.h"

#include <algorithm>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/common/error.h"
#include "core/imaging/load_limits.h"
#include "core/imaging/raster_header.h"
#include "core/imaging/windowing.h"

namespace cxr::imaging::detail {
namespace {

// The largest JPEG scale-down (libjpeg decodes 1/2, 1/4, 1/8 natively, much faster) that keeps
// the short side at or above the requested minimum.
int jpegReduction(const RasterHeader& header, int minDecodeSide) {
    if (minDecodeSide <= 0) return 1;
    const std::int64_t shortSide = std::min(header.width, header.height);
    for (int factor : {8, 4, 2})
        if (shortSide / factor >= minDecodeSide) return factor;
    return 1;
}

int reducedFlag(int factor, bool colour) {
    switch (factor) {
    case 2: return colour ? cv::IMREAD_REDUCED_COLOR_2 : cv::IMREAD_REDUCED_GRAYSCALE_2;
    case 4: return colour ? cv::IMREAD_REDUCED_COLOR_4 : cv::IMREAD_REDUCED_GRAYSCALE_4;
    case 8: return colour ? cv::IMREAD_REDUCED_COLOR_8 : cv::IMREAD_REDUCED_GRAYSCALE_8;
    default: return cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR;
    }
}

// Many "colour" chest films are grey pictures saved as RGB; only real colour earns a warning.
bool channelsDiffer(const cv::Mat& bgr) {
    std::vector<cv::Mat> planes;
    cv::split(bgr, planes);
    cv::Mat diff;
    double worst = 0, value = 0;
    cv::absdiff(planes[0], planes[1], diff);
    cv::minMaxLoc(diff, nullptr, &value);
    worst = std::max(worst, value);
    cv::absdiff(planes[1], planes[2], diff);
    cv::minMaxLoc(diff, nullptr, &value);
    worst = std::max(worst, value);
    const double tolerance = bgr.depth() == CV_8U ? 4.0 : 4.0 * 257.0;  // JPEG chroma rounding
    return worst > tolerance;
}

}  // namespace

Film readRaster(const std::string& format, const std::uint8_t* data, std::size_t size,
                const std::filesystem::path& name, const LoadOptions& options) {
    if (format == "TIFF" && size >= 4 && (data[2] == '+' || data[3] == '+'))
        throw Error(ErrorCode::Unsupported, name, "BigTIFF files are not supported");
    const auto header = readRasterHeader(format, data, size);
    if (!header)
        throw Error(ErrorCode::Corrupt, name, "the " + format + " header is damaged or truncated");
    checkDimensions(header->width, header->height, name, options);

    Film film;
    film.meta.format = format;
    film.meta.photometric = "MONOCHROME2";
    const bool jpeg = format == "JPEG";
    const int factor = jpeg ? jpegReduction(*header, options.minDecodeSide) : 1;
    const bool colourJpeg = jpeg && header->components >= 3;
    const int flags = reducedFlag(factor, colourJpeg);

    cv::Mat decoded;
    try {
        const cv::Mat buffer(1, static_cast<int>(size), CV_8UC1, const_cast<std::uint8_t*>(data));
        decoded = cv::imdecode(buffer, flags);
    } catch (const cv::Exception& e) {
        throw Error(ErrorCode::Corrupt, name, "OpenCV could not decode the " + format + " data: " + e.err);
    }
    if (decoded.empty())
        throw Error(ErrorCode::Corrupt, name, "the " + format + " data could not be decoded (damaged or truncated)");
    if (jpeg && !header->hasEndMarker)
        film.warnings.push_back(Notice("film.jpeg_truncated"));

    film.meta.samplesPerPixel = header->components > 0 ? header->components : decoded.channels();
    if (decoded.channels() == 3 || decoded.channels() == 4) {
        if (channelsDiffer(decoded))
            film.warnings.push_back(Notice("film.colour_image_to_grey"));
        cv::Mat grey;
        cv::cvtColor(decoded, grey, decoded.channels() == 3 ? cv::COLOR_BGR2GRAY : cv::COLOR_BGRA2GRAY);
        decoded = grey;
    } else if (decoded.channels() != 1) {
        throw Error(ErrorCode::Unsupported, name,
                    "images with " + std::to_string(decoded.channels()) + " channels are not supported");
    }
    film.meta.decodeReduction = factor;
    if (factor > 1)
        film.warnings.push_back(Notice("film.decoded_reduced")
                                    .integer("factor", factor)
                                    .integer("width", header->width)
                                    .integer("height", header->height));

    film.width = decoded.cols;
    film.height = decoded.rows;
    cv::Mat values;
    decoded.convertTo(values, CV_32F);
    film.pixels.assign(values.begin<float>(), values.end<float>());
    const int depth = decoded.depth();
    film.meta.bitsAllocated = film.meta.bitsStored =
        depth == CV_8U || depth == CV_8S ? 8 : depth == CV_16U || depth == CV_16S ? 16 : 32;
    film.meta.signedPixels = depth == CV_8S || depth == CV_16S || depth == CV_32S || depth == CV_32F || depth == CV_64F;
    if (depth == CV_8U) {
        film.window = DisplayWindow{};  // full range: display levels equal the stored bytes
    } else {
        film.window = percentileWindow(film.pixels);
    }
    return film;
}

}  // namespace cxr::imaging::detail
