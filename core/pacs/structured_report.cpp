#include "core/pacs/structured_report.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <mutex>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmsr/cmr/init.h>
#include <dcmtk/dcmsr/cmr/tid1500.h>
#include <dcmtk/dcmsr/codes/dcm.h>
#include <dcmtk/dcmsr/dsrdoc.h>

#include "core/common/error.h"
#include "core/pacs/dicom_uids.h"
#include "core/pacs/source_study.h"

namespace cxr::pacs {
namespace {

namespace fs = std::filesystem;

// The series number result series get, so they sort after the acquisition's own series.
constexpr const char* kSeriesNumber = "9901";
// CXR Studio as the device observer (TID 1004): one fixed UID below our root.
const std::string kDeviceObserverUid = std::string(kCxrUidRoot) + ".1";

void require(const OFCondition& cond, const fs::path& file, const char* step) {
    if (cond.bad())
        throw Error(ErrorCode::Internal, file,
                    std::string("the structured report could not be built (") + step + "): " + cond.text());
}

// The finding's code: SNOMED CT's Pneumonia for the class CXR Studio's models name PNEUMONIA,
// otherwise a private code (the "99" coding scheme prefix is DICOM's for local codes) carrying
// the class name.
DSRCodedEntryValue findingCode(const std::string& positiveClass) {
    std::string upper = positiveClass;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
    if (upper == "PNEUMONIA")
        return DSRCodedEntryValue("233604007", "SCT", "Pneumonia");
    return DSRCodedEntryValue(upper.substr(0, 16).c_str(), "99CXR", positiveClass.c_str());
}

// A decimal string (DS: at most 16 characters) for a value in [0, 1].
std::string decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6f", value);
    return text;
}

const DSRCodedEntryValue kRatio("{ratio}", "UCUM", "ratio");
const DSRCodedEntryValue kProbability("122157", "DCM", "Probability");
const DSRCodedEntryValue kThreshold("122411", "DCM", "Threshold Value");
const DSRCodedEntryValue kPresent("52101004", "SCT", "Present");
const DSRCodedEntryValue kAbsent("2667000", "SCT", "Absent");
const DSRCodedEntryValue kLung("39607008", "SCT", "Lung");
const DSRCodedEntryValue kChestXray("399208008", "SCT", "Plain chest X-ray");
const DSRCodedEntryValue kComment("121106", "DCM", "Comment");
const DSRCodedEntryValue kImageRegion("111030", "DCM", "Image Region");
const DSRCodedEntryValue kAlgorithmName("111001", "DCM", "Algorithm Name");
const DSRCodedEntryValue kAlgorithmVersion("111003", "DCM", "Algorithm Version");

std::string orUnknown(const std::string& text, const char* fallback) { return text.empty() ? fallback : text; }

// TID 1500 with its included templates, as far as DCMTK's cmr builds them.
void buildReport(TID1500_MeasurementReport& report, const detail::SourceFilm& source, const AiResult& result,
                 const fs::path& out) {
    require(report.setLanguage(CID5000_Languages::English, CID5001_Countries::UnitedStates), out, "language");
    require(report.getObservationContext().addDeviceObserver(kDeviceObserverUid.c_str(), "CXR Studio", "CXR Studio",
                                                             orUnknown(result.modelName, "unnamed model").c_str()),
            out, "observer");
    require(report.addProcedureReported(kChestXray), out, "procedure");
    require(report.getImageLibrary().createNewImageLibrary(), out, "image library");
    require(report.getImageLibrary().addImageGroup(), out, "image library group");
    require(report.getImageLibrary().addImageEntry(source.dataset(), TID1600_ImageLibrary::withAllDescriptors), out,
            "image library entry");

    using Group = TID1500_MeasurementReport::TID1501_Measurements;
    Group& group = report.getIndividualMeasurements();
    const DSRCodedEntryValue finding = findingCode(result.positiveClass);
    require(group.setTrackingIdentifier(("CXR Studio " + result.positiveClass).c_str()), out, "tracking identifier");
    require(group.setTrackingUniqueIdentifier(newUid().c_str()), out, "tracking UID");
    require(group.setFinding(finding), out, "finding");
    require(group.addFindingSite(kLung), out, "finding site");

    require(group.addMeasurement(CID7469_GenericIntensityAndSizeMeasurements(kProbability),
                                 Group::MeasurementValue(decimal(result.probability).c_str(),
                                                         CID7181_AbstractMultiDimensionalImageModelComponentUnits(kRatio))),
            out, "probability");
    if (result.camPeak) {
        DSRSpatialCoordinatesValue point(DSRTypes::GT_Point);
        point.getGraphicDataList().addItem(static_cast<Float32>(result.camPeak->column),
                                           static_cast<Float32>(result.camPeak->row));
        require(group.getMeasurement().addSpatialCoordinates(
                    kImageRegion, point, DSRImageReferenceValue(source.sopClassUid.c_str(), source.sopInstanceUid.c_str())),
                out, "CAM peak");
    }
    require(group.addMeasurement(CID7469_GenericIntensityAndSizeMeasurements(kThreshold),
                                 Group::MeasurementValue(decimal(result.threshold).c_str(),
                                                         CID7181_AbstractMultiDimensionalImageModelComponentUnits(kRatio))),
            out, "threshold");
    require(group.addQualitativeEvaluation(finding, result.findingPresent ? kPresent : kAbsent), out, "call");
    require(report.addQualitativeEvaluation(kComment, result.statement.c_str()), out, "statement");
    if (!report.isValid())
        throw Error(ErrorCode::Internal, out, "the TID 1500 report is incomplete");
}

// TID 4019 (Algorithm Identification) under the probability: the templates of DCMTK's cmr do
// not offer it there, so it goes into the expanded tree.
void addAlgorithm(DSRDocumentTree& tree, const AiResult& result, const fs::path& out) {
    if (tree.gotoNamedNode(kProbability) == 0)
        throw Error(ErrorCode::Internal, out, "the report has no probability to attach the algorithm to");
    require(tree.addChildContentItem(DSRTypes::RT_hasConceptMod, DSRTypes::VT_Text, kAlgorithmName), out,
            "algorithm name");
    require(tree.getCurrentContentItem().setStringValue(orUnknown(result.modelName, "unnamed model").c_str()), out,
            "algorithm name");
    require(tree.addContentItem(DSRTypes::RT_hasConceptMod, DSRTypes::VT_Text, kAlgorithmVersion), out,
            "algorithm version");
    require(tree.getCurrentContentItem().setStringValue(orUnknown(result.modelSha256, "unknown").c_str()), out,
            "algorithm version");
}

}  // namespace

