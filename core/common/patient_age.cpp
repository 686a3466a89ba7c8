#include "core/common/patient_age.h"

#include <algorithm>
#include <cctype>

namespace cxr {
namespace {

constexpr double kDaysPerYear = 365.2425;

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(' ');
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
long daysFromCivil(long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

struct Date {
    long year;
    unsigned month, day;
};

bool isLeap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned daysInMonth(long y, unsigned m) {
    static const unsigned kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : kMonthDays[m - 1];
}

std::optional<Date> parseDate(const std::string& date) {
    std::string digits;
    for (char c : trim(date))
        if (c != '.')
            digits += c;
    if (digits.size() != 8)
        return std::nullopt;
    for (char c : digits)
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return std::nullopt;
    const Date d{std::stol(digits.substr(0, 4)), static_cast<unsigned>(std::stoul(digits.substr(4, 2))),
                 static_cast<unsigned>(std::stoul(digits.substr(6, 2)))};
    if (d.year < 1800 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysInMonth(d.year, d.month))
        return std::nullopt;
    return d;
}

// The day number of the `years`-th birthday (a 29 February birthday falls on 28 February in
// other years).
long birthday(const Date& birth, long years) {
    const long y = birth.year + years;
    return daysFromCivil(y, birth.month, std::min(birth.day, daysInMonth(y, birth.month)));
}

}  // namespace

std::optional<double> parseDicomAge(const std::string& ageString) {
    const std::string t = trim(ageString);
    if (t.size() < 2 || t.size() > 4)
        return std::nullopt;
    const std::string digits = t.substr(0, t.size() - 1);
    for (char c : digits)
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return std::nullopt;
    const double n = std::stod(digits);
    switch (std::toupper(static_cast<unsigned char>(t.back()))) {
    case 'Y': return n;
    case 'M': return n / 12.0;
    case 'W': return n * 7.0 / kDaysPerYear;
    case 'D': return n / kDaysPerYear;
    default: return std::nullopt;
    }
}

std::optional<double> ageBetweenDates(const std::string& birthDate, const std::string& filmDate) {
    const auto birth = parseDate(birthDate), film = parseDate(filmDate);
    if (!birth || !film)
        return std::nullopt;
    const long filmDay = daysFromCivil(film->year, film->month, film->day);
    if (filmDay < birthday(*birth, 0))
        return std::nullopt;
    // Completed years exactly (a child is 1 on the first birthday), plus the part of the year.
    long years = film->year - birth->year;
    while (years > 0 && birthday(*birth, years) > filmDay)
        --years;
    const long from = birthday(*birth, years), to = birthday(*birth, years + 1);
    return static_cast<double>(years) + static_cast<double>(filmDay - from) / static_cast<double>(to - from);
}

std::optional<double> patientAgeYears(const std::string& ageString, const std::string& birthDate,
                                      const std::string& acquisitionDate, const std::string& studyDate) {
    if (const auto age = parseDicomAge(ageString))
        return age;
    if (const auto age = ageBetweenDates(birthDate, acquisitionDate))
        return age;
    return ageBetweenDates(birthDate, studyDate);
}

}  // namespace cxr
