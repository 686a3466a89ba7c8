#pragma once
// Population: who the films a model was trained on came from — an age range in years and a free
// text ("children aged 1-5, Guangzhou Women and Children's Medical Center"). Recorded by a run
// (config.json, model.json) so the out-of-domain checks can say when a film's patient lies
// outside it. Plain C++ and JSON, shared by the CLI, the GUI, the model bundle and diagnosis.
#include <optional>
#include <string>

#include "core/common/json_io.h"

namespace cxr {

// Ages in completed years, both ends included as ages: "1-5" covers a child from the first
// birthday to the day before the sixth (a five-year-old is 5.0 to 5.99 years old).
struct AgeRange {
    double minYears = 0;
    double maxYears = 0;

    // `ageYears` (fractional years since birth) lies in [minYears, maxYears + 1).
    bool contains(double ageYears) const;
    std::string toString() const;  // "1-5", "0.5-5"
};

// "1-5", "0.5-17", " 18 - 90 " (years; decimals allowed; 0 <= min <= max <= 150). Throws
// cxr::Error(InvalidInput) naming `what` (a flag, a field or a file; left out when empty) and
// the expected form.
AgeRange parseAgeRange(const std::string& text, const std::string& what);

struct Population {
    std::optional<AgeRange> age;
    std::string description;

    bool empty() const { return !age && description.empty(); }
    // {"ageYears": {"min": 1, "max": 5}, "description": "..."}; keys left out when empty.
    Json toJson() const;
    // Throws cxr::Error(InvalidInput) naming `what` when the object is malformed.
    static Population fromJson(const Json& json, const std::string& what);
};

}  // namespace cxr
