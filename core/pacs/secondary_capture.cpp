#include "core/pacs/secondary_capture.h"

#include <string>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcuid.h>

#include "core/common/error.h"
#include "core/pacs/dicom_uids.h"
#include "core/pacs/source_study.h"

namespace cxr::pacs {
namespace {

namespace fs = std::filesystem;

// After the structured report's series (9901), so the pair sorts together after the film's.
constexpr const char* kSeriesNumber = "9902";

void put(DcmItem& item, const DcmTagKey& tag, const std::string& value, const fs::path& out) {
    const OFCondition cond = item.putAndInsertString(tag, value.c_str());
    if (cond.bad())
        throw Error(ErrorCode::Internal, out, std::string("the secondary capture could not be built: ") + cond.text());
}

}  // namespace

DerivedObject writeSecondaryCapture(const fs::path& sourceFile, const AiResult& result, const fs::path& outFile) {
    if (!result.overlay)
        throw Error(ErrorCode::InvalidInput, outFile, "there is no overlay picture to write as a secondary capture");
    const RgbImage& image = *result.overlay;
    if (image.width <= 0 || image.height <= 0 || image.width > 65535 || image.height > 65535 ||
        image.rgb.size() != static_cast<size_t>(image.width) * image.height * 3)
        throw Error(ErrorCode::InvalidInput, outFile,
                    "the overlay picture's size does not match its pixels (" + std::to_string(image.width) + " x " +
                        std::to_string(image.height) + ", " + std::to_string(image.rgb.size()) + " bytes)");
    const detail::SourceFilm source = detail::readSourceFilm(sourceFile);

    DerivedObject object;
    object.kind = "SC";
    object.file = outFile;
    object.studyInstanceUid = source.studyInstanceUid;
    object.seriesInstanceUid = newUid();
    object.sopInstanceUid = newUid();
    object.sopClassUid = UID_SecondaryCaptureImageStorage;

    DcmFileFormat file;
    DcmDataset& ds = *file.getDataset();
    detail::copyPatientAndStudy(source.dataset(), ds);
    const std::string date = detail::dicomDateNow(), time = detail::dicomTimeNow();
    // SOP Common, General Series, SC Equipment, General Image.
    put(ds, DCM_SOPClassUID, object.sopClassUid, outFile);
    put(ds, DCM_SOPInstanceUID, object.sopInstanceUid, outFile);
    put(ds, DCM_InstanceCreationDate, date, outFile);
    put(ds, DCM_InstanceCreationTime, time, outFile);
    put(ds, DCM_SeriesInstanceUID, object.seriesInstanceUid, outFile);
    put(ds, DCM_Modality, "OT", outFile);
    put(ds, DCM_SeriesNumber, kSeriesNumber, outFile);
    put(ds, DCM_SeriesDate, date, outFile);
    put(ds, DCM_SeriesTime, time, outFile);
    put(ds, DCM_SeriesDescription, "CXR Studio AI overlay (research use only)", outFile);
    put(ds, DCM_ConversionType, "WSD", outFile);  // workstation
    put(ds, DCM_Manufacturer, "CXR Studio", outFile);
    put(ds, DCM_SecondaryCaptureDeviceManufacturer, "CXR Studio", outFile);
    put(ds, DCM_SecondaryCaptureDeviceManufacturerModelName, result.modelName, outFile);
    put(ds, DCM_SecondaryCaptureDeviceSoftwareVersions, CXR_VERSION, outFile);
    put(ds, DCM_SoftwareVersions, CXR_VERSION, outFile);
    put(ds, DCM_InstanceNumber, "1", outFile);
    put(ds, DCM_ContentDate, date, outFile);
    put(ds, DCM_ContentTime, time, outFile);
    put(ds, DCM_PatientOrientation, "", outFile);
    put(ds, DCM_ImageType, "DERIVED\\SECONDARY", outFile);
    put(ds, DCM_BurnedInAnnotation, "YES", outFile);
    put(ds, DCM_LossyImageCompression, "00", outFile);
    put(ds, DCM_ImageComments, result.statement, outFile);
    put(ds, DCM_DerivationDescription,
        "Class activation map of " + result.positiveClass + " over the film; " + result.statement, outFile);

    // The film this picture was made from (General Image: Source Image Sequence). DICOM's
    // derivation codes (CID 7203) have none for a heat map, so Derivation Description says it.
    DcmItem* sourceItem = nullptr;
    if (ds.findOrCreateSequenceItem(DCM_SourceImageSequence, sourceItem, -2).bad() || !sourceItem)
        throw Error(ErrorCode::Internal, outFile, "the secondary capture could not be built: source image sequence");
    put(*sourceItem, DCM_ReferencedSOPClassUID, source.sopClassUid, outFile);
    put(*sourceItem, DCM_ReferencedSOPInstanceUID, source.sopInstanceUid, outFile);

    // Image Pixel: RGB interleaved, 8 bits.
    ds.putAndInsertUint16(DCM_SamplesPerPixel, 3);
    put(ds, DCM_PhotometricInterpretation, "RGB", outFile);
    ds.putAndInsertUint16(DCM_PlanarConfiguration, 0);
    ds.putAndInsertUint16(DCM_Rows, static_cast<Uint16>(image.height));
    ds.putAndInsertUint16(DCM_Columns, static_cast<Uint16>(image.width));
    ds.putAndInsertUint16(DCM_BitsAllocated, 8);
    ds.putAndInsertUint16(DCM_BitsStored, 8);
    ds.putAndInsertUint16(DCM_HighBit, 7);
    ds.putAndInsertUint16(DCM_PixelRepresentation, 0);
    const OFCondition cond = ds.putAndInsertUint8Array(DCM_PixelData, image.rgb.data(),
                                                       static_cast<unsigned long>(image.rgb.size()));
    if (cond.bad())
        throw Error(ErrorCode::Internal, outFile, std::string("the secondary capture could not be built: ") + cond.text());
    detail::saveDicomAtomically(file, outFile);
    return object;
}

}  // namespace cxr::pacs
