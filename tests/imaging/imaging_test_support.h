#pragma once
// Shared fixtures for the imaging tests: small non-square films with known pixels.
#include <cstdint>
#include <string>
#include <vector>

#include "core/imaging/film_writer.h"
#include "support/patient_film.h"

namespace cxr::test {

constexpr int kWidth = 64;
constexpr int kHeight = 48;

// A 64 x 48 film whose values cover 0 .. 2^bits-1 with structure (gradient + texture), so
// codecs cannot cheat and any byte-order or bit-shift mistake changes values.
inline imaging::DicomImage testDicomImage(int bitsStored = 12, const std::string& photometric = "MONOCHROME2") {
    const std::uint32_t maxValue = (1u << bitsStored) - 1u;
    std::vector<std::uint16_t> pixels;
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x) {
            const std::uint32_t v = (static_cast<std::uint32_t>(x * 977 + y * 131) * 2654435761u) >> 7;
            const std::uint32_t ramp = maxValue * static_cast<std::uint32_t>(x + y) / (kWidth + kHeight - 2);
            pixels.push_back(static_cast<std::uint16_t>(((ramp + (v % 64)) > maxValue ? maxValue : ramp + (v % 64))));
        }
    pixels[0] = 0;
    pixels[1] = static_cast<std::uint16_t>(maxValue);
    imaging::DicomImage image = patientFilm(kWidth, kHeight, std::move(pixels), identifiedPatient(), bitsStored);
    image.photometric = photometric;
    // The window these tests' display mappings were computed with.
    image.windowCenter = maxValue / 2.0;
    image.windowWidth = maxValue;
    image.pixelSpacing = 0.143;
    image.meta.manufacturer = "CXR Studio test";
    return image;
}

inline std::vector<imaging::DicomSyntax> allDicomSyntaxes() {
    using S = imaging::DicomSyntax;
    return {S::ExplicitLittle, S::ImplicitLittle, S::ExplicitBig,    S::Deflated, S::JpegLossless,
            S::JpegLsLossless, S::Rle,            S::Jpeg2000Lossless, S::Jpeg2000};
}

}  // namespace cxr::test
