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

std::vector<Notice> outOfDomainWarnings(const imaging::Film& film, int modelInputSize,
                                        const std::optional<AgeRange>& trainedAges) {
    std::vector<Notice> warnings;
    const imaging::FilmMetadata& meta = film.meta;
    const std::string modality = upper(meta.modality);
    if (!modality.empty() && modality != "CR" && modality != "DX" && modality != "DR")
        warnings.push_back(Notice("domain.modality").text("modality", meta.modality));
    if (isLateral(meta.viewPosition))
        warnings.push_back(Notice("domain.lateral").text("view", meta.viewPosition));
    const std::string bodyPart = upper(meta.bodyPart);
    if (!bodyPart.empty() && !contains(bodyPart, "CHEST") && !contains(bodyPart, "THORAX") &&
        !contains(bodyPart, "LUNG"))
        warnings.push_back(Notice("domain.body_part").text("part", meta.bodyPart));

    bool loaderSaidColour = false;
    for (const auto& note : film.warnings) {
        if (note.code() == "film.decoded_reduced")
            continue;
        loaderSaidColour = loaderSaidColour || note.code() == "film.colour_to_grey" ||
                           note.code() == "film.colour_image_to_grey";
        warnings.push_back(note);
    }
    if (!loaderSaidColour && isColourPhotometric(meta.photometric))
        warnings.push_back(Notice("domain.colour").text("photometric", meta.photometric));
    if (std::min(film.width, film.height) < modelInputSize)
        warnings.push_back(Notice("domain.small_film")
                               .integer("width", film.width)
                               .integer("height", film.height)
                               .integer("input", modelInputSize));
    if (trainedAges) {
        const imaging::PatientInfo& p = film.patient;
        const auto age = patientAgeYears(p.age, p.birthDate, p.acquisitionDate, p.studyDate);
        if (age && !trainedAges->contains(*age))
            warnings.push_back(Notice(*age < trainedAges->minYears ? "domain.patient_younger" : "domain.patient_older")
                                   .number("min", trainedAges->minYears, fewestDecimals(trainedAges->minYears, 2))
                                   .number("max", trainedAges->maxYears, fewestDecimals(trainedAges->maxYears, 2)));
    }
    return warnings;
}

}  // namespace cxr::diagnosis
