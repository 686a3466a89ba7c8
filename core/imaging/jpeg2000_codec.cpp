#include "core/imaging/jpeg2000_codec.h"

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include <gdcmImageChangeTransferSyntax.h>
#include <gdcmImageReader.h>
#include <gdcmImageWriter.h>
#include <gdcmJPEG2000Codec.h>
#include <gdcmSequenceOfFragments.h>
#include <gdcmTrace.h>

namespace cxr::imaging::detail {
namespace {

// GDCM prints warnings and errors to stderr; every failure here is reported through its
// return codes as a cxr::Error instead, so the console stays for the user.
void quietGdcm() {
    static std::once_flag once;
    std::call_once(once, [] {
        gdcm::Trace::WarningOff();
        gdcm::Trace::ErrorOff();
        gdcm::Trace::DebugOff();
    });
}

std::uint32_t be(const std::uint8_t* p, int bytes) {
    std::uint32_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v = (v << 8) | p[i];
    return v;
}

// GDCM decodes a JPEG 2000 code stream into a buffer sized from the DICOM header but writes
// what the code stream's own SIZ segment declares, so a stream that disagrees with the header
// (found by fuzzing: a larger image, more components, deeper samples, subsampling) would
// write past the buffer. Every fragment that starts a code stream is checked first.
void checkCodeStreams(const gdcm::Image& image, int width, int height, int samples, int bytesPerSample) {
    const gdcm::SequenceOfFragments* fragments = image.GetDataElement().GetSequenceOfFragments();
    if (!fragments || fragments->GetNumberOfFragments() == 0)
        throw std::runtime_error("the JPEG 2000 pixel data holds no fragments");
    int streams = 0;
    for (unsigned i = 0; i < fragments->GetNumberOfFragments(); ++i) {
        const gdcm::ByteValue* bytes = fragments->GetFragment(i).GetByteValue();
        if (!bytes || bytes->GetLength() == 0)
            continue;
        const auto* p = reinterpret_cast<const std::uint8_t*>(bytes->GetPointer());
        const std::size_t n = bytes->GetLength();
        // The SOC + SIZ markers start a code stream (a JP2 wrapper puts boxes before them).
        std::size_t at = 0;
        const std::size_t searchEnd = std::min<std::size_t>(n, 4096);
        while (at + 4 <= searchEnd && !(p[at] == 0xFF && p[at + 1] == 0x4F && p[at + 2] == 0xFF && p[at + 3] == 0x51))
            ++at;
        if (at + 4 > searchEnd) {
            if (i == 0)
                throw std::runtime_error("the JPEG 2000 pixel data does not start with a code stream");
            continue;  // a continuation of the previous frame's stream
        }
        const std::uint8_t* siz = p + at + 4;  // Lsiz onwards
        if (at + 4 + 38 > n)
            throw std::runtime_error("the JPEG 2000 code stream header is truncated");
        const std::uint32_t xsiz = be(siz + 4, 4), ysiz = be(siz + 8, 4), xo = be(siz + 12, 4), yo = be(siz + 16, 4);
        const std::uint32_t components = be(siz + 36, 2);
        if (at + 4 + 38 + 3 * static_cast<std::size_t>(components) > n)
            throw std::runtime_error("the JPEG 2000 code stream header is truncated");
        if (xo >= xsiz || yo >= ysiz || xsiz - xo != static_cast<std::uint32_t>(width) ||
            ysiz - yo != static_cast<std::uint32_t>(height) || components != static_cast<std::uint32_t>(samples))
            throw std::runtime_error("the JPEG 2000 code stream declares " + std::to_string(xsiz - xo) + " x " +
                                     std::to_string(ysiz - yo) + " pixels with " + std::to_string(components) +
                                     " components, the DICOM header " + std::to_string(width) + " x " +
                                     std::to_string(height) + " with " + std::to_string(samples));
        for (std::uint32_t c = 0; c < components; ++c) {
            const std::uint8_t* comp = siz + 38 + 3 * c;
            const int precision = (comp[0] & 0x7F) + 1;
            if (precision > 8 * bytesPerSample || comp[1] != 1 || comp[2] != 1)
                throw std::runtime_error("the JPEG 2000 code stream's " + std::to_string(precision) +
                                         "-bit or subsampled components do not fit the DICOM header");
        }
        ++streams;
    }
    if (streams == 0)
        throw std::runtime_error("the JPEG 2000 pixel data holds no code stream");
}

}  // namespace

Jpeg2000Frame decodeJpeg2000(const std::uint8_t* dicom, std::size_t size) {
    quietGdcm();
    std::istringstream in(std::string(reinterpret_cast<const char*>(dicom), size));
    gdcm::ImageReader reader;
    reader.SetStream(in);
    if (!reader.Read())
        throw std::runtime_error("GDCM could not parse the JPEG 2000 DICOM file");
    // A reference: gdcm::Image must never be copied by value (it shares its pixel buffer).
    const gdcm::Image& image = reader.GetImage();
    const gdcm::PixelFormat& format = image.GetPixelFormat();
    Jpeg2000Frame frame;
    frame.width = static_cast<int>(image.GetDimension(0));
    frame.height = static_cast<int>(image.GetDimension(1));
    frame.samples = format.GetSamplesPerPixel();
    frame.bytesPerSample = format.GetBitsAllocated() <= 8 ? 1 : 2;
    if (format.GetBitsAllocated() > 16)
        throw std::runtime_error("JPEG 2000 with more than 16 bits allocated is not supported");
    const std::size_t frameBytes = static_cast<std::size_t>(frame.width) * frame.height *
                                   frame.samples * frame.bytesPerSample;
    if (frameBytes == 0)
        throw std::runtime_error("the JPEG 2000 code stream could not be decoded");
    checkCodeStreams(image, frame.width, frame.height, frame.samples, frame.bytesPerSample);
    std::vector<char> all(image.GetBufferLength());
    if (all.size() < frameBytes || !image.GetBuffer(all.data()))
        throw std::runtime_error("the JPEG 2000 code stream could not be decoded");
    frame.bytes.assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(frameBytes));
    return frame;
}

std::string encodeJpeg2000(const std::string& uncompressedDicom, bool lossyAllowedSyntax) {
    quietGdcm();
    std::istringstream in(uncompressedDicom);
    gdcm::ImageReader reader;
    reader.SetStream(in);
    if (!reader.Read())
        throw std::runtime_error("GDCM could not parse the uncompressed DICOM it was given");

    gdcm::JPEG2000Codec codec;
    codec.SetReversible(true);  // lossless in both syntaxes: .91 only allows loss, we keep none
    gdcm::ImageChangeTransferSyntax change;
    change.SetTransferSyntax(lossyAllowedSyntax ? gdcm::TransferSyntax::JPEG2000
                                                : gdcm::TransferSyntax::JPEG2000Lossless);
    change.SetUserCodec(&codec);
    change.SetInput(reader.GetImage());
    if (!change.Change())
        throw std::runtime_error("GDCM could not encode the pixels as JPEG 2000");

    std::ostringstream out;
    gdcm::ImageWriter writer;
    writer.SetFile(reader.GetFile());
    writer.SetImage(change.GetOutput());
    writer.SetStream(out);
    if (!writer.Write())
        throw std::runtime_error("GDCM could not write the JPEG 2000 DICOM file");
    return out.str();
}

}  // namespace cxr::imaging::detail
