#include "core/imaging/dicom_pixels.h"

#include <algorithm>
#include <cstring>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>

#include "core/common/error.h"

namespace cxr::imaging::detail {
namespace {

struct Lut {
    double firstMapped = 0;
    int bits = 16;
    std::vector<std::uint16_t> entries;
};

// A LUT item (Modality LUT or VOI LUT Sequence): descriptor = entries (0 means 65536),
// first mapped value (signed when the pixels are), bits per entry.
std::optional<Lut> readLutItem(DcmItem& item, bool signedPixels) {
    Uint16 count = 0, first = 0, bits = 0;
    if (item.findAndGetUint16(DCM_LUTDescriptor, count, 0).bad() ||
        item.findAndGetUint16(DCM_LUTDescriptor, first, 1).bad() ||
        item.findAndGetUint16(DCM_LUTDescriptor, bits, 2).bad())
        return std::nullopt;
    const Uint16* data = nullptr;
    unsigned long length = 0;
    if (item.findAndGetUint16Array(DCM_LUTData, data, &length).bad() || !data) return std::nullopt;
    Lut lut;
    const std::size_t entries = count == 0 ? 65536 : count;
    if (length < entries) return std::nullopt;
    lut.entries.assign(data, data + entries);
    lut.firstMapped = signedPixels ? static_cast<double>(static_cast<std::int16_t>(first)) : first;
    lut.bits = std::clamp<int>(bits, 1, 16);
    return lut;
}

}  // namespace

PixelLayout readPixelLayout(DcmDataset& ds, const std::filesystem::path& name) {
    PixelLayout l;
    Uint16 value = 0;
    if (ds.findAndGetUint16(DCM_Rows, value).bad())
        throw Error(ErrorCode::Corrupt, name, "the DICOM header has no Rows (0028,0010)");
    l.rows = value;
    if (ds.findAndGetUint16(DCM_Columns, value).bad())
        throw Error(ErrorCode::Corrupt, name, "the DICOM header has no Columns (0028,0011)");
    l.columns = value;
    if (ds.findAndGetUint16(DCM_BitsAllocated, value).bad())
        throw Error(ErrorCode::Corrupt, name, "the DICOM header has no Bits Allocated (0028,0100)");
    l.bitsAllocated = value;
    if (l.bitsAllocated != 8 && l.bitsAllocated != 16)
        throw Error(ErrorCode::Unsupported, name,
                    std::to_string(l.bitsAllocated) + " bits allocated per sample is not supported (8 or 16 are)");
    l.bitsStored = ds.findAndGetUint16(DCM_BitsStored, value).good() ? value : l.bitsAllocated;
    if (l.bitsStored < 1 || l.bitsStored > l.bitsAllocated) {
        l.warnings.push_back(Notice("dicom.bits_stored_invalid").integer("stored", l.bitsStored).integer("used", l.bitsAllocated));
        l.bitsStored = l.bitsAllocated;
    }
    l.highBit = ds.findAndGetUint16(DCM_HighBit, value).good() ? value : l.bitsStored - 1;
    if (l.highBit + 1 < l.bitsStored || l.highBit >= l.bitsAllocated) {
        l.warnings.push_back(Notice("dicom.high_bit_inconsistent").integer("stored", l.highBit).integer("used", l.bitsStored - 1));
        l.highBit = l.bitsStored - 1;
    }
    l.signedPixels = ds.findAndGetUint16(DCM_PixelRepresentation, value).good() && value == 1;
    l.samples = ds.findAndGetUint16(DCM_SamplesPerPixel, value).good() ? value : 1;
    if (l.samples != 1 && l.samples != 3)
        throw Error(ErrorCode::Unsupported, name, std::to_string(l.samples) + " samples per pixel is not supported");
    l.planarConfiguration = ds.findAndGetUint16(DCM_PlanarConfiguration, value).good() ? value : 0;
    Sint32 frames = 1;
    if (ds.findAndGetSint32(DCM_NumberOfFrames, frames).good() && frames > 1) l.frames = frames;
    OFString photometric;
    if (ds.findAndGetOFString(DCM_PhotometricInterpretation, photometric).good() && !photometric.empty()) {
        l.photometric = photometric.c_str();
    } else {
        l.photometric = l.samples == 1 ? "MONOCHROME2" : "RGB";
        l.warnings.push_back(Notice("dicom.photometric_assumed").text("photometric", l.photometric));
    }
    return l;
}

std::vector<float> storedToModality(const std::vector<std::uint8_t>& frame, const PixelLayout& layout,
                                    DcmDataset& ds, Film& film) {
    const std::size_t count = static_cast<std::size_t>(layout.rows) * layout.columns;
    const int shift = layout.highBit + 1 - layout.bitsStored;
    const std::uint32_t mask = (1u << layout.bitsStored) - 1u;
    const std::uint32_t signBit = 1u << (layout.bitsStored - 1);
    std::vector<float> out(count);
    for (std::size_t i = 0; i < count; ++i) {
        std::uint32_t raw = 0;
        if (layout.bytesPerSample() == 1) {
            raw = frame[i];
        } else {
            std::uint16_t word = 0;
            std::memcpy(&word, frame.data() + 2 * i, 2);  // already in local byte order
            raw = word;
        }
        const std::uint32_t v = (raw >> shift) & mask;
        const std::int32_t value = layout.signedPixels && (v & signBit)
                                       ? static_cast<std::int32_t>(v) - static_cast<std::int32_t>(mask + 1u)
                                       : static_cast<std::int32_t>(v);
        out[i] = static_cast<float>(value);
    }

    Float64 slope = 1, intercept = 0;
    const bool hasRescale = ds.findAndGetFloat64(DCM_RescaleSlope, slope).good() &&
                            ds.findAndGetFloat64(DCM_RescaleIntercept, intercept).good();
    if (hasRescale) {
        if (slope == 0) {
            film.warnings.push_back(Notice("dicom.rescale_slope_zero"));
            slope = 1;
            intercept = 0;
        }
        film.meta.rescaleSlope = slope;
        film.meta.rescaleIntercept = intercept;
        if (slope != 1 || intercept != 0)
            for (auto& v : out) v = static_cast<float>(v * slope + intercept);
        return out;
    }
    DcmItem* item = nullptr;
    if (ds.findAndGetSequenceItem(DCM_ModalityLUTSequence, item, 0).good() && item) {
        if (const auto lut = readLutItem(*item, layout.signedPixels)) {
            const auto last = static_cast<long>(lut->entries.size()) - 1;
            for (auto& v : out) {
                const long index = std::clamp(static_cast<long>(v - lut->firstMapped), 0L, last);
                v = lut->entries[static_cast<std::size_t>(index)];
            }
            film.meta.bitsStored = lut->bits;
        } else {
            film.warnings.push_back(Notice("dicom.modality_lut_unreadable"));
        }
    }
    return out;
}

std::optional<VoiLut> readVoiLut(DcmDataset& ds, bool signedPixels) {
    DcmItem* item = nullptr;
    if (ds.findAndGetSequenceItem(DCM_VOILUTSequence, item, 0).bad() || !item) return std::nullopt;
    const auto lut = readLutItem(*item, signedPixels);
    if (!lut) return std::nullopt;
    VoiLut voi;
    voi.firstMapped = lut->firstMapped;
    voi.entries = lut->entries;
    voi.outputBits = lut->bits;
    return voi;
}

}  // namespace cxr::imaging::detail