DerivedObject writeStructuredReport(const fs::path& sourceFile, const AiResult& result, const fs::path& outFile) {
    const detail::SourceFilm source = detail::readSourceFilm(sourceFile);
    static std::once_flag codesReady;
    // The context groups' code tables are built lazily; building them once up front keeps
    // concurrent report writers (listener threads) from racing on that.
    std::call_once(codesReady, [] { CMR_ContentMappingResource::initializeAllContextGroups(); });

    TID1500_MeasurementReport report(CID7021_MeasurementReportDocumentTitles::ImagingMeasurementReport);
    buildReport(report, source, result, outFile);

    DSRDocument doc(DSRTypes::DT_EnhancedSR);
    require(doc.setTreeFromRootTemplate(report, OFTrue /* expand included templates */), outFile, "tree");
    addAlgorithm(doc.getTree(), result, outFile);
    require(doc.readStudyData(source.dataset()), outFile, "study");
    require(doc.createNewSeriesInStudy(source.studyInstanceUid.c_str()), outFile, "series");
    doc.setSeriesDescription("CXR Studio AI result (research use only)");
    doc.setSeriesNumber(kSeriesNumber);
    doc.setInstanceNumber("1");
    doc.setManufacturer("CXR Studio");
    doc.setSoftwareVersions(CXR_VERSION);
    doc.completeDocument();
    require(doc.getCurrentRequestedProcedureEvidence().addItem(source.studyInstanceUid.c_str(),
                                                               source.seriesInstanceUid.c_str(),
                                                               source.sopClassUid.c_str(), source.sopInstanceUid.c_str()),
            outFile, "evidence");

    DcmFileFormat file;
    DcmDataset& ds = *file.getDataset();
    require(doc.write(ds), outFile, "write");
    // Our own UIDs (DCMTK's document makes them below DCMTK's root), and the source's Patient
    // and Study modules exactly as the source has them.
    DerivedObject object;
    object.kind = "SR";
    object.file = outFile;
    object.studyInstanceUid = source.studyInstanceUid;
    object.seriesInstanceUid = newUid();
    object.sopInstanceUid = newUid();
    object.sopClassUid = UID_EnhancedSRStorage;
    ds.putAndInsertString(DCM_SeriesInstanceUID, object.seriesInstanceUid.c_str());
    ds.putAndInsertString(DCM_SOPInstanceUID, object.sopInstanceUid.c_str());
    detail::copyPatientAndStudy(source.dataset(), ds);
    detail::saveDicomAtomically(file, outFile);
    return object;
}

}  // namespace cxr::pacs
