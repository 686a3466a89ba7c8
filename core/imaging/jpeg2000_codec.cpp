#include "imaging/jpeg2000_codec.h"

#include <mutex>
#include <sstream>
#include <stdexcept>

#include <gdcmImageChangeTransferSyntax.h>
#include <gdcmImageReader.h>
#include <gdcmImageWriter.h>
#include <gdcmJPEG2000Codec.h>
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
    std::vector<char> all(image.GetBufferLength());
    if (all.size() < frameBytes || frameBytes == 0 || !image.GetBuffer(all.data()))
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
