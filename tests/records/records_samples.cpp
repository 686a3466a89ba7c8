#include "records/records_samples.h"

#include "core/common/sha256.h"

namespace cxr::test {

std::string filmSha(const std::string& name) {
    return sha256Hex(name);
}

records::FilmRecord sampleFilm(const std::string& name) {
    records::FilmRecord film;
    film.sha256 = filmSha(name);
    film.path = "/films/" + name + ".dcm";
    film.studyInstanceUid = "1.2.826.0.1.3680043.10.1." + std::to_string(name.size());
    film.seriesInstanceUid = film.studyInstanceUid + ".2";
    film.sopInstanceUid = film.studyInstanceUid + ".2.3";
    film.sizeBytes = 1000 + static_cast<std::int64_t>(name.size());
    film.patientName = "DOE^JANE^" + name;
    film.patientId = "PID-" + name;
    return film;
}

records::DiagnosisRecord sampleDiagnosis(const std::string& filmName, const std::string& modelSha, bool pneumonia) {
    records::DiagnosisRecord d;
    d.filmSha256 = filmSha(filmName);
    d.modelSha256 = modelSha;
    d.modelName = "resnet18-" + modelSha.substr(0, 4);
    d.method = "gradcam";
    d.layer = "layer4";
    d.classes = {"NORMAL", "PNEUMONIA"};
    d.probabilities = pneumonia ? std::vector<double>{0.125, 0.875} : std::vector<double>{0.8125, 0.1875};
    d.label = pneumonia ? "PNEUMONIA" : "NORMAL";
    d.threshold = 0.4;
    d.warnings = {"lateral-view"};
    d.timingsMs = {{"load", 12.5}, {"forward", 40.25}};
    return d;
}

records::VerdictRecord sampleVerdict(const std::string& filmName, std::int64_t diagnosisId, bool agrees,
                                     const std::string& label) {
    records::VerdictRecord v;
    v.filmSha256 = filmSha(filmName);
    v.diagnosisId = diagnosisId;
    v.agrees = agrees;
    v.label = label;
    v.note = "seen by " + filmName;
    v.reviewer = "dr-test";
    return v;
}

}  // namespace cxr::test
