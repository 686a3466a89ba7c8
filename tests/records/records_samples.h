#pragma once
// Records for tests and the writer program: films, diagnoses and verdicts whose fields can
// all be told apart after a round trip.
#include <string>

#include "core/records/records_db.h"

namespace cxr::test {

// A film's SHA-256 from a name ("film-7"), so tests can name films.
std::string filmSha(const std::string& name);
records::FilmRecord sampleFilm(const std::string& name);
// A diagnosis of that film; `pneumonia` picks the call.
records::DiagnosisRecord sampleDiagnosis(const std::string& filmName, const std::string& modelSha,
                                         bool pneumonia);
records::VerdictRecord sampleVerdict(const std::string& filmName, std::int64_t diagnosisId, bool agrees,
                                     const std::string& label);

}  // namespace cxr::test
