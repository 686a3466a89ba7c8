#pragma once
// The film a result belongs to, as the result objects need it: read once, checked for the
// identifiers every derived object must carry, and the modules DICOM requires a new object in
// the same study to repeat (Patient, General Study, Patient Study) copied from it. Used only by
// the .cpp files of core/pacs that write result objects; DCMTK types stay forward-declared.
#include <filesystem>
#include <memory>
#include <string>

class DcmFileFormat;
class DcmItem;

namespace cxr::pacs::detail {

struct SourceFilm {
    std::filesystem::path file;
    std::shared_ptr<DcmFileFormat> dicom;  // the whole file as read
    std::string studyInstanceUid, seriesInstanceUid, sopClassUid, sopInstanceUid;
    int columns = 0, rows = 0;
    DcmItem& dataset() const;
};

// Reads `file`. Throws cxr::Error naming it: InvalidInput when it is not DICOM or lacks the
// Study Instance UID, SOP Class or SOP Instance UID a result must reference.
SourceFilm readSourceFilm(const std::filesystem::path& file);

// Copies Specific Character Set and the Patient, General Study and Patient Study attributes
// (names, IDs, birth date, sex, study date/time/ID, accession, referring physician, ...) from
// `source` into `target`; type 2 attributes the source lacks are written empty.
void copyPatientAndStudy(DcmItem& source, DcmItem& target);

// Saves `file` (explicit VR little endian, meta header rebuilt) to `path` through a temporary
// file and a rename, so a reader never sees half an object. Throws cxr::Error(Io) naming it.
void saveDicomAtomically(DcmFileFormat& file, const std::filesystem::path& path);

// Today's date and the time now as DICOM DA and TM values.
std::string dicomDateNow();
std::string dicomTimeNow();

}  // namespace cxr::pacs::detail
