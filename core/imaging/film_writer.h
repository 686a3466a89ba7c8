#pragma once
// Writing films: DICOM in the transfer syntaxes CXR Studio reads (for the synthetic sets, the
// tests and the fuzz seeds) and 8-bit raster files. Every failure is a cxr::Error naming the file.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/imaging/film.h"

namespace cxr::imaging {

enum class DicomSyntax {
    ExplicitLittle,   // 1.2.840.10008.1.2.1
    ImplicitLittle,   // 1.2.840.10008.1.2
    ExplicitBig,      // 1.2.840.10008.1.2.2 (retired, still met in archives)
    Deflated,         // 1.2.840.10008.1.2.1.99
    JpegLossless,     // 1.2.840.10008.1.2.4.70 (process 14, SV1)
    JpegLsLossless,   // 1.2.840.10008.1.2.4.80
    Rle,              // 1.2.840.10008.1.2.5
    Jpeg2000Lossless, // 1.2.840.10008.1.2.4.90 (through GDCM)
    Jpeg2000,         // 1.2.840.10008.1.2.4.91 (lossy allowed; written lossless-rate here)
};

const char* dicomSyntaxName(DicomSyntax syntax);  // e.g. "jpeg-ls", as `cxr synth` names them
DicomSyntax dicomSyntaxFromName(const std::string& name);  // throws InvalidInput on unknown

// Grey 16-bit pixels (stored values, 0 .. 2^bitsStored-1) and what to put in the header.
struct DicomImage {
    int width = 0, height = 0;
    std::vector<std::uint16_t> pixels;  // row-major stored values
    int bitsStored = 12;
    std::string photometric = "MONOCHROME2";  // or "MONOCHROME1"
    double windowCenter = 0, windowWidth = 0; // 0 width = no window in the file
    double rescaleSlope = 1, rescaleIntercept = 0;
    double pixelSpacing = 0.0;                // mm; 0 = none written
    FilmMetadata meta;     // modality, view position, body part, manufacturer
    PatientInfo patient;   // identifying fields (synthetic in test sets)
};

void writeDicom(const std::filesystem::path& path, const DicomImage& image, DicomSyntax syntax);

// 8-bit grey raster; the format follows the extension (.jpeg/.jpg, .png, .bmp, .tif).
// `jpegQuality` 1..100 applies to JPEG only.
void writeRaster(const std::filesystem::path& path, const std::vector<std::uint8_t>& grey, int width,
                 int height, int jpegQuality = 92);

}  // namespace cxr::imaging
