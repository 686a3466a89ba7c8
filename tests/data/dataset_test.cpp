// Dataset index (Kermany names, Kaggle zip quirks, errors) and the patient-grouped split.
// The index filters by extension, so these films are empty files: fast, and enough.
#include <fstream>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/data/dataset_index.h"
#include "core/data/split.h"
#include "test_dirs.h"

namespace fs = std::filesystem;
using namespace cxr::data;

namespace {

void touch(const fs::path& p) {
    fs::create_directories(p.parent_path());
    std::ofstream(p) << "x";
}

// A Kermany-like tree: train with `patients` pneumonia patients (2 films each) and normal ones.
void makeTree(const fs::path& root, int normalPatients, int pneumoniaPatients, int valFilms) {
    for (int p = 0; p < normalPatients; ++p) {
        touch(root / "train/NORMAL" / ("IM-0" + std::to_string(100 + p) + "-0001.jpeg"));
        if (p % 3 == 0)
            touch(root / "train/NORMAL" / ("NORMAL2-IM-" + std::to_string(1000 + p) + "-0001.jpeg"));
    }
    for (int p = 0; p < pneumoniaPatients; ++p) {
        const std::string kind = p % 2 ? "virus" : "bacteria";
        touch(root / "train/PNEUMONIA" / ("person" + std::to_string(p) + "_" + kind + "_" + std::to_string(2 * p) + ".jpeg"));
        touch(root / "train/PNEUMONIA" / ("person" + std::to_string(p) + "_" + kind + "_" + std::to_string(2 * p + 1) + ".jpeg"));
    }
    for (int i = 0; i < valFilms; ++i) {
        touch(root / "val/NORMAL" / ("NORMAL2-IM-" + std::to_string(5000 + i) + "-0001.jpeg"));
        touch(root / "val/PNEUMONIA" / ("person" + std::to_string(9000 + i) + "_bacteria_1.jpeg"));
    }
    touch(root / "test/NORMAL/IM-0001-0001.jpeg");
    touch(root / "test/PNEUMONIA/person1_virus_6.jpeg");
}

}  // namespace

TEST(KermanyName, ParsesTheDatasetsNamingSchemes) {
    auto k = parseKermanyName("person12_bacteria_47.jpeg");
    EXPECT_EQ(k.patientId, "person12");
    EXPECT_EQ(k.subtype, "bacteria");
    EXPECT_TRUE(k.recognised);
    k = parseKermanyName("person3_virus_9.jpeg");
    EXPECT_EQ(k.patientId, "person3");
    EXPECT_EQ(k.subtype, "virus");
    k = parseKermanyName("IM-0115-0001.jpeg");
    EXPECT_EQ(k.patientId, "IM-0115");
    EXPECT_EQ(k.subtype, "normal");
    k = parseKermanyName("NORMAL2-IM-1427-0001.jpeg");
    EXPECT_EQ(k.patientId, "NORMAL2-IM-1427");
    EXPECT_EQ(k.subtype, "normal");
    k = parseKermanyName("scan_0042.dcm");
    EXPECT_EQ(k.patientId, "scan_0042");
    EXPECT_EQ(k.subtype, "");
    EXPECT_FALSE(k.recognised);
    EXPECT_TRUE(hasFilmExtension("a.JPG"));
    EXPECT_TRUE(hasFilmExtension("IM000001"));
    EXPECT_FALSE(hasFilmExtension("notes.txt"));
}

