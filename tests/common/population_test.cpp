// The training population and the patient's age: age ranges as a user types them, DICOM Age
// Strings, ages from birth and film dates, and the JSON a run stores.
#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/common/patient_age.h"
#include "core/common/population.h"

namespace cxr {
namespace {

std::string errorOf(const std::string& text, const std::string& what) {
    try {
        parseAgeRange(text, what);
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
        return e.what();
    }
    return "accepted";
}

TEST(Population, AgeRangesParseAsTyped) {
    const AgeRange kaggle = parseAgeRange("1-5", "--population-age");
    EXPECT_EQ(kaggle.minYears, 1);
    EXPECT_EQ(kaggle.maxYears, 5);
    EXPECT_EQ(kaggle.toString(), "1-5");
    const AgeRange spaced = parseAgeRange(" 0.5 - 17 ", "x");
    EXPECT_EQ(spaced.minYears, 0.5);
    EXPECT_EQ(spaced.maxYears, 17);
    EXPECT_EQ(spaced.toString(), "0.5-17");
    EXPECT_EQ(parseAgeRange("18-90", "x").toString(), "18-90");
}

TEST(Population, BadAgeRangesNameTheFlagAndTheText) {
    for (const char* bad : {"", "5", "adult", "1-", "-5", "5-1", "1-500", "1-5y", "1.-5", "one-five", "1-2-3", "1e1-20"}) {
        const std::string message = errorOf(bad, "--population-age");
        EXPECT_EQ(message.rfind("--population-age: \"" + std::string(bad) + "\"", 0), 0u) << message;
        EXPECT_NE(message.find("such as 1-5"), std::string::npos) << message;
    }
    // Without a name the message starts with the text (CLI11 prefixes the flag itself).
    EXPECT_EQ(errorOf("5-1", "").rfind("\"5-1\" is not an age range", 0), 0u);
}

TEST(Population, ARangeCoversCompletedYears) {
    const AgeRange r = parseAgeRange("1-5", "x");
    EXPECT_FALSE(r.contains(0.99));
    EXPECT_TRUE(r.contains(1.0));
    EXPECT_TRUE(r.contains(5.0));
    EXPECT_TRUE(r.contains(5.99));  // a five-year-old
    EXPECT_FALSE(r.contains(6.0));
    EXPECT_FALSE(r.contains(45));
}

TEST(Population, JsonRoundTripAndBadJson) {
    Population p;
    p.age = parseAgeRange("1-5", "x");
    p.description = "children, one paediatric centre";
    const Json j = p.toJson();
    EXPECT_EQ(j, (Json{{"ageYears", {{"min", 1.0}, {"max", 5.0}}}, {"description", "children, one paediatric centre"}}));
    const Population back = Population::fromJson(j, "model.json");
    ASSERT_TRUE(back.age);
    EXPECT_EQ(back.age->toString(), "1-5");
    EXPECT_EQ(back.description, p.description);
    EXPECT_TRUE(Population{}.empty());
    EXPECT_EQ(Population{}.toJson(), Json::object());
    EXPECT_TRUE(Population::fromJson(Json(), "model.json").empty());
    EXPECT_TRUE(Population::fromJson(Json::object(), "model.json").empty());
    for (const Json& bad : {Json("1-5"), Json{{"ageYears", {{"min", "one"}, {"max", 5}}}},
                            Json{{"ageYears", {{"min", 6}, {"max", 5}}}}, Json{{"ageYears", {{"min", 1}}}}}) {
        try {
            Population::fromJson(bad, "run/model.json");
            ADD_FAILURE() << bad.dump();
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find("run/model.json"), std::string::npos) << e.what();
        }
    }
}

TEST(PatientAge, DicomAgeStringsInEveryUnit) {
    EXPECT_DOUBLE_EQ(*parseDicomAge("045Y"), 45);
    EXPECT_DOUBLE_EQ(*parseDicomAge("006M"), 0.5);
    EXPECT_NEAR(*parseDicomAge("003W"), 21 / 365.2425, 1e-12);
    EXPECT_NEAR(*parseDicomAge("010D"), 10 / 365.2425, 1e-12);
    EXPECT_DOUBLE_EQ(*parseDicomAge(" 45Y "), 45);  // lenient: padding, a missing leading zero
    EXPECT_DOUBLE_EQ(*parseDicomAge("003y"), 3);
    for (const char* bad : {"", "Y", "045", "45 Y", "-45Y", "04.5Y", "0045Y", "045X", "abcY"})
        EXPECT_FALSE(parseDicomAge(bad)) << bad;
}

TEST(PatientAge, AgeFromBirthAndFilmDates) {
    EXPECT_NEAR(*ageBetweenDates("19800101", "20250101"), 45, 0.01);
    EXPECT_LT(*ageBetweenDates("20200315", "20250314"), 5.0);  // the day before the fifth birthday
    EXPECT_DOUBLE_EQ(*ageBetweenDates("20200315", "20250315"), 5.0);
    EXPECT_DOUBLE_EQ(*ageBetweenDates("20230601", "20240601"), 1.0);  // a one-year-old, as "1-5" means
    EXPECT_NEAR(*ageBetweenDates("20230601", "20231201"), 183 / 366.0, 1e-12);
    // Old dotted form; a 29 February birthday is kept on 28 February in other years.
    EXPECT_NEAR(*ageBetweenDates("2020.02.29", "2021.03.01"), 1 + 1 / 365.0, 1e-12);
    EXPECT_DOUBLE_EQ(*ageBetweenDates("20240101", "20240101"), 0);
    for (const auto& [birth, film] : std::vector<std::pair<const char*, const char*>>{
             {"", "20240101"}, {"20240101", ""}, {"20250101", "20240101"}, {"20231301", "20240101"},
             {"20230229", "20240101"}, {"2023011", "20240101"}, {"2023O101", "20240101"}})
        EXPECT_FALSE(ageBetweenDates(birth, film)) << birth << " " << film;
}

TEST(PatientAge, PatientsAgeFirstThenAcquisitionThenStudyDate) {
    EXPECT_DOUBLE_EQ(*patientAgeYears("004Y", "19800101", "20250101", "20250101"), 4);
    EXPECT_NEAR(*patientAgeYears("", "20200101", "20230101", "20250101"), 3, 0.01);
    EXPECT_NEAR(*patientAgeYears("bad", "20200101", "", "20250101"), 5, 0.01);
    EXPECT_FALSE(patientAgeYears("", "", "20230101", "20250101"));
}

}  // namespace
}  // namespace cxr
