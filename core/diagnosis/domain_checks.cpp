#include "core/diagnosis/domain_checks.h"

#include <algorithm>
#include <cctype>

#include "core/common/patient_age.h"

namespace cxr::diagnosis {
namespace {

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

bool isLateral(const std::string& view) {
    const std::string v = upper(view);
    return v == "LL" || v == "RL" || v == "LLD" || v == "RLD" || contains(v, "LAT");
}

bool isColourPhotometric(const std::string& photometric) {
    const std::string p = upper(photometric);
    return contains(p, "RGB") || contains(p, "YBR") || contains(p, "PALETTE");
}

}  // namespace

std::vector<std::string> outOfDomainWarnings(const imaging::Film& film, int modelInputSize,
                                             const std::optional<AgeRange>& trainedAges) {
    std::vector<std::string> warnings;
    const imaging::FilmMetadata& meta = film.meta;
    const std::string modality = upper(meta.modality);
    if (!modality.empty() && modality != "CR" && modality != "DX" && modality != "DR")
        warnings.push_back("modality " + meta.modality +
                           " is not a radiograph (CR/DX/DR): the model was trained on chest radiographs");
    if (isLateral(meta.viewPosition))
        warnings.push_back("lateral view (" + meta.viewPosition +
                           "): the model was trained on frontal (PA/AP) films");
    const std::string bodyPart = upper(meta.bodyPart);
    if (!bodyPart.empty() && !contains(bodyPart, "CHEST") && !contains(bodyPart, "THORAX") &&
        !contains(bodyPart, "LUNG"))
        warnings.push_back("body part " + meta.bodyPart + " is not the chest");

    bool loaderSaidColour = false;
    for (const auto& note : film.warnings) {
        if (note.rfind("decoded at 1/", 0) == 0)
            continue;
        loaderSaidColour = loaderSaidColour || contains(note, "colour");
        warnings.push_back(note);
    }
    if (!loaderSaidColour && isColourPhotometric(meta.photometric))
        warnings.push_back("colour film (" + meta.photometric +
                           ") converted to grey: the model was trained on greyscale radiographs");
    if (std::min(film.width, film.height) < modelInputSize)
        warnings.push_back("small film (" + std::to_string(film.width) + " x " + std::to_string(film.height) +
                           " px, below the model's " + std::to_string(modelInputSize) +
                           " px input): details are interpolated");
    if (trainedAges) {
        const imaging::PatientInfo& p = film.patient;
        const auto age = patientAgeYears(p.age, p.birthDate, p.acquisitionDate, p.studyDate);
        if (age && !trainedAges->contains(*age))
            warnings.push_back(std::string("patient ") + (*age < trainedAges->minYears ? "younger" : "older") +
                               " than the ages the model was trained on (" + trainedAges->toString() + " years)");
    }
    return warnings;
}

}  // namespace cxr::diagnosis
