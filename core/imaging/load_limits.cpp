#include "core/imaging/load_limits.h"

#include <string>

#include "core/common/error.h"

namespace cxr::imaging::detail {

void checkDimensions(std::int64_t width, std::int64_t height, const std::filesystem::path& name,
                     const LoadOptions& options) {
    if (width <= 0 || height <= 0)
        throw Error(ErrorCode::Corrupt, name, "the header declares an empty image (" + std::to_string(width) +
                                                  " x " + std::to_string(height) + " pixels)");
    if (width > options.maxSide || height > options.maxSide || width * height > options.maxPixels)
        throw Error(ErrorCode::TooLarge, name,
                    "the header declares " + std::to_string(width) + " x " + std::to_string(height) +
                        " pixels, over the limit of " + std::to_string(options.maxSide) + " per side and " +
                        std::to_string(options.maxPixels) + " in all; refused before decoding");
}

}  // namespace cxr::imaging::detail
