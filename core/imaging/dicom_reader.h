#pragma once
// DICOM films through DCMTK (with its JPEG, JPEG-LS and RLE codecs) and, for JPEG 2000, GDCM.
// Pixels come out as modality values (rescale or modality LUT applied); the VOI window is
// taken from the file, else its VOI LUT, else a percentile window; MONOCHROME1 sets Film::invert.
#include <cstddef>
#include <cstdint>
#include <filesystem>

#include "core/imaging/film.h"
#include "core/imaging/load_film.h"

namespace cxr::imaging::detail {

Film readDicom(const std::uint8_t* data, std::size_t size, const std::filesystem::path& name,
               const LoadOptions& options);

}  // namespace cxr::imaging::detail
