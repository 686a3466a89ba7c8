// Out-of-domain warnings: which films get which warning, and which get none.
#include <tuple>

#include <gtest/gtest.h>

#include "core/diagnosis/domain_checks.h"
#include "core/imaging/film_writer.h"
#include "core/imaging/load_film.h"
#include "test_dirs.h"

namespace cxr::diagnosis {
namespace {

imaging::Film chestFilm() {
    imaging::Film film;
    film.width = 1024;
    film.height = 1024;
    film.meta.format = "DICOM";
    film.meta.modality = "DX";
    film.meta.viewPosition = "PA";
    film.meta.bodyPart = "CHEST";
    film.meta.photometric = "MONOCHROME2";
    return film;
}

bool mentions(const std::vector<Notice>& warnings, const std::string& part) {
    for (const auto& w : warnings)
        if (englishText(w).find(part) != std::string::npos)
            return true;
    return false;
}

TEST(DomainChecks, AFrontalChestRadiographHasNoWarnings) {
    EXPECT_TRUE(outOfDomainWarnings(chestFilm(), 224).empty());
    imaging::Film jpeg = chestFilm();
    jpeg.meta = {};
    jpeg.meta.format = "JPEG";
    EXPECT_TRUE(outOfDomainWarnings(jpeg, 224).empty());
    for (const char* modality : {"CR", "dx", "DR"}) {
        imaging::Film f = chestFilm();
        f.meta.modality = modality;
        EXPECT_TRUE(outOfDomainWarnings(f, 224).empty()) << modality;
    }
}

TEST(DomainChecks, WarnsAboutModalityViewBodyPartColourAndSize) {
    imaging::Film f = chestFilm();
    f.meta.modality = "MR";
    EXPECT_TRUE(mentions(outOfDomainWarnings(f, 224), "modality MR"));
    for (const char* view : {"LL", "RL", "LATERAL", "Lat"}) {
        f = chestFilm();
        f.meta.viewPosition = view;
        EXPECT_TRUE(mentions(outOfDomainWarnings(f, 224), "lateral")) << view;
    }
    f = chestFilm();
    f.meta.bodyPart = "KNEE";
    EXPECT_TRUE(mentions(outOfDomainWarnings(f, 224), "KNEE"));
    f = chestFilm();
    f.meta.photometric = "YBR_FULL_422";
    EXPECT_TRUE(mentions(outOfDomainWarnings(f, 224), "colour"));
    f = chestFilm();
    f.width = 180;
    EXPECT_TRUE(mentions(outOfDomainWarnings(f, 224), "small film (180 x 1024"));
}

TEST(DomainChecks, PassesLoaderNotesButNotTheReducedDecodeNote) {
    imaging::Film f = chestFilm();
    f.warnings = {Notice("film.colour_image_to_grey"),
                  Notice("film.decoded_reduced").integer("factor", 8).integer("width", 2000).integer("height", 2000)};
    const auto w = outOfDomainWarnings(f, 224);
    ASSERT_EQ(w.size(), 1u);  // the loader's colour note, not a second colour warning
    EXPECT_EQ(w[0], f.warnings[0]);
}

TEST(DomainChecks, AnAdultFilmForAModelTrainedOnChildrenIsWarnedAbout) {
    const AgeRange kaggle = parseAgeRange("1-5", "test");
    imaging::Film adult = chestFilm();
    adult.patient.age = "045Y";
    const auto warnings = outOfDomainWarnings(adult, 224, kaggle);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].code(), "domain.patient_older");
    EXPECT_EQ(englishText(warnings[0]), "patient older than the ages the model was trained on (1-5 years)");
    // The age itself is patient data: it stays in the film.
    EXPECT_EQ(englishText(warnings[0]).find("45"), std::string::npos);
    // Without a training population (older bundles, seed files) the age says nothing.
    EXPECT_TRUE(outOfDomainWarnings(adult, 224).empty());
    for (const char* child : {"001Y", "003Y", "005Y", "012M", "070M"}) {
        imaging::Film f = chestFilm();
        f.patient.age = child;
        EXPECT_TRUE(outOfDomainWarnings(f, 224, kaggle).empty()) << child;
    }
    imaging::Film unknown = chestFilm();  // no age, no birth date: nothing to compare
    unknown.patient.studyDate = "20240101";
    EXPECT_TRUE(outOfDomainWarnings(unknown, 224, kaggle).empty());
}

