// Out-of-domain warnings: which films get which warning, and which get none.
#include <gtest/gtest.h>

#include "diagnosis/domain_checks.h"

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

bool mentions(const std::vector<std::string>& warnings, const std::string& part) {
    for (const auto& w : warnings)
        if (w.find(part) != std::string::npos)
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
    f.warnings = {"colour image converted to grey (ITU-R BT.601 luma)", "decoded at 1/8 scale (2000 x 2000 stored)"};
    const auto w = outOfDomainWarnings(f, 224);
    ASSERT_EQ(w.size(), 1u);  // the loader's colour note, not a second colour warning
    EXPECT_EQ(w[0], f.warnings[0]);
}

}  // namespace
}  // namespace cxr::diagnosis
