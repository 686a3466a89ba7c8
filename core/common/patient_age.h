#pragma once
// The patient's age at the time of a film, from DICOM: Patient's Age (0010,1010, an Age String
// such as "045Y", "006M", "003W", "010D") or, without one, the birth date against the date the
// film was taken. Used by the out-of-domain checks; the values come from the film's identifying
// PatientInfo and are never logged.
#include <optional>
#include <string>

namespace cxr {

// Years (fractional: "006M" = 0.5) from a DICOM Age String; nullopt when empty or malformed
// (surrounding spaces and a missing leading zero are tolerated: "45Y").
std::optional<double> parseDicomAge(const std::string& ageString);

// Years between two DICOM dates (YYYYMMDD; "YYYY.MM.DD" of old headers tolerated); nullopt when
// either is missing or malformed or the film predates the birth.
std::optional<double> ageBetweenDates(const std::string& birthDate, const std::string& filmDate);

// Patient's Age when it parses, else the birth date against the acquisition date, else against
// the study date.
std::optional<double> patientAgeYears(const std::string& ageString, const std::string& birthDate,
                                      const std::string& acquisitionDate, const std::string& studyDate);

}  // namespace cxr
