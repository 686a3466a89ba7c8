#pragma once
// Raster films (JPEG, PNG, BMP, TIFF) through OpenCV: 8- and 16-bit grey kept as they are,
// colour converted to grey with a warning, JPEGs optionally decoded at 1/2, 1/4 or 1/8 scale.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "core/imaging/film.h"
#include "core/imaging/load_film.h"

namespace cxr::imaging::detail {

Film readRaster(const std::string& format, const std::uint8_t* data, std::size_t size,
                const std::filesystem::path& name, const LoadOptions& options);

}  // namespace cxr::imaging::detail
