#pragma once
// The DICOM file GDCM is given to decode a JPEG 2000 film: not the user's file but a minimal
// one written here from what DCMTK parsed (the image pixel attributes and the pixel data's
// fragments). GDCM's own DICOM parser disagrees with DCMTK's on damaged files (found by
// fuzzing: an attribute DCMTK read as text GDCM read as a 1.2 GB length, and reserved it), so
// GDCM never parses the user's bytes, only the code stream fragments inside them.
#include <filesystem>
#include <string>

#include <dcmtk/dcmdata/dcxfer.h>

#include "core/imaging/dicom_pixels.h"

class DcmDataset;

namespace cxr::imaging::detail {

// Explicit VR little endian meta and data set with the layout's values and the encapsulated
// fragments of `ds`'s pixel data (an empty offset table first). Throws Corrupt when the pixel
// data holds no fragments, and Jpeg2000Malformed (jpeg2000_codec.h) when the first fragment's
// code-stream header is unsound (jpeg2000_header.h) or no fragment holds an EOC byte: GDCM
// must not be given such a stream.
std::string jpeg2000DicomForGdcm(DcmDataset& ds, E_TransferSyntax xfer, const PixelLayout& layout,
                                 const std::filesystem::path& name);

}  // namespace cxr::imaging::detail
