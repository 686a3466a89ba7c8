#include "core/imaging/load_film.h"

#include <algorithm>
#include <fstream>
#include <new>

#include <opencv2/core.hpp>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/imaging/dicom_reader.h"
#include "core/imaging/format_sniffer.h"
#include "core/imaging/raster_reader.h"

namespace cxr::imaging {
namespace {

constexpr std::uint64_t kMaxFileBytes = 2ULL << 30;  // no chest film comes near 2 GiB

std::string hexStart(const std::uint8_t* data, std::size_t size) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < std::min<std::size_t>(size, 8); ++i) {
        if (i) out += ' ';
        out += digits[data[i] >> 4];
        out += digits[data[i] & 15];
    }
    return out;
}

Film decode(const std::uint8_t* data, std::size_t size, const std::filesystem::path& name,
            const LoadOptions& options) {
    if (size == 0) throw Error(ErrorCode::InvalidInput, name, "the file is empty");
    const std::string format = detail::sniffBytes(data, size);
    if (format.empty()) {
        const std::string guess = detail::describeUnknownContent(data, size);
        throw Error(ErrorCode::InvalidInput, name,
                    "not an image: the content is neither DICOM nor JPEG, PNG, BMP or TIFF" +
                        (guess.empty() ? " (it starts with " + hexStart(data, size) + ")" : " (it looks like " + guess + ")"));
    }
    Film film = format == "DICOM" ? detail::readDicom(data, size, name, options)
                                  : detail::readRaster(format, data, size, name, options);
    if (film.pixels.empty() || film.pixels.size() != static_cast<std::size_t>(film.width) * film.height)
        throw Error(ErrorCode::Internal, name, "the decoder returned no pixels");
    const auto [mn, mx] = std::minmax_element(film.pixels.begin(), film.pixels.end());
    if (*mn == *mx) film.warnings.push_back(Notice("film.blank"));
    return film;
}

}  // namespace

Film loadFilmFromMemory(const std::uint8_t* data, std::size_t size, const std::string& nameForMessages,
                        const LoadOptions& options) {
    const std::filesystem::path name(nameForMessages);
    try {
        return decode(data, size, name, options);
    } catch (const Error&) {
        throw;
    } catch (const std::bad_alloc&) {
        throw Error(ErrorCode::TooLarge, name, "not enough memory to decode the film");
    } catch (const cv::Exception& e) {
        throw Error(ErrorCode::Corrupt, name, "OpenCV failed: " + e.err);
    } catch (const std::exception& e) {
        throw Error(ErrorCode::Corrupt, name, std::string("decoding failed: ") + e.what());
    }
}

Film loadFilm(const std::filesystem::path& path, const LoadOptions& options) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) throw Error(ErrorCode::NotFound, path, "no such file");
    if (std::filesystem::is_directory(status))
        throw Error(ErrorCode::InvalidInput, path, "this is a folder, not a film");
    if (!std::filesystem::is_regular_file(status))
        throw Error(ErrorCode::InvalidInput, path, "not a regular file");
    const auto bytes = readFileBytes(path, kMaxFileBytes);
    return loadFilmFromMemory(bytes.data(), bytes.size(), path.string(), options);
}

std::string sniffFormat(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorCode::NotFound, path, "cannot open the file");
    std::uint8_t head[512] = {};
    in.read(reinterpret_cast<char*>(head), sizeof head);
    return detail::sniffBytes(head, static_cast<std::size_t>(in.gcount()));
}

}  // namespace cxr::imaging
