#include "core/imaging/film_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <unistd.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcrlerp.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmjpeg/djrplol.h>
#include <dcmtk/dcmjpls/djrparam.h>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/imaging/dcmtk_codecs.h"
#include "core/imaging/jpeg2000_codec.h"

namespace cxr::imaging {
namespace {

struct SyntaxInfo {
    DicomSyntax syntax;
    const char* name;
    E_TransferSyntax xfer;  // for the JPEG 2000 pair: the uncompressed syntax GDCM starts from
};

constexpr SyntaxInfo kSyntaxes[] = {
    {DicomSyntax::ExplicitLittle, "explicit-little", EXS_LittleEndianExplicit},
    {DicomSyntax::ImplicitLittle, "implicit-little", EXS_LittleEndianImplicit},
    {DicomSyntax::ExplicitBig, "explicit-big", EXS_BigEndianExplicit},
    {DicomSyntax::Deflated, "deflated", EXS_DeflatedLittleEndianExplicit},
    {DicomSyntax::JpegLossless, "jpeg-lossless", EXS_JPEGProcess14SV1},
    {DicomSyntax::JpegLsLossless, "jpeg-ls", EXS_JPEGLSLossless},
    {DicomSyntax::Rle, "rle", EXS_RLELossless},
    {DicomSyntax::Jpeg2000Lossless, "jpeg2000-lossless", EXS_LittleEndianExplicit},
    {DicomSyntax::Jpeg2000, "jpeg2000", EXS_LittleEndianExplicit},
};

const SyntaxInfo& infoOf(DicomSyntax syntax) {
    for (const auto& info : kSyntaxes)
        if (info.syntax == syntax) return info;
    throw Error(ErrorCode::Internal, "unknown DicomSyntax value");
}

std::string uidOr(const std::string& given, const char* root) {
    if (!given.empty()) return given;
    char uid[100];
    return dcmGenerateUniqueIdentifier(uid, root);
}

std::string decimal(double value) {
    std::ostringstream out;
    out.precision(10);
    out << value;
    return out.str();
}

void check(const OFCondition& cond, const std::filesystem::path& path, const char* what) {
    if (cond.bad()) throw Error(ErrorCode::Io, path, detail::dcmtkText(what, cond.text()));
}

void validate(const std::filesystem::path& path, const DicomImage& image) {
    if (image.width <= 0 || image.height <= 0 || image.width > 65535 || image.height > 65535)
        throw Error(ErrorCode::InvalidInput, path, "film dimensions must be 1..65535");
    if (image.pixels.size() != static_cast<size_t>(image.width) * image.height)
        throw Error(ErrorCode::InvalidInput, path, "pixel count does not match width x height");
    if (image.bitsStored < 1 || image.bitsStored > 16)
        throw Error(ErrorCode::InvalidInput, path, "bits stored must be 1..16");
    if (image.photometric != "MONOCHROME1" && image.photometric != "MONOCHROME2")
        throw Error(ErrorCode::InvalidInput, path, "photometric must be MONOCHROME1 or MONOCHROME2");
    if (!image.meta.signedPixels && image.bitsStored < 16) {
        const auto limit = static_cast<std::uint16_t>((1u << image.bitsStored) - 1);
        if (std::any_of(image.pixels.begin(), image.pixels.end(), [&](auto v) { return v > limit; }))
            throw Error(ErrorCode::InvalidInput, path, "a pixel value exceeds bits stored");
    }
}

void putHeader(DcmDataset& ds, const DicomImage& image) {
    const auto& m = image.meta;
    const auto& p = image.patient;
    char date[9] = "20240101";
    ds.putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 100");
    ds.putAndInsertString(DCM_SOPClassUID, UID_DigitalXRayImageStorageForPresentation);
    ds.putAndInsertString(DCM_SOPInstanceUID, uidOr(p.sopInstanceUid, SITE_INSTANCE_UID_ROOT).c_str());
    ds.putAndInsertString(DCM_StudyInstanceUID, uidOr(p.studyInstanceUid, SITE_STUDY_UID_ROOT).c_str());
    ds.putAndInsertString(DCM_SeriesInstanceUID, uidOr(p.seriesInstanceUid, SITE_SERIES_UID_ROOT).c_str());
    ds.putAndInsertString(DCM_StudyDate, p.studyDate.empty() ? date : p.studyDate.c_str());
    ds.putAndInsertString(DCM_ContentDate, p.studyDate.empty() ? date : p.studyDate.c_str());
    ds.putAndInsertString(DCM_StudyTime, "120000");
    ds.putAndInsertString(DCM_AccessionNumber, p.accessionNumber.c_str());
    ds.putAndInsertString(DCM_Modality, m.modality.empty() ? "DX" : m.modality.c_str());
    ds.putAndInsertString(DCM_Manufacturer, m.manufacturer.c_str());
    ds.putAndInsertString(DCM_InstitutionName, p.institution.c_str());
    ds.putAndInsertString(DCM_StudyDescription, p.studyDescription.c_str());
    ds.putAndInsertString(DCM_PatientName, p.name.c_str());
    ds.putAndInsertString(DCM_PatientID, p.id.c_str());
    ds.putAndInsertString(DCM_PatientBirthDate, p.birthDate.c_str());
    ds.putAndInsertString(DCM_PatientSex, p.sex.c_str());
    if (!p.age.empty())
        ds.putAndInsertString(DCM_PatientAge, p.age.c_str());
    if (!p.acquisitionDate.empty())
        ds.putAndInsertString(DCM_AcquisitionDate, p.acquisitionDate.c_str());
    ds.putAndInsertString(DCM_BodyPartExamined, m.bodyPart.empty() ? "CHEST" : m.bodyPart.c_str());
    ds.putAndInsertString(DCM_ViewPosition, m.viewPosition.empty() ? "PA" : m.viewPosition.c_str());
    ds.putAndInsertString(DCM_StudyID, "1");
    ds.putAndInsertString(DCM_SeriesNumber, "1");
    ds.putAndInsertString(DCM_InstanceNumber, "1");
    ds.putAndInsertString(DCM_PatientOrientation, "");
    ds.putAndInsertString(DCM_ImageType, "ORIGINAL\\PRIMARY");
    ds.putAndInsertString(DCM_PresentationIntentType, "FOR PRESENTATION");
    ds.putAndInsertString(DCM_BurnedInAnnotation, "NO");
    ds.putAndInsertString(DCM_LossyImageCompression, "00");

    const bool eightBit = image.bitsStored <= 8;
    ds.putAndInsertUint16(DCM_SamplesPerPixel, 1);
    ds.putAndInsertString(DCM_PhotometricInterpretation, image.photometric.c_str());
    ds.putAndInsertUint16(DCM_Rows, static_cast<Uint16>(image.height));
    ds.putAndInsertUint16(DCM_Columns, static_cast<Uint16>(image.width));
    ds.putAndInsertUint16(DCM_BitsAllocated, eightBit ? 8 : 16);
    ds.putAndInsertUint16(DCM_BitsStored, static_cast<Uint16>(image.bitsStored));
    ds.putAndInsertUint16(DCM_HighBit, static_cast<Uint16>(image.bitsStored - 1));
    ds.putAndInsertUint16(DCM_PixelRepresentation, m.signedPixels ? 1 : 0);
    ds.putAndInsertString(DCM_RescaleIntercept, decimal(image.rescaleIntercept).c_str());
    ds.putAndInsertString(DCM_RescaleSlope, decimal(image.rescaleSlope).c_str());
    ds.putAndInsertString(DCM_RescaleType, "US");
    if (image.windowWidth > 0) {
        ds.putAndInsertString(DCM_WindowCenter, decimal(image.windowCenter).c_str());
        ds.putAndInsertString(DCM_WindowWidth, decimal(image.windowWidth).c_str());
        ds.putAndInsertString(DCM_VOILUTFunction, "LINEAR");
    }
    if (image.pixelSpacing > 0) {
        const std::string spacing = decimal(image.pixelSpacing) + "\\" + decimal(image.pixelSpacing);
        ds.putAndInsertString(DCM_PixelSpacing, spacing.c_str());
        ds.putAndInsertString(DCM_ImagerPixelSpacing, spacing.c_str());
    }
    if (eightBit) {
        std::vector<Uint8> bytes(image.pixels.begin(), image.pixels.end());
        ds.putAndInsertUint8Array(DCM_PixelData, bytes.data(), static_cast<unsigned long>(bytes.size()));
    } else {
        ds.putAndInsertUint16Array(DCM_PixelData, image.pixels.data(),
                                   static_cast<unsigned long>(image.pixels.size()));
    }
}

// DCMTK 3.6.7's JPEG-LS encoder leaves the pad byte after an odd-length codestream (after EOI)
// uninitialised, so the same pixels gave different files. Zero it: files must be reproducible.
void zeroJpegLsPadding(DcmDataset& ds, E_TransferSyntax xfer, const DcmRepresentationParameter* params) {
    DcmElement* element = nullptr;
    if (ds.findAndGetElement(DCM_PixelData, element).bad() || element == nullptr)
        return;
    DcmPixelSequence* sequence = nullptr;
    if (static_cast<DcmPixelData*>(element)->getEncapsulatedRepresentation(xfer, params, sequence).bad() ||
        sequence == nullptr)
        return;
    for (unsigned long i = 1; i < sequence->card(); ++i) {  // item 0 is the offset table
        DcmPixelItem* item = nullptr;
        Uint8* data = nullptr;
        if (sequence->getItem(item, i).bad() || item == nullptr || item->getUint8Array(data).bad() || !data)
            continue;
        const Uint32 n = item->getLength();
        if (n >= 3 && data[n - 3] == 0xFF && data[n - 2] == 0xD9)
            data[n - 1] = 0;
    }
}

// Compresses in place with the DCMTK encoder for `xfer` (a no-op for native syntaxes).
void encode(DcmDataset& ds, E_TransferSyntax xfer, const std::filesystem::path& path) {
    DJ_RPLossless jpegParams(1, 0);  // SV1: first-order prediction, no point transform
    DJLSRepresentationParameter jlsParams(0, OFTrue);
    DcmRLERepresentationParameter rleParams;
    const DcmRepresentationParameter* params = nullptr;
    if (xfer == EXS_JPEGProcess14SV1) params = &jpegParams;
    else if (xfer == EXS_JPEGLSLossless) params = &jlsParams;
    else if (xfer == EXS_RLELossless) params = &rleParams;
    else return;
    check(ds.chooseRepresentation(xfer, params), path, "could not compress the pixels");
    if (xfer == EXS_JPEGLSLossless)
        zeroJpegLsPadding(ds, xfer, params);
    if (!ds.canWriteXfer(xfer))
        throw Error(ErrorCode::Unsupported, path,
                    std::string("DCMTK cannot write ") + DcmXfer(xfer).getXferName());
}

}  // namespace

const char* dicomSyntaxName(DicomSyntax syntax) { return infoOf(syntax).name; }

DicomSyntax dicomSyntaxFromName(const std::string& name) {
    std::string known;
    for (const auto& info : kSyntaxes) {
        if (name == info.name) return info.syntax;
        known += known.empty() ? info.name : std::string(", ") + info.name;
    }
    throw Error(ErrorCode::InvalidInput, "unknown DICOM transfer syntax '" + name + "' (known: " + known + ")");
}

void writeDicom(const std::filesystem::path& path, const DicomImage& image, DicomSyntax syntax) {
    validate(path, image);
    detail::ensureDcmtkCodecs();
    const SyntaxInfo& info = infoOf(syntax);

    DcmFileFormat file;
    DcmDataset& ds = *file.getDataset();
    putHeader(ds, image);
    encode(ds, info.xfer, path);

    // DCMTK writes to a file only; write beside the target, then move into place in one step.
    std::filesystem::path temp = path;
    temp += ".partial-" + std::to_string(::getpid());
    const OFCondition cond = file.saveFile(temp.c_str(), info.xfer);
    if (cond.bad()) {
        std::error_code ignored;
        std::filesystem::remove(temp, ignored);
        check(cond, path, "could not write the DICOM file");
    }
    if (syntax == DicomSyntax::Jpeg2000Lossless || syntax == DicomSyntax::Jpeg2000) {
        std::string compressed;
        try {
            const auto bytes = readFileBytes(temp);
            compressed = detail::encodeJpeg2000(std::string(bytes.begin(), bytes.end()),
                                                syntax == DicomSyntax::Jpeg2000);
        } catch (const std::exception& e) {
            std::error_code ignored;
            std::filesystem::remove(temp, ignored);
            throw Error(ErrorCode::Io, path, std::string("JPEG 2000 encoding failed: ") + e.what());
        }
        std::filesystem::remove(temp);
        writeFileAtomically(path, compressed);
        return;
    }
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    if (ec) {
        std::filesystem::remove(temp, ec);
        throw Error(ErrorCode::Io, path, "could not move the written file into place: " + ec.message());
    }
}

}  // namespace cxr::imaging
