#pragma once
// Out-of-domain checks: films unlike the frontal chest radiographs a pneumonia model is
// trained on. The model still answers; the warnings travel with the answer.
#include <optional>
#include <string>
#include <vector>

#include "core/common/population.h"
#include "core/imaging/film.h"

namespace cxr::diagnosis {

// Modality other than CR/DX/DR, a lateral view position, a body part other than the chest,
// a colour film, a film smaller than the model input; plus the loader's own notes (colour
// converted to grey, blank film, multi-frame), except the note that it decoded at a reduced
// scale, which says nothing about the film. With the age range of the model's training
// population, a patient whose age (DICOM Patient's Age, else birth date against the film's
// date) lies outside it: domain.patient_older or domain.patient_younger with the range — the age itself is patient data and stays in the film. A model without a
// population, or a film without an age, adds nothing.
std::vector<Notice> outOfDomainWarnings(const imaging::Film& film, int modelInputSize,
                                        const std::optional<AgeRange>& trainedAges = std::nullopt);

}  // namespace cxr::diagnosis
