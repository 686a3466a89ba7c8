#include "core/imaging/dicom_tags.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcsequen.h>

namespace cxr::imaging::detail {
namespace {

constexpr std::size_t kMaxValueChars = 200;

std::string text(DcmDataset& ds, const DcmTagKey& key) {
    OFString value;
    if (ds.findAndGetOFString(key, value).bad()) return {};
    return value.c_str();
}

DicomTag describe(DcmElement& element) {
    DicomTag tag;
    DcmTag key = element.getTag();
    tag.group = key.getGTag();
    tag.element = key.getETag();
    tag.name = key.getTagName();
    tag.vr = DcmVR(element.ident()).getVRName();
    tag.identifying = isIdentifyingTag(tag.group, tag.element);
    const DcmEVR vr = element.ident();
    if (vr == EVR_SQ) {
        const auto items = static_cast<DcmSequenceOfItems&>(element).card();
        tag.value = "(sequence of " + std::to_string(items) + (items == 1 ? " item)" : " items)");
    } else if (vr == EVR_OB || vr == EVR_OW || vr == EVR_OF || vr == EVR_OD || vr == EVR_OL ||
               vr == EVR_UN || vr == EVR_ox || vr == EVR_pixelSQ) {
        tag.value = "(" + std::to_string(element.getLength()) + " bytes)";
    } else {
        OFString value;
        element.getOFStringArray(value);
        tag.value = value.c_str();
        if (tag.value.size() > kMaxValueChars) tag.value = tag.value.substr(0, kMaxValueChars) + "...";
    }
    return tag;
}

void collectFrom(DcmItem& item, std::vector<DicomTag>& out) {
    for (unsigned long i = 0; i < item.card(); ++i) {
        DcmElement* element = item.getElement(i);
        if (!element || element->getTag() == DCM_PixelData) continue;
        out.push_back(describe(*element));
    }
}

}  // namespace

bool isIdentifyingTag(std::uint16_t group, std::uint16_t element) {
    if (group == 0x0010) return true;              // patient module
    if (group % 2 == 1) return true;               // private elements may hold anything
    static const std::set<std::pair<std::uint16_t, std::uint16_t>> kTags = {
        {0x0002, 0x0003},  // Media Storage SOP Instance UID
        {0x0008, 0x0012}, {0x0008, 0x0013},  // Instance Creation Date/Time
        {0x0008, 0x0018},  // SOP Instance UID
        {0x0008, 0x0020}, {0x0008, 0x0021}, {0x0008, 0x0022}, {0x0008, 0x0023},  // dates
        {0x0008, 0x002A},  // Acquisition DateTime
        {0x0008, 0x0030}, {0x0008, 0x0031}, {0x0008, 0x0032}, {0x0008, 0x0033},  // times
        {0x0008, 0x0050},  // Accession Number
        {0x0008, 0x0080}, {0x0008, 0x0081},  // Institution Name/Address
        {0x0008, 0x0090}, {0x0008, 0x0092}, {0x0008, 0x0094},  // Referring Physician
        {0x0008, 0x1010},  // Station Name
        {0x0008, 0x1030}, {0x0008, 0x103E},  // Study/Series Description (free text)
        {0x0008, 0x1040}, {0x0008, 0x1048}, {0x0008, 0x1050}, {0x0008, 0x1060}, {0x0008, 0x1070},
        {0x0008, 0x1080}, {0x0008, 0x1155},
        {0x0018, 0x1000}, {0x0018, 0x1030},  // Device Serial Number, Protocol Name
        {0x0020, 0x000D}, {0x0020, 0x000E}, {0x0020, 0x0010}, {0x0020, 0x0052}, {0x0020, 0x0200},
        {0x0020, 0x4000},  // Image Comments
        {0x0032, 0x1032}, {0x0032, 0x1060}, {0x0040, 0x0244}, {0x0040, 0x0253}, {0x0040, 0x0254},
        {0x0040, 0xA124}, {0x0088, 0x0140}, {0x3006, 0x0024}, {0x300A, 0x0013},
    };
    return kTags.count({group, element}) > 0;
}

std::vector<DicomTag> collectTags(DcmMetaInfo* meta, DcmDataset& dataset) {
    std::vector<DicomTag> tags;
    if (meta) collectFrom(*meta, tags);
    collectFrom(dataset, tags);
    return tags;
}

PatientInfo readPatientInfo(DcmDataset& ds) {
    PatientInfo p;
    p.name = text(ds, DCM_PatientName);
    p.id = text(ds, DCM_PatientID);
    p.birthDate = text(ds, DCM_PatientBirthDate);
    p.sex = text(ds, DCM_PatientSex);
    p.accessionNumber = text(ds, DCM_AccessionNumber);
    p.studyDate = text(ds, DCM_StudyDate);
    p.studyDescription = text(ds, DCM_StudyDescription);
    p.institution = text(ds, DCM_InstitutionName);
    p.studyInstanceUid = text(ds, DCM_StudyInstanceUID);
    p.seriesInstanceUid = text(ds, DCM_SeriesInstanceUID);
    p.sopInstanceUid = text(ds, DCM_SOPInstanceUID);
    p.age = text(ds, DCM_PatientAge);
    p.acquisitionDate = text(ds, DCM_AcquisitionDate);
    return p;
}

void readDescriptiveMetadata(DcmDataset& ds, Film& film) {
    film.meta.modality = text(ds, DCM_Modality);
    film.meta.viewPosition = text(ds, DCM_ViewPosition);
    film.meta.bodyPart = text(ds, DCM_BodyPartExamined);
    film.meta.manufacturer = text(ds, DCM_Manufacturer);
    // Pixel Spacing (at the patient) wins over Imager Pixel Spacing (at the detector).
    for (const DcmTagKey& key : {DCM_PixelSpacing, DCM_ImagerPixelSpacing}) {
        Float64 row = 0, col = 0;
        if (ds.findAndGetFloat64(key, row, 0).good() && ds.findAndGetFloat64(key, col, 1).good() &&
            row > 0 && col > 0) {
            film.pixelSpacingRow = row;
            film.pixelSpacingCol = col;
            break;
        }
    }
}

}  // namespace cxr::imaging::detail
