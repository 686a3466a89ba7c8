#include "core/common/population.h"

#include <cmath>
#include <cstdlib>
#include <sstream>

#include "core/common/error.h"

namespace cxr {
namespace {

constexpr double kOldestAge = 150;

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// A plain non-negative decimal ("5", "0.5"); nullopt for anything else (signs, exponents, words).
std::optional<double> number(const std::string& text) {
    const std::string t = trim(text);
    if (t.empty() || t.find_first_not_of("0123456789.") != std::string::npos || t.front() == '.' ||
        t.back() == '.' || t.find('.') != t.rfind('.'))
        return std::nullopt;
    return std::strtod(t.c_str(), nullptr);
}

std::string numberText(double value) {
    std::ostringstream out;
    out << std::round(value * 100) / 100;
    return out.str();
}

}  // namespace

bool AgeRange::contains(double ageYears) const { return ageYears >= minYears && ageYears < maxYears + 1; }

std::string AgeRange::toString() const { return numberText(minYears) + "-" + numberText(maxYears); }

AgeRange parseAgeRange(const std::string& text, const std::string& what) {
    const auto fail = [&](const std::string& why) -> AgeRange {
        throw Error(ErrorCode::InvalidInput, (what.empty() ? "" : what + ": ") + "\"" + text +
                                                 "\" is not an age range: " + why +
                                                 " (expected completed years such as 1-5 or 18-90)");
    };
    const auto dash = text.find('-');
    if (dash == std::string::npos)
        return fail("no '-' between the youngest and the oldest age");
    const auto low = number(text.substr(0, dash)), high = number(text.substr(dash + 1));
    if (!low || !high)
        return fail("both ends must be plain numbers of years");
    if (*low > *high)
        return fail("the youngest age is above the oldest");
    if (*high > kOldestAge)
        return fail("ages above " + numberText(kOldestAge) + " years");
    return AgeRange{*low, *high};
}

Json Population::toJson() const {
    Json j = Json::object();
    if (age)
        j["ageYears"] = {{"min", age->minYears}, {"max", age->maxYears}};
    if (!description.empty())
        j["description"] = description;
    return j;
}

Population Population::fromJson(const Json& json, const std::string& what) {
    Population p;
    if (json.is_null())
        return p;
    try {
        if (!json.is_object())
            throw Error(ErrorCode::InvalidInput, what + ": the population is not a JSON object");
        if (json.contains("ageYears")) {
            const Json& a = json.at("ageYears");
            const double low = a.at("min").get<double>(), high = a.at("max").get<double>();
            // Through the parser, so a hand-edited file meets the same rules as the flag.
            p.age = parseAgeRange(numberText(low) + "-" + numberText(high), what + " population.ageYears");
            p.age = AgeRange{low, high};
        }
        p.description = json.value("description", std::string());
    } catch (const Json::exception& e) {
        throw Error(ErrorCode::InvalidInput, what + ": malformed population (" + std::string(e.what()) + ")");
    }
    return p;
}

}  // namespace cxr