TEST(DomainChecks, AgeWarningsSayOlderOrYounger) {
    const AgeRange kaggle = parseAgeRange("1-5", "test");
    const std::string older = "patient older than the ages the model was trained on (1-5 years)";
    const std::string younger = "patient younger than the ages the model was trained on (1-5 years)";
    const std::vector<std::pair<const char*, std::string>> cases{
        {"006M", younger}, {"003W", younger}, {"010D", younger}, {"000D", younger}, {"011M", younger},
        {"006Y", older},   {"072M", older},   {"090Y", older}};
    for (const auto& [age, expected] : cases) {
        imaging::Film f = chestFilm();
        f.patient.age = age;
        const auto warnings = outOfDomainWarnings(f, 224, kaggle);
        ASSERT_EQ(warnings.size(), 1u) << age;
        EXPECT_EQ(englishText(warnings[0]), expected) << age;
    }
    imaging::Film malformed = chestFilm();  // an unreadable age is no age
    malformed.patient.age = "45 years";
    EXPECT_TRUE(outOfDomainWarnings(malformed, 224, kaggle).empty());
}

TEST(DomainChecks, WithoutPatientsAgeTheBirthDateCountsAgainstTheFilmsDate) {
    const AgeRange kaggle = parseAgeRange("1-5", "test");
    imaging::Film f = chestFilm();
    f.patient.birthDate = "19800517";
    f.patient.studyDate = "20250601";
    EXPECT_TRUE(mentions(outOfDomainWarnings(f, 224, kaggle), "patient older"));
    f.patient.acquisitionDate = "19830601";  // the date the film was taken wins over the study's
    EXPECT_TRUE(outOfDomainWarnings(f, 224, kaggle).empty());
    f.patient.age = "030Y";  // and Patient's Age over both
    EXPECT_TRUE(mentions(outOfDomainWarnings(f, 224, kaggle), "patient older"));
    f.patient.age = "003M";
    EXPECT_TRUE(mentions(outOfDomainWarnings(f, 224, kaggle), "patient younger"));
}

// Through the DICOM reader: the age reaches the film's identifying PatientInfo.
TEST(DomainChecks, DicomFilmsCarryTheirPatientsAgeToTheCheck) {
    const auto dir = test::scratchDir();
    const AgeRange kaggle = parseAgeRange("1-5", "test");
    for (const auto& [age, birth, warned] : std::vector<std::tuple<std::string, std::string, bool>>{
             {"045Y", "", true}, {"004Y", "", false}, {"", "19800101", true}, {"", "20210101", false}}) {
        imaging::DicomImage image;
        image.width = image.height = 32;
        image.pixels.assign(32 * 32, 1000);
        image.windowCenter = 2048;
        image.windowWidth = 4096;
        image.patient.age = age;
        image.patient.birthDate = birth;
        image.patient.studyDate = "20240601";
        const auto file = dir / ("film" + age + birth + ".dcm");
        imaging::writeDicom(file, image, imaging::DicomSyntax::ExplicitLittle);
        imaging::LoadOptions options;
        options.readTags = false;
        const imaging::Film film = imaging::loadFilm(file, options);
        EXPECT_EQ(film.patient.age, age);
        EXPECT_EQ(mentions(outOfDomainWarnings(film, 16, kaggle), "than the ages the model was trained on"), warned) << age << birth;
    }
}

}  // namespace
}  // namespace cxr::diagnosis
