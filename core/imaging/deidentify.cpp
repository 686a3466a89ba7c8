#include "core/imaging/deidentify.h"

#include <algorithm>

#include "core/imaging/dicom_tags.h"

namespace cxr::imaging {

void deidentify(Film& film) {
    film.patient = PatientInfo{};
    // Re-check against the list rather than trusting the flag, which callers may have edited.
    film.tags.erase(std::remove_if(film.tags.begin(), film.tags.end(),
                                   [](const DicomTag& tag) {
                                       return tag.identifying || detail::isIdentifyingTag(tag.group, tag.element);
                                   }),
                    film.tags.end());
}

}  // namespace cxr::imaging
