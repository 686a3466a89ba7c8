#include "core/imaging/dicom_colour.h"

#include <cmath>
#include <cstring>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmimage/diregist.h>  // registers colour support in DicomImage
#include <dcmtk/dcmimgle/dcmimage.h>

#include "core/common/error.h"

namespace cxr::imaging::detail {
namespace {

float luma(double r, double g, double b) { return static_cast<float>(std::round(0.299 * r + 0.587 * g + 0.114 * b)); }

void setEightBitGrey(Film& film) {
    film.meta.bitsAllocated = film.meta.bitsStored = 8;
    film.meta.signedPixels = false;
    film.window = DisplayWindow{};  // full range over 0..255
    film.invert = false;
}

}  // namespace

void colourToGrey(DcmDataset& ds, E_TransferSyntax xfer, const std::filesystem::path& name, Film& film) {
    // Only the first frame; the UL arguments avoid DicomImage's ambiguous overloads.
    ::DicomImage image(&ds, xfer, 0UL, 0UL, 1UL);
    if (image.getStatus() != EIS_Normal)
        throw Error(ErrorCode::Corrupt, name,
                    std::string("the colour pixel data could not be decoded (DCMTK: ") +
                        ::DicomImage::getString(image.getStatus()) + ")");
    const auto width = static_cast<int>(image.getWidth());
    const auto height = static_cast<int>(image.getHeight());
    if (width != film.width || height != film.height)
        throw Error(ErrorCode::Corrupt, name, "the decoded colour frame does not match the header's geometry");
    const auto* rgb = static_cast<const std::uint8_t*>(image.getOutputData(8, 0, 0));
    if (!rgb) throw Error(ErrorCode::Corrupt, name, "the colour pixel data could not be rendered");
    const std::size_t count = static_cast<std::size_t>(width) * height;
    film.pixels.resize(count);
    if (image.isMonochrome()) {
        for (std::size_t i = 0; i < count; ++i) film.pixels[i] = rgb[i];
    } else {
        for (std::size_t i = 0; i < count; ++i)
            film.pixels[i] = luma(rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]);
    }
    setEightBitGrey(film);
}

void interleavedRgbToGrey(const std::vector<std::uint8_t>& frame, const PixelLayout& layout, Film& film) {
    const std::size_t count = static_cast<std::size_t>(layout.rows) * layout.columns;
    const int bytes = layout.bytesPerSample();
    const double scale = bytes == 1 ? 1.0 : 255.0 / ((1u << layout.bitsStored) - 1u);
    auto sample = [&](std::size_t pixel, int channel) -> double {
        const std::size_t index = layout.planarConfiguration == 1 ? channel * count + pixel : pixel * 3 + channel;
        if (bytes == 1) return frame[index];
        std::uint16_t word = 0;
        std::memcpy(&word, frame.data() + 2 * index, 2);
        return word * scale;
    };
    film.pixels.resize(count);
    for (std::size_t i = 0; i < count; ++i) film.pixels[i] = luma(sample(i, 0), sample(i, 1), sample(i, 2));
    setEightBitGrey(film);
}

}  // namespace cxr::imaging::detail
