#include "core/imaging/jpeg2000_source.h"

#include <cstdint>
#include <cstring>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>

#include "core/common/error.h"
#include "core/imaging/jpeg2000_codec.h"
#include "core/imaging/jpeg2000_header.h"

namespace cxr::imaging::detail {
namespace {

std::string le16(unsigned v) { return {char(v & 0xFF), char((v >> 8) & 0xFF)}; }
std::string le32(std::uint32_t v) { return le16(v & 0xFFFF) + le16(v >> 16); }

// One explicit VR little endian element; text is padded to even length (NUL for UI).
std::string element(unsigned group, unsigned tag, const char* vr, std::string value) {
    if (value.size() % 2)
        value += std::string(vr) == "UI" || std::string(vr) == "OB" ? '\0' : ' ';
    const bool longLength = std::string(vr) == "OB";
    return le16(group) + le16(tag) + vr +
           (longLength ? le16(0) + le32(static_cast<std::uint32_t>(value.size())) : le16(static_cast<unsigned>(value.size()))) +
           value;
}
std::string us(unsigned group, unsigned tag, int value) { return element(group, tag, "US", le16(static_cast<unsigned>(value))); }
std::string item(const std::string& bytes) { return le16(0xFFFE) + le16(0xE000) + le32(static_cast<std::uint32_t>(bytes.size())) + bytes; }

}  // namespace

std::string jpeg2000DicomForGdcm(DcmDataset& ds, E_TransferSyntax xfer, const PixelLayout& layout,
                                 const std::filesystem::path& name) {
    DcmElement* element_ = nullptr;
    DcmPixelSequence* sequence = nullptr;
    auto* pixelData = ds.findAndGetElement(DCM_PixelData, element_).good() ? dynamic_cast<DcmPixelData*>(element_) : nullptr;
    if (!pixelData || pixelData->getEncapsulatedRepresentation(xfer, nullptr, sequence).bad() || !sequence)
        throw Error(ErrorCode::Corrupt, name, "the JPEG 2000 pixel data is not encapsulated in fragments");
    std::string fragments = item({});  // an empty basic offset table
    bool endByte = false;
    for (unsigned long i = 1; i < sequence->card(); ++i) {
        DcmPixelItem* fragment = nullptr;
        Uint8* bytes = nullptr;
        if (sequence->getItem(fragment, i).bad() || !fragment)
            throw Error(ErrorCode::Corrupt, name, "a JPEG 2000 fragment cannot be read");
        const Uint32 length = fragment->getLength();
        if (length > 0 && (fragment->getUint8Array(bytes).bad() || !bytes))
            throw Error(ErrorCode::Corrupt, name, "a JPEG 2000 fragment cannot be read");
        std::string value(reinterpret_cast<const char*>(bytes), bytes ? length : 0);
        if (value.size() % 2)
            value += '\0';
        // The checks run on exactly the bytes GDCM will get: its header parser reads the first
        // fragment with no bounds on marker lengths, and its decoder assert()s that the fragments
        // hold an EOC byte (0xD9); Debian's GDCM keeps its asserts.
        if (i == 1) {
            if (value.empty())
                throw Jpeg2000Malformed("JPEG 2000 code stream: the first fragment is empty");
            const std::string problem =
                jpeg2000HeaderProblem(reinterpret_cast<const std::uint8_t*>(value.data()), value.size());
            if (!problem.empty())
                throw Jpeg2000Malformed(problem);
        }
        endByte = endByte || (!value.empty() && std::memchr(value.data(), 0xD9, value.size()) != nullptr);
        fragments += item(value);
    }
    if (sequence->card() < 2)
        throw Error(ErrorCode::Corrupt, name, "the JPEG 2000 pixel data holds no fragments");
    if (!endByte)
        throw Jpeg2000Malformed("JPEG 2000 code stream: no end-of-code-stream marker (EOC, 0xFFD9) in the fragments");

    const std::string secondaryCapture = "1.2.840.10008.5.1.4.1.1.7";
    const std::string meta = element(0x0002, 0x0001, "OB", std::string("\0\1", 2)) +
                             element(0x0002, 0x0002, "UI", secondaryCapture) +
                             element(0x0002, 0x0003, "UI", "2.25.1") +
                             element(0x0002, 0x0010, "UI", DcmXfer(xfer).getXferID());
    std::string data = element(0x0008, 0x0016, "UI", secondaryCapture) + element(0x0008, 0x0018, "UI", "2.25.1") +
                       us(0x0028, 0x0002, layout.samples) + element(0x0028, 0x0004, "CS", layout.photometric);
    if (layout.samples > 1)
        data += us(0x0028, 0x0006, layout.planarConfiguration);
    if (layout.frames > 1)
        data += element(0x0028, 0x0008, "IS", std::to_string(layout.frames));
    data += us(0x0028, 0x0010, layout.rows) + us(0x0028, 0x0011, layout.columns) +
            us(0x0028, 0x0100, layout.bitsAllocated) + us(0x0028, 0x0101, layout.bitsStored) +
            us(0x0028, 0x0102, layout.highBit) + us(0x0028, 0x0103, layout.signedPixels ? 1 : 0);
    data += le16(0x7FE0) + le16(0x0010) + "OB" + le16(0) + le32(0xFFFFFFFFu) + fragments + le16(0xFFFE) +
            le16(0xE0DD) + le32(0);
    return std::string(128, '\0') + "DICM" + element(0x0002, 0x0000, "UL", le32(static_cast<std::uint32_t>(meta.size()))) +
           meta + data;
}

}  // namespace cxr::imaging::detail
