#pragma once
// The grey-pixel arithmetic of a DICOM film: the Image Pixel module's layout, stored values to
// modality values (Rescale Slope/Intercept or a Modality LUT), and the VOI LUT when there is one.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/imaging/film.h"

class DcmDataset;

namespace cxr::imaging::detail {

struct PixelLayout {
    int rows = 0, columns = 0;
    int bitsAllocated = 16, bitsStored = 16, highBit = 15;
    int samples = 1, frames = 1, planarConfiguration = 0;
    bool signedPixels = false;
    std::string photometric = "MONOCHROME2";
    std::vector<Notice> warnings;  // lenient repairs of inconsistent headers

    bool isMonochrome() const { return photometric == "MONOCHROME1" || photometric == "MONOCHROME2"; }
    int bytesPerSample() const { return bitsAllocated <= 8 ? 1 : 2; }
    std::size_t frameBytes() const {
        return static_cast<std::size_t>(rows) * columns * samples * bytesPerSample();
    }
};

// Throws Corrupt (missing geometry) or Unsupported (bits allocated other than 8 or 16).
PixelLayout readPixelLayout(DcmDataset& ds, const std::filesystem::path& name);

// `frame`: one frame of grey stored samples in local byte order. Records the rescale in
// film.meta and returns modality values.
std::vector<float> storedToModality(const std::vector<std::uint8_t>& frame, const PixelLayout& layout,
                                    DcmDataset& ds, Film& film);

// The first VOI LUT of the VOI LUT Sequence, or nullopt.
std::optional<VoiLut> readVoiLut(DcmDataset& ds, bool signedPixels);

}  // namespace cxr::imaging::detail
