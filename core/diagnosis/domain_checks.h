#pragma once
// Out-of-domain checks: films unlike the frontal chest radiographs a pneumonia model is
// trained on. The model still answers; the warnings travel with the answer.
#include <string>
#include <vector>

#include "imaging/film.h"

namespace cxr::diagnosis {

// Modality other than CR/DX/DR, a lateral view position, a body part other than the chest,
// a colour film, a film smaller than the model input; plus the loader's own notes (colour
// converted to grey, blank film, multi-frame), except the note that it decoded at a reduced
// scale, which says nothing about the film.
std::vector<std::string> outOfDomainWarnings(const imaging::Film& film, int modelInputSize);

}  // namespace cxr::diagnosis