TEST(DatasetIndex, ScansKaggleZipLayoutIgnoringJunk) {
    const fs::path dir = cxr::test::scratchDir();
    // The Kaggle zip: chest_xray/{train,val,test}, a duplicate chest_xray/chest_xray, __MACOSX.
    const fs::path root = dir / "download/chest_xray";
    makeTree(root, 3, 4, 2);
    makeTree(root / "chest_xray", 3, 4, 2);  // nested duplicate: must not be counted twice
    touch(root / "__MACOSX/train/NORMAL/._IM-0100-0001.jpeg");
    touch(root / "train/NORMAL/.DS_Store");
    touch(root / "train/NORMAL/._IM-0100-0001.jpeg");
    touch(root / "train/.DS_Store");
    touch(root / "train/PNEUMONIA/readme.txt");
    // Picking the folder above still finds the dataset (through the lone wrapper folder).
    const auto index = DatasetIndex::scan(dir / "download");
    EXPECT_EQ(index.root(), fs::absolute(root).lexically_normal());
    EXPECT_EQ(index.classes(), (std::vector<std::string>{"NORMAL", "PNEUMONIA"}));
    EXPECT_EQ(index.classToIndex().at("PNEUMONIA"), 1);
    EXPECT_EQ(index.classCounts("train"), (std::vector<std::size_t>{4, 8}));
    EXPECT_EQ(index.entries("val").size(), 4u);
    EXPECT_EQ(index.entries("test").size(), 2u);
    ASSERT_EQ(index.problems().size(), 1u);
    EXPECT_EQ(index.problems()[0].code(), "data.not_a_film");
    EXPECT_NE(cxr::englishText(index.problems()[0]).find("readme.txt"), std::string::npos);
    const auto train = index.entries("train");
    EXPECT_EQ(train.front().className, "NORMAL");
    EXPECT_EQ(train.front().label, 0);
    EXPECT_EQ(train.back().label, 1);
    for (const auto& e : train)
        EXPECT_EQ(e.path.string().find("__MACOSX"), std::string::npos);
    EXPECT_EQ(train.back().subtype, train.back().path.filename().string().find("virus") != std::string::npos ? "virus"
                                                                                                           : "bacteria");
}

