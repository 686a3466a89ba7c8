#include "core/imaging/dicom_reader.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include <dcmtk/dcmdata/dccodec.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include "core/common/error.h"
#include "core/imaging/dcmtk_codecs.h"
#include "core/imaging/dicom_colour.h"
#include "core/imaging/dicom_memory_stream.h"
#include "core/imaging/dicom_pixels.h"
#include "core/imaging/dicom_tags.h"
#include "core/imaging/jpeg2000_codec.h"
#include "core/imaging/jpeg2000_source.h"
#include "core/imaging/load_limits.h"
#include "core/imaging/rle_header.h"
#include "core/imaging/windowing.h"

namespace cxr::imaging::detail {
namespace {

// Values longer than DCM_MaxReadLength are skipped while parsing and loaded from `data` when
// accessed (MemoryInputStream's factory), so no declared length is allocated before the bytes
// behind it are known to exist: found by fuzzing, a 2 GB length made DCMTK reserve 2 GB.
void parse(DcmFileFormat& file, const std::uint8_t* data, std::size_t size, const std::filesystem::path& name) {
    MemoryInputStream stream(data, size);
    file.transferInit();
    const OFCondition cond = file.read(stream, EXS_Unknown, EGL_noChange, DCM_MaxReadLength);
    file.transferEnd();
    if (cond == EC_StreamNotifyClient || cond == EC_InvalidStream)
        throw Error(ErrorCode::Corrupt, name, "the DICOM file is truncated (it ends in the middle of an element)");
    if (cond.bad())
        throw Error(ErrorCode::Corrupt, name, dcmtkText("the DICOM file could not be parsed", cond.text()));
}

std::string str(DcmItem& item, const DcmTagKey& key) {
    OFString value;
    return item.findAndGetOFString(key, value).good() ? value.c_str() : std::string();
}

// The syntax the meta header declares (an unknown UID stays visible for the message).
void describeSyntax(DcmFileFormat& file, E_TransferSyntax xfer, Film& film) {
    std::string uid = file.getMetaInfo() ? str(*file.getMetaInfo(), DCM_TransferSyntaxUID) : std::string();
    if (uid.empty() && xfer != EXS_Unknown) uid = DcmXfer(xfer).getXferID();
    film.meta.transferSyntaxUid = uid;
    const DcmXfer known(uid.c_str());
    film.meta.transferSyntax = known.getXfer() != EXS_Unknown ? known.getXferName() : "unknown (" + uid + ")";
}

void requirePixelData(DcmDataset& ds, const std::filesystem::path& name) {
    if (ds.tagExistsWithValue(DCM_PixelData)) {
        // Found by fuzzing: with another VR (e.g. OV) DCMTK makes Pixel Data some other element
        // class, which every pixel path (ours and DCMTK's own) would treat as DcmPixelData.
        DcmElement* element = nullptr;
        if (ds.findAndGetElement(DCM_PixelData, element).bad() || !dynamic_cast<DcmPixelData*>(element))
            throw Error(ErrorCode::Corrupt, name,
                        std::string("the DICOM header is malformed: PixelData (7FE0,0010) has VR ") +
                            (element ? element->getTag().getVRName() : "?") + ", not OB or OW");
        return;
    }
    if (ds.tagExists(DCM_FloatPixelData) || ds.tagExists(DCM_DoubleFloatPixelData))
        throw Error(ErrorCode::Unsupported, name, "floating-point pixel data is not supported");
    const std::string sopClass = str(ds, DCM_SOPClassUID);
    const std::string modality = str(ds, DCM_Modality);
    std::string what = sopClass.empty() ? "" : dcmFindNameOfUID(sopClass.c_str(), sopClass.c_str());
    if (!modality.empty()) what += (what.empty() ? "modality " : ", modality ") + modality;
    throw Error(ErrorCode::InvalidInput, name,
                "the DICOM file has no pixel data" + (what.empty() ? std::string() : " (it is a " + what + ")") +
                    ": it is not an image");
}

void requireDecodable(E_TransferSyntax xfer, const Film& film, const std::filesystem::path& name) {
    const std::string which = film.meta.transferSyntax + " (" + film.meta.transferSyntaxUid + ")";
    if (DcmXfer(film.meta.transferSyntaxUid.c_str()).getXfer() == EXS_Unknown && !film.meta.transferSyntaxUid.empty())
        throw Error(ErrorCode::Unsupported, name, "unknown transfer syntax " + film.meta.transferSyntaxUid);
    const DcmXfer info(xfer);
    if (!info.isEncapsulated() || xfer == EXS_JPEG2000LosslessOnly || xfer == EXS_JPEG2000) return;
    if (!DcmCodecList::canChangeCoding(xfer, EXS_LittleEndianExplicit))
        throw Error(ErrorCode::Unsupported, name,
                    "transfer syntax " + which + " is not supported: CXR Studio reads uncompressed, "
                    "JPEG, JPEG-LS, RLE and JPEG 2000 films; convert the file to one of those first");
}

// Found by fuzzing: Debian's GDCM keeps its assert()s and aborts the process when an image
// attribute's VR contradicts its dictionary (e.g. Bits Stored written as a string). Before
// GDCM sees a file, the meta header and the image pixel group (0028) must carry the
// dictionary's VRs.
void requireDictionaryVrs(DcmItem* item, const std::filesystem::path& name) {
    if (!item) return;
    for (unsigned long i = 0; i < item->card(); ++i) {
        DcmElement* element = item->getElement(i);
        if (!element || (element->getGTag() != 0x0002 && element->getGTag() != 0x0028)) continue;
        DcmTag dictionary(element->getGTag(), element->getETag());
        const DcmVR expected(dictionary.getEVR());
        if (!expected.isStandard() || expected.getEVR() == EVR_UN) continue;  // unknown or several VRs
        if (element->getTag().getEVR() != expected.getEVR())
            throw Error(ErrorCode::Corrupt, name,
                        std::string("the DICOM header is malformed: ") + dictionary.getTagName() + " " +
                            element->getTag().toString().c_str() + " has VR " + element->getTag().getVRName() +
                            ", not " + expected.getVRName());
    }
}

// Found by fuzzing: DCMTK's RLE decoder reads wherever the header's segment offsets point.
void requireSoundRleHeader(DcmPixelData& pixelData, E_TransferSyntax xfer, const PixelLayout& layout,
                           const std::filesystem::path& name) {
    DcmPixelSequence* sequence = nullptr;
    DcmPixelItem* first = nullptr;
    Uint8* bytes = nullptr;
    if (pixelData.getEncapsulatedRepresentation(xfer, nullptr, sequence).bad() || !sequence ||
        sequence->card() < 2 || sequence->getItem(first, 1).bad() || !first)
        throw Error(ErrorCode::Corrupt, name, "the RLE pixel data holds no fragment");
    const Uint32 length = first->getLength();
    if (length > 0 && (first->getUint8Array(bytes).bad() || !bytes))
        throw Error(ErrorCode::Corrupt, name, "the RLE fragment cannot be read");
    const std::string problem = rleHeaderProblem(bytes, bytes ? length : 0, layout.samples * layout.bytesPerSample());
    if (!problem.empty())
        throw Error(ErrorCode::Corrupt, name, problem);
}

// The first frame's stored samples, exactly as stored, in local byte order.
std::vector<std::uint8_t> firstFrame(DcmDataset& ds, E_TransferSyntax xfer, const PixelLayout& layout,
                                     const std::filesystem::path& name) {
    if (xfer == EXS_JPEG2000LosslessOnly || xfer == EXS_JPEG2000) {
        requireDictionaryVrs(&ds, name);
        Jpeg2000Frame frame;
        try {
            const std::string forGdcm = jpeg2000DicomForGdcm(ds, xfer, layout, name);
            frame = decodeJpeg2000(reinterpret_cast<const std::uint8_t*>(forGdcm.data()), forGdcm.size());
        } catch (const Jpeg2000Malformed& e) {
            throw Error(ErrorCode::Corrupt, name, e.what());
        } catch (const std::exception& e) {
            throw Error(ErrorCode::Corrupt, name, std::string("JPEG 2000 decoding failed: ") + e.what());
        }
        if (frame.width != layout.columns || frame.height != layout.rows || frame.samples != layout.samples ||
            frame.bytesPerSample != layout.bytesPerSample())
            throw Error(ErrorCode::Corrupt, name, "the JPEG 2000 code stream does not match the header's geometry");
        return std::move(frame.bytes);
    }
    DcmElement* element = nullptr;
    if (ds.findAndGetElement(DCM_PixelData, element).bad() || !element)
        throw Error(ErrorCode::Corrupt, name, "the pixel data element cannot be read");
    auto* pixelData = dynamic_cast<DcmPixelData*>(element);
    if (!pixelData)
        throw Error(ErrorCode::Corrupt, name, "the pixel data element cannot be read");
    const std::size_t needed = layout.frameBytes();
    if (!DcmXfer(xfer).isEncapsulated() && element->getLength() < needed)
        throw Error(ErrorCode::Corrupt, name,
                    "the pixel data holds " + std::to_string(element->getLength()) + " bytes but one " +
                        std::to_string(layout.columns) + " x " + std::to_string(layout.rows) + " frame needs " +
                        std::to_string(needed) + ": the file is truncated");
    // DCMTK's frame arithmetic needs these type 1 elements that old ACR-NEMA files omit.
    if (!ds.tagExists(DCM_SamplesPerPixel)) ds.putAndInsertUint16(DCM_SamplesPerPixel, 1);
    if (!ds.tagExists(DCM_BitsStored)) ds.putAndInsertUint16(DCM_BitsStored, static_cast<Uint16>(layout.bitsStored));
    if (xfer == EXS_RLELossless)
        requireSoundRleHeader(*pixelData, xfer, layout, name);
    Uint32 frameSize = 0;
    if (pixelData->getUncompressedFrameSize(&ds, frameSize).bad() || frameSize < needed)
        throw Error(ErrorCode::Corrupt, name, "the pixel data's frame size does not match the header");
    std::vector<std::uint8_t> bytes(frameSize);
    Uint32 startFragment = 0;
    OFString colourModel;
    const OFCondition cond =
        pixelData->getUncompressedFrame(&ds, 0, startFragment, bytes.data(), frameSize, colourModel);
    if (cond.bad())
        throw Error(ErrorCode::Corrupt, name,
                    dcmtkText(("could not decode the " + std::string(DcmXfer(xfer).getXferName()) + " pixel data").c_str(),
                              cond.text()));
    bytes.resize(needed);
    return bytes;
}

void applyVoi(DcmDataset& ds, Film& film) {
    Float64 center = 0, width = 0;
    if (ds.findAndGetFloat64(DCM_WindowCenter, center, 0).good() &&
        ds.findAndGetFloat64(DCM_WindowWidth, width, 0).good() && width >= 1.0) {
        film.window = DisplayWindow{center, width, "file"};
        return;
    }
    if (auto lut = readVoiLut(ds, film.meta.signedPixels)) {
        film.window = windowOfVoiLut(*lut);
        film.voiLut = std::move(lut);
        return;
    }
    film.window = percentileWindow(film.pixels);
}

}  // namespace

Film readDicom(const std::uint8_t* data, std::size_t size, const std::filesystem::path& name,
               const LoadOptions& options) {
    ensureDcmtkCodecs();
    DcmFileFormat file;
    parse(file, data, size, name);
    DcmDataset& ds = *file.getDataset();
    const E_TransferSyntax xfer = ds.getOriginalXfer();

    Film film;
    film.meta.format = "DICOM";
    describeSyntax(file, xfer, film);
    requirePixelData(ds, name);
    const PixelLayout layout = readPixelLayout(ds, name);
    checkDimensions(layout.columns, layout.rows, name, options);
    requireDecodable(xfer, film, name);

    film.width = layout.columns;
    film.height = layout.rows;
    film.meta.photometric = layout.photometric;
    film.meta.bitsAllocated = layout.bitsAllocated;
    film.meta.bitsStored = layout.bitsStored;
    film.meta.signedPixels = layout.signedPixels;
    film.meta.samplesPerPixel = layout.samples;
    film.meta.frames = layout.frames;
    if (layout.frames > 1)
        film.warnings.push_back(Notice("film.multi_frame").integer("frames", layout.frames));
    for (const auto& w : layout.warnings) film.warnings.push_back(w);

    const bool colour = layout.samples != 1 || !layout.isMonochrome();
    if (colour && xfer != EXS_JPEG2000LosslessOnly && xfer != EXS_JPEG2000) {
        colourToGrey(ds, xfer, name, film);
    } else {
        const auto frame = firstFrame(ds, xfer, layout, name);
        if (colour) {
            // Found by fuzzing: a header that says colour (RGB, YBR) with one or two samples per
            // pixel would make the converter read three samples per pixel past the frame.
            const std::size_t needed = static_cast<std::size_t>(layout.rows) * layout.columns * 3 *
                                       static_cast<std::size_t>(layout.bytesPerSample());
            if (layout.samples != 3 || frame.size() < needed)
                throw Error(ErrorCode::Corrupt, name,
                            "the header declares a " + layout.photometric + " colour film with " +
                                std::to_string(layout.samples) + " samples per pixel; colour needs 3");
            interleavedRgbToGrey(frame, layout, film);
        } else {
            film.pixels = storedToModality(frame, layout, ds, film);
            applyVoi(ds, film);
            film.invert = layout.photometric == "MONOCHROME1";
        }
    }
    if (colour) film.warnings.push_back(Notice("film.colour_to_grey").text("photometric", layout.photometric));

    ds.convertToUTF8();  // names in Latin-1 etc. become UTF-8; harmless when unsupported
    readDescriptiveMetadata(ds, film);
    film.patient = readPatientInfo(ds);
    if (options.readTags) film.tags = collectTags(file.getMetaInfo(), ds);
    return film;
}

}  // namespace cxr::imaging::detail
