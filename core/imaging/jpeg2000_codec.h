#pragma once
// JPEG 2000 through GDCM (which Debian builds on OpenJPEG): DCMTK 3.6.7 has no JPEG 2000 codec,
// so both directions go through here, on whole DICOM files held in memory.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace cxr::imaging::detail {

// The first frame's stored values as GDCM decodes them: little-endian bytes, `bytesPerSample`
// per sample, `samples` samples per pixel, interleaved.
struct Jpeg2000Frame {
    int width = 0, height = 0, samples = 1, bytesPerSample = 2;
    std::vector<std::uint8_t> bytes;
};

// A pixel data element GDCM must not be given (see jpeg2000_header.h); what() is the reason.
struct Jpeg2000Malformed : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// `dicom` is a complete DICOM file in a JPEG 2000 transfer syntax, as jpeg2000DicomForGdcm
// (jpeg2000_source.h) writes it after checking its code streams. Throws std::runtime_error with
// GDCM's view of what failed; the caller names the file.
Jpeg2000Frame decodeJpeg2000(const std::uint8_t* dicom, std::size_t size);

// Re-encodes a complete uncompressed DICOM file as JPEG 2000, reversible (lossless) in both
// syntaxes: `lossyAllowedSyntax` picks 1.2.840.10008.1.2.4.91 instead of .90.
std::string encodeJpeg2000(const std::string& uncompressedDicom, bool lossyAllowedSyntax);

}  // namespace cxr::imaging::detail
