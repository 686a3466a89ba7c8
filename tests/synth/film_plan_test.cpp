// The plan of a synthetic set: Kaggle layout, Kermany names, class balance, patients, options.
#include <map>
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/synth/film_plan.h"

namespace cxr::synth {
namespace {

SynthOptions options(int train, int val, int test, std::uint64_t seed = 1) {
    SynthOptions o;
    o.train = train;
    o.val = val;
    o.test = test;
    o.seed = seed;
    o.size = 96;
    return o;
}

TEST(FilmPlan, CountsPerSplitAndKaggleLikeClassBalance) {
    const auto plans = planSyntheticSet(options(400, 16, 80));
    std::map<std::string, std::map<std::string, int>> counts;
    for (const auto& p : plans)
        ++counts[p.split][p.className];
    EXPECT_EQ(counts["train"]["NORMAL"] + counts["train"]["PNEUMONIA"], 400);
    EXPECT_EQ(counts["val"]["NORMAL"] + counts["val"]["PNEUMONIA"], 16);
    EXPECT_EQ(counts["test"]["NORMAL"] + counts["test"]["PNEUMONIA"], 80);
    const double trainRatio = static_cast<double>(counts["train"]["PNEUMONIA"]) / counts["train"]["NORMAL"];
    EXPECT_GT(trainRatio, 2.6);  // Kaggle train: 3875 / 1341 = 2.9
    EXPECT_LT(trainRatio, 3.2);
    EXPECT_EQ(counts["val"]["PNEUMONIA"], 8);
    EXPECT_EQ(counts["test"]["PNEUMONIA"], 50);
}

TEST(FilmPlan, KermanyNamesInTheKaggleLayout) {
    const std::regex pneumonia(R"((train|val|test)/PNEUMONIA/person\d+_(bacteria|virus)_\d+\.jpeg)");
    const std::regex normal(R"((train|val|test)/NORMAL/(NORMAL2-)?IM-\d{4}-\d{4}\.jpeg)");
    std::set<std::string> paths;
    int bacteria = 0, virus = 0;
    for (const auto& p : planSyntheticSet(options(200, 16, 60))) {
        const std::string path = p.relativePath.generic_string();
        EXPECT_TRUE(std::regex_match(path, p.pneumonia() ? pneumonia : normal)) << path;
        EXPECT_TRUE(paths.insert(path).second) << "duplicate " << path;
        if (p.pneumonia())
            EXPECT_NE(path.find(p.patientId + "_" + p.subtype + "_"), std::string::npos) << path;
        else
            EXPECT_NE(path.find("/" + p.patientId + "-"), std::string::npos) << path;
        bacteria += p.subtype == "bacteria";
        virus += p.subtype == "virus";
    }
    EXPECT_GT(bacteria, virus);
    EXPECT_GT(virus, 0);
}

TEST(FilmPlan, PatientsHaveSeveralFilmsButNeverSpanSplits) {
    std::map<std::string, std::set<std::string>> splitsOfPatient;
    std::map<std::string, int> filmsOfPatient;
    std::map<std::string, std::uint64_t> anatomyOfPatient;
    for (const auto& p : planSyntheticSet(options(300, 16, 60))) {
        splitsOfPatient[p.patientId].insert(p.split);
        ++filmsOfPatient[p.patientId];
        auto [it, fresh] = anatomyOfPatient.emplace(p.patientId, p.patientSeed);
        EXPECT_TRUE(fresh || it->second == p.patientSeed) << p.patientId;
    }
    int multi = 0;
    for (const auto& [id, splits] : splitsOfPatient) {
        EXPECT_EQ(splits.size(), 1u) << id;
        multi += filmsOfPatient[id] > 1;
    }
    EXPECT_GT(multi, 10);
    EXPECT_LT(splitsOfPatient.size(), 376u);
}

TEST(FilmPlan, DefaultSizesAreRealisticAndNeverSquare) {
    SynthOptions o = options(60, 0, 0);
    o.size = 0;
    for (const auto& p : planSyntheticSet(o)) {
        const int longSide = std::max(p.width, p.height), shortSide = std::min(p.width, p.height);
        EXPECT_GE(longSide, 1000);
        EXPECT_LE(longSide, 2000);
        EXPECT_LT(shortSide, longSide);
    }
    for (const auto& p : planSyntheticSet(options(20, 0, 0)))
        EXPECT_EQ(std::max(p.width, p.height), 96);
}

TEST(FilmPlan, DicomSetsCycleEverySyntaxWithBothPhotometrics) {
    SynthOptions o = options(18, 0, 0);
    o.dicom = true;
    std::set<std::pair<int, std::string>> seen;
    for (const auto& p : planSyntheticSet(o)) {
        EXPECT_TRUE(p.dicom);
        EXPECT_EQ(p.relativePath.extension(), ".dcm");
        seen.emplace(static_cast<int>(p.syntax), p.photometric);
    }
    EXPECT_EQ(seen.size(), 2 * synthDicomSyntaxes().size());
}

TEST(FilmPlan, SameSeedSamePlanOtherSeedOtherPlan) {
    const auto a = planSyntheticSet(options(50, 4, 10, 7));
    const auto b = planSyntheticSet(options(50, 4, 10, 7));
    const auto c = planSyntheticSet(options(50, 4, 10, 8));
    ASSERT_EQ(a.size(), b.size());
    bool differs = a.size() != c.size();
    for (size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].relativePath, b[i].relativePath);
        EXPECT_EQ(a[i].filmSeed, b[i].filmSeed);
        EXPECT_EQ(a[i].width, b[i].width);
        differs = differs || i >= c.size() || a[i].filmSeed != c[i].filmSeed;
    }
    EXPECT_TRUE(differs);
}

TEST(FilmPlan, RejectsBadOptionsWithAMessage) {
    auto expectInvalid = [](SynthOptions o, const std::string& fragment) {
        try {
            planSyntheticSet(o);
            ADD_FAILURE() << "accepted " << fragment;
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
            EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
        }
    };
    expectInvalid(options(-1, 0, 0), "negative");
    expectInvalid(options(0, 0, 0), "at least one film");
    SynthOptions tiny = options(1, 0, 0);
    tiny.size = 5;
    expectInvalid(tiny, "size");
}

}  // namespace
}  // namespace cxr::synth
