#pragma once
// Content sniffing: what a file's first bytes say it is. Extensions are never consulted,
// because archives and exports are full of `.dcm` JPEGs and extension-less DICOM files.
#include <cstddef>
#include <cstdint>
#include <string>

namespace cxr::imaging::detail {

// "DICOM", "JPEG", "PNG", "BMP", "TIFF", or "" when none of these.
std::string sniffBytes(const std::uint8_t* data, std::size_t size);

// For a file that is none of the above: a short guess for the error message
// ("a text file", "a PDF document", "a JPEG 2000 file outside DICOM", ...), or "".
std::string describeUnknownContent(const std::uint8_t* data, std::size_t size);

}  // namespace cxr::imaging::detail
