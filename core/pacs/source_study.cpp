#include "core/pacs/source_study.h"

#include <ctime>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>

#include "core/common/error.h"
#include "core/imaging/dcmtk_codecs.h"
#include "core/imaging/load_film.h"

namespace cxr::pacs::detail {

DcmItem& SourceFilm::dataset() const { return *dicom->getDataset(); }

namespace {

std::string stringOf(DcmItem& item, const DcmTagKey& tag) {
    OFString value;
    if (item.findAndGetOFStringArray(tag, value).good())
        return value.c_str();
    return {};
}

}  // namespace

SourceFilm readSourceFilm(const std::filesystem::path& file) {
    imaging::detail::ensureDcmtkCodecs();
    // Results belong to a study: only a DICOM film has one to put them in.
    if (imaging::sniffFormat(file) != "DICOM")
        throw Error(ErrorCode::InvalidInput, file,
                    "is not a DICOM file: results go back into the film's study, so the film must come from one");
    SourceFilm s;
    s.file = file;
    s.dicom = std::make_shared<DcmFileFormat>();
    const OFCondition cond = s.dicom->loadFile(file.string().c_str());
    if (cond.bad())
        throw Error(ErrorCode::Corrupt, file, std::string("cannot be read as DICOM: ") + cond.text());
    DcmItem& ds = s.dataset();
    s.studyInstanceUid = stringOf(ds, DCM_StudyInstanceUID);
    s.seriesInstanceUid = stringOf(ds, DCM_SeriesInstanceUID);
    s.sopClassUid = stringOf(ds, DCM_SOPClassUID);
    s.sopInstanceUid = stringOf(ds, DCM_SOPInstanceUID);
    if (s.studyInstanceUid.empty() || s.sopClassUid.empty() || s.sopInstanceUid.empty())
        throw Error(ErrorCode::InvalidInput, file,
                    "has no Study Instance UID, SOP Class UID or SOP Instance UID for a result to refer to");
    Uint16 columns = 0, rows = 0;
    ds.findAndGetUint16(DCM_Columns, columns);
    ds.findAndGetUint16(DCM_Rows, rows);
    s.columns = columns;
    s.rows = rows;
    return s;
}

void copyPatientAndStudy(DcmItem& source, DcmItem& target) {
    // Type 2 (present, maybe empty) in the modules a new instance of the study repeats; the
    // rest are copied only when the source has them.
    static const DcmTagKey kType2[] = {DCM_PatientName,        DCM_PatientID,    DCM_PatientBirthDate,
                                       DCM_PatientSex,         DCM_StudyDate,    DCM_StudyTime,
                                       DCM_ReferringPhysicianName, DCM_StudyID,  DCM_AccessionNumber};
    static const DcmTagKey kOptional[] = {DCM_SpecificCharacterSet, DCM_IssuerOfPatientID, DCM_OtherPatientIDsSequence,
                                          DCM_PatientAge,           DCM_PatientSize,       DCM_PatientWeight,
                                          DCM_StudyDescription,     DCM_StudyInstanceUID,  DCM_PatientBirthTime,
                                          DCM_IssuerOfAccessionNumberSequence, DCM_ResponsiblePerson,
                                          DCM_PatientSpeciesDescription};
    auto copy = [&](const DcmTagKey& tag, bool type2) {
        DcmElement* element = nullptr;
        if (source.findAndGetElement(tag, element).good() && element) {
            target.insert(OFstatic_cast(DcmElement*, element->clone()), OFTrue);
        } else if (type2) {
            target.insertEmptyElement(tag, OFTrue);
        }
    };
    for (const auto& tag : kType2)
        copy(tag, true);
    for (const auto& tag : kOptional)
        copy(tag, false);
}

void saveDicomAtomically(DcmFileFormat& file, const std::filesystem::path& path) {
    const std::filesystem::path part = path.string() + ".part";
    const OFCondition cond = file.saveFile(part.string().c_str(), EXS_LittleEndianExplicit, EET_ExplicitLength,
                                           EGL_recalcGL, EPD_withoutPadding, 0, 0, EWM_createNewMeta);
    std::error_code ec;
    if (cond.bad()) {
        std::filesystem::remove(part, ec);
        throw Error(ErrorCode::Io, path, std::string("cannot be written: ") + cond.text());
    }
    std::filesystem::rename(part, path, ec);
    if (ec) {
        std::filesystem::remove(part, ec);
        throw Error(ErrorCode::Io, path, "cannot be written: " + ec.message());
    }
}

std::string dicomDateNow() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[16];
    std::strftime(text, sizeof text, "%Y%m%d", &local);
    return text;
}

std::string dicomTimeNow() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[16];
    std::strftime(text, sizeof text, "%H%M%S", &local);
    return text;
}

}  // namespace cxr::pacs::detail
