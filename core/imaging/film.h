#pragma once
// Film: one decoded radiograph as the engine sees it: linear pixel values (after the modality
// LUT, before any display mapping), its geometry, the display window, and metadata. Patient
// and study identifiers are kept apart from technical metadata so they can be dropped whole.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/notice.h"

namespace cxr::imaging {

// The VOI (display) window. `source` says where it came from, for the UI and `cxr info`.
struct DisplayWindow {
    double center = 127.5;
    double width = 255.0;
    std::string source = "full-range";  // "file", "voi-lut", "percentile", "full-range"
};

// A DICOM VOI LUT, kept when the file has one and no window: maps value -> output level.
struct VoiLut {
    double firstMapped = 0;          // the pixel value mapped to entries[0]
    std::vector<std::uint16_t> entries;
    int outputBits = 16;
};

struct FilmMetadata {
    std::string format;          // "DICOM", "JPEG", "PNG", "BMP", "TIFF"
    std::string transferSyntax;  // DICOM transfer syntax name, empty for raster films
    std::string transferSyntaxUid;
    std::string photometric;     // "MONOCHROME1", "MONOCHROME2", "RGB", ... as stored
    std::string modality;        // "CR", "DX", "DR", ... ; empty when unknown
    std::string viewPosition;    // "PA", "AP", "LL", ... ; empty when unknown
    std::string bodyPart;
    std::string manufacturer;
    int bitsAllocated = 8;
    int bitsStored = 8;
    bool signedPixels = false;
    int samplesPerPixel = 1;     // as stored; the Film itself is always grey
    int frames = 1;              // as stored; the Film holds the first
    double rescaleSlope = 1.0;
    double rescaleIntercept = 0.0;
    int decodeReduction = 1;     // 2, 4 or 8 when a JPEG was decoded at reduced scale
};

// Identifying fields; never logged, dropped by de-identification and by default in reports.
struct PatientInfo {
    std::string name, id, birthDate, sex, accessionNumber, studyDate, studyDescription,
        institution, studyInstanceUid, seriesInstanceUid, sopInstanceUid;
    // Patient's Age (0010,1010, e.g. "045Y") and Acquisition Date (0008,0022): with the birth
    // and study dates they tell the patient's age for the training-population check.
    std::string age, acquisitionDate;
    bool empty() const;
};

// One DICOM element as shown in a tag panel.
struct DicomTag {
    std::uint16_t group = 0, element = 0;
    std::string name, vr, value;
    bool identifying = false;  // patient/study identifiers, marked in the UI
};

struct Film {
    int width = 0;
    int height = 0;
    std::vector<float> pixels;  // row-major, width*height, modality units (after rescale)
    std::optional<double> pixelSpacingRow, pixelSpacingCol;  // mm, when known
    bool invert = false;        // MONOCHROME1: higher values display darker (applied last)
    DisplayWindow window;
    std::optional<VoiLut> voiLut;  // used when the file has a VOI LUT and no window
    FilmMetadata meta;
    PatientInfo patient;
    std::vector<DicomTag> tags;  // DICOM only
    std::vector<Notice> warnings;  // the loader's remarks: colour converted to grey, multi-frame, ...

    bool isEightBitRaster() const { return meta.format != "DICOM" && meta.bitsStored <= 8; }
    float at(int x, int y) const { return pixels[static_cast<size_t>(y) * width + x]; }
};

}  // namespace cxr::imaging
