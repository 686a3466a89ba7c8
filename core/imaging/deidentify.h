#pragma once
// De-identification of a loaded film's metadata: what a screenshot, a report or a log could
// leak. Pixels are left alone (burnt-in text is the user's responsibility).
#include "core/imaging/film.h"

namespace cxr::imaging {

// Clears PatientInfo and drops every identifying element from Film::tags
// (group 0010, UIDs, dates, names, accession numbers, private elements).
void deidentify(Film& film);

}  // namespace cxr::imaging