TEST(DatasetIndex, MissingOrEmptyClassFolderIsAClearError) {
    const fs::path dir = cxr::test::scratchDir();
    makeTree(dir / "a", 2, 2, 0);
    fs::remove_all(dir / "a/test/PNEUMONIA");
    try {
        DatasetIndex::scan(dir / "a");
        FAIL() << "a missing class folder must throw";
    } catch (const cxr::Error& e) {
        EXPECT_NE(std::string(e.what()).find("test/PNEUMONIA"), std::string::npos) << e.what();
    }
    makeTree(dir / "b", 2, 2, 0);
    fs::remove_all(dir / "b/train/NORMAL");
    fs::create_directories(dir / "b/train/NORMAL");
    touch(dir / "b/train/NORMAL/.DS_Store");
    try {
        DatasetIndex::scan(dir / "b");
        FAIL() << "an empty class folder must throw";
    } catch (const cxr::Error& e) {
        EXPECT_NE(std::string(e.what()).find("train/NORMAL"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("no films"), std::string::npos) << e.what();
    }
}

TEST(DatasetIndex, MissingSplitOrFolderIsAnError) {
    const fs::path dir = cxr::test::scratchDir();
    makeTree(dir / "c", 2, 2, 0);
    fs::remove_all(dir / "c/test");
    try {
        DatasetIndex::scan(dir / "c");
        FAIL() << "a missing test split must throw";
    } catch (const cxr::Error& e) {
        EXPECT_EQ(e.code(), cxr::ErrorCode::NotFound);
        EXPECT_NE(std::string(e.what()).find("test"), std::string::npos) << e.what();
    }
    ScanOptions testOnly;
    testOnly.requiredSplits = {"train"};
    EXPECT_NO_THROW(DatasetIndex::scan(dir / "c", testOnly));
    EXPECT_THROW(DatasetIndex::scan(dir / "nowhere"), cxr::Error);
    fs::create_directories(dir / "d/photos");
    EXPECT_THROW(DatasetIndex::scan(dir / "d"), cxr::Error);
}

TEST(Split, PatientGroupedStratifiedAndSeeded) {
    // 3:1 imbalance, patients with 1-4 films each.
    std::vector<FilmEntry> pool;
    for (int p = 0; p < 300; ++p) {
        const int label = p % 4 == 0 ? 0 : 1;
        for (int f = 0; f < 1 + p % 4; ++f) {
            FilmEntry e;
            e.path = "/data/train/" + std::to_string(p) + "_" + std::to_string(f) + ".jpeg";
            e.label = label;
            e.patientId = "person" + std::to_string(p);
            pool.push_back(e);
        }
    }
    std::vector<FilmEntry> train, val;
    splitByPatient(pool, 2, 0.1, 42, train, val);
    EXPECT_EQ(train.size() + val.size(), pool.size());
    std::set<std::string> trainPatients, valPatients;
    std::map<int, std::size_t> valPerClass, poolPerClass;
    for (const auto& e : train)
        trainPatients.insert(e.patientId);
    for (const auto& e : val) {
        valPatients.insert(e.patientId);
        ++valPerClass[e.label];
        EXPECT_EQ(e.split, "val");
    }
    for (const auto& e : pool)
        ++poolPerClass[e.label];
    for (const auto& id : valPatients)
        EXPECT_EQ(trainPatients.count(id), 0u) << id << " is on both sides";
    for (int c = 0; c < 2; ++c) {
        const double fraction = static_cast<double>(valPerClass[c]) / static_cast<double>(poolPerClass[c]);
        EXPECT_NEAR(fraction, 0.1, 0.02) << "class " << c;
    }
    // Same seed, same split even from a shuffled pool; another seed, another split.
    std::vector<FilmEntry> reversed(pool.rbegin(), pool.rend()), train2, val2, train3, val3;
    splitByPatient(reversed, 2, 0.1, 42, train2, val2);
    std::set<std::string> valPatients2;
    for (const auto& e : val2)
        valPatients2.insert(e.patientId);
    EXPECT_EQ(valPatients, valPatients2);
    splitByPatient(pool, 2, 0.1, 7, train3, val3);
    std::set<std::string> valPatients3;
    for (const auto& e : val3)
        valPatients3.insert(e.patientId);
    EXPECT_NE(valPatients, valPatients3);
}

TEST(Split, AutoPolicyResplitsSmallValAndRecordsWhy) {
    const fs::path dir = cxr::test::scratchDir();
    makeTree(dir, 40, 60, 8);  // val: 16 films like Kaggle's
    const auto index = DatasetIndex::scan(dir);
    const auto plan = makeSplit(index, ValPolicy::Auto);
    EXPECT_TRUE(plan.resplit);
    EXPECT_EQ(plan.reason, cxr::Notice("split.small_val_resplit").integer("films", 16).number("percent", 10, 0));
    EXPECT_EQ(cxr::englishText(plan.reason), "val has 16 films — re-splitting train by patient, 10% (val merged into train first)");
    EXPECT_EQ(plan.train.size() + plan.val.size(), index.entries("train").size() + 16);
    EXPECT_EQ(plan.test.size(), 2u);  // test untouched
    const auto j = plan.toJson();
    EXPECT_EQ(j["policy"], "auto");
    EXPECT_EQ(j["counts"]["val"]["total"], plan.val.size());
    EXPECT_EQ(j["counts"]["test"]["PNEUMONIA"], 1);

    const auto folder = makeSplit(index, ValPolicy::Folder);
    EXPECT_FALSE(folder.resplit);
    EXPECT_EQ(folder.val.size(), 16u);
    EXPECT_EQ(folder.policy, "folder");
    EXPECT_EQ(parseValPolicy("folder"), ValPolicy::Folder);
    EXPECT_THROW(parseValPolicy("sometimes"), cxr::Error);

    fs::remove_all(dir / "val");
    const auto noVal = makeSplit(DatasetIndex::scan(dir), ValPolicy::Auto);
    EXPECT_EQ(cxr::englishText(noVal.reason), "no val folder — re-splitting train by patient, 10%");
    EXPECT_THROW(makeSplit(DatasetIndex::scan(dir), ValPolicy::Folder), cxr::Error);
}
