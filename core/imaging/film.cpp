#include "core/imaging/film.h"

namespace cxr::imaging {

bool PatientInfo::empty() const {
    return name.empty() && id.empty() && birthDate.empty() && sex.empty() && accessionNumber.empty() &&
           studyDate.empty() && studyDescription.empty() && institution.empty() &&
           studyInstanceUid.empty() && seriesInstanceUid.empty() && sopInstanceUid.empty() && age.empty() &&
           acquisitionDate.empty();
}

}  // namespace cxr::imaging
