#pragma once
// Colour DICOM films (RGB, YBR, palette colour) reduced to grey: the engine and the model see
// grey films only. DCMTK's image module does the colour-model work.
#include <cstdint>
#include <filesystem>
#include <vector>

#include <dcmtk/dcmdata/dcxfer.h>

#include "core/imaging/dicom_pixels.h"
#include "core/imaging/film.h"

class DcmDataset;

namespace cxr::imaging::detail {

// Decodes the first frame through DicomImage and fills film.pixels (0..255 luma), window, bits.
void colourToGrey(DcmDataset& ds, E_TransferSyntax xfer, const std::filesystem::path& name, Film& film);

// For frames already decoded elsewhere (JPEG 2000 through GDCM): interleaved or planar RGB.
void interleavedRgbToGrey(const std::vector<std::uint8_t>& frame, const PixelLayout& layout, Film& film);

}  // namespace cxr::imaging::detail
