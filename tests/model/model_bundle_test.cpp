#include "core/model/model_bundle.h"

#include <gtest/gtest.h>

#include <torch/types.h>
#include <torch/utils.h>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/common/sha256.h"
#include "core/model/class_map.h"
#include "core/model/state_dict.h"
#include "model_reference.h"
#include "test_dirs.h"

namespace cxr::model {
namespace {

namespace fs = std::filesystem;
const std::vector<std::string> kClasses{"NORMAL", "PNEUMONIA"};

ErrorCode codeOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.code();
    }
    return ErrorCode::Internal;
}

TEST(ModelBundle, ExportThenLoadKeepsEverything) {
    const auto dir = test::scratchDir() / "export";
    torch::manual_seed(9);
    ResNet18 net(2);
    PreprocessSpec spec;
    spec.imageSize = 192;
    exportModelBundle(dir, net, kClasses, spec, 0.37, 1.4, Json{{"seed", 42}, {"pretrained", true}}, Json{{"auc", 0.9}});
    for (const char* f : {kWeightsFileName, kClassMapFileName, kClassMapJsonFileName, kModelJsonFileName})
        EXPECT_TRUE(fs::exists(dir / f)) << f;

    const auto bundle = loadModelBundle(dir);
    EXPECT_EQ(bundle.classes, kClasses);
    EXPECT_EQ(bundle.preprocess.imageSize, 192);
    EXPECT_DOUBLE_EQ(bundle.threshold, 0.37);
    EXPECT_DOUBLE_EQ(bundle.temperature, 1.4);
    EXPECT_TRUE(bundle.pretrained);
    EXPECT_EQ(bundle.weightsSha256, sha256File(dir / kWeightsFileName));
    EXPECT_EQ(bundle.meta["weights"]["sha256"], bundle.weightsSha256);
    EXPECT_EQ(bundle.meta["architecture"], "resnet18");
    EXPECT_EQ(bundle.meta["trainingConfig"]["seed"], 42);
    EXPECT_EQ(bundle.meta["testMetrics"]["auc"], 0.9);
    EXPECT_EQ(readJsonFile(dir / kClassMapJsonFileName), (Json{{"NORMAL", 0}, {"PNEUMONIA", 1}}));
    EXPECT_FALSE(bundle.net->is_training());
    const auto a = stateDictOf(*net), b = stateDictOf(*bundle.net);
    for (std::size_t i = 0; i < a.size(); ++i)
        EXPECT_TRUE(a[i].second.equal(b[i].second)) << a[i].first;
    EXPECT_NO_THROW(requireClasses(bundle, kClasses));
    EXPECT_EQ(codeOf([&] { requireClasses(bundle, {"PNEUMONIA", "NORMAL"}); }), ErrorCode::Model);
}

// model.json travels with the weights: it keeps the training population (for the age check)
// and leaves out the data folder, whose path may name a patient; the run's config.json keeps it.
TEST(ModelBundle, ThePopulationTravelsAndTheDataFolderDoesNot) {
    const auto dir = test::scratchDir() / "export";
    ResNet18 net(2);
    const Json population{{"ageYears", {{"min", 1}, {"max", 5}}}, {"description", "children aged one to five"}};
    const Json runConfig{{"training", {{"seed", 42}}},
                         {"dataDir", "/exports/MUSTERMANN_ERIKA/chest_xray"},
                         {"population", population},
                         {"pretrained", false}};
    exportModelBundle(dir, net, kClasses, PreprocessSpec{}, 0.5, 1.0, runConfig, Json::object());
    const std::string text = readFileText(dir / kModelJsonFileName);
    EXPECT_EQ(text.find("MUSTERMANN"), std::string::npos) << text;
    EXPECT_EQ(text.find("/exports"), std::string::npos) << text;
    const auto bundle = loadModelBundle(dir);
    EXPECT_EQ(bundle.meta["population"], population);
    EXPECT_FALSE(bundle.meta["trainingConfig"].contains("dataDir"));
    EXPECT_FALSE(bundle.meta["trainingConfig"].contains("population"));
    EXPECT_EQ(bundle.meta["trainingConfig"]["training"]["seed"], 42);
    ASSERT_TRUE(bundle.population.age);
    EXPECT_EQ(bundle.population.age->toString(), "1-5");
    EXPECT_EQ(bundle.population.description, "children aged one to five");

    // A run without a population (and every older bundle) has none.
    exportModelBundle(dir, net, kClasses, PreprocessSpec{}, 0.5, 1.0, Json{{"population", Json::object()}},
                      Json::object());
    EXPECT_FALSE(readJsonFile(dir / kModelJsonFileName).contains("population"));
    EXPECT_TRUE(loadModelBundle(dir).population.empty());
}

TEST(ModelBundle, LoadsSeedFilesAsFileOrFolder) {
    const auto dir = test::scratchDir();
    fs::copy_file(test::modelReferenceDir() / "seed_zip.pth", dir / kWeightsFileName);
    fs::copy_file(test::modelReferenceDir() / "class_to_index.pth", dir / kClassMapFileName);
    for (const auto& source : {dir, dir / kWeightsFileName}) {
        const auto bundle = loadModelBundle(source);
        EXPECT_EQ(bundle.classes, kClasses);
        EXPECT_TRUE(bundle.preprocess == PreprocessSpec{});
        EXPECT_DOUBLE_EQ(bundle.threshold, 0.5);
        EXPECT_FALSE(bundle.pretrained);
        EXPECT_EQ(bundle.weightsSha256, sha256File(dir / kWeightsFileName));
    }
}

TEST(ModelBundle, ClearErrors) {
    const auto dir = test::scratchDir();
    EXPECT_EQ(codeOf([&] { loadModelBundle(dir / "nothing"); }), ErrorCode::NotFound);
    EXPECT_EQ(codeOf([&] { loadModelBundle(dir); }), ErrorCode::NotFound);  // empty folder

    // Weights without a class map beside them.
    fs::copy_file(test::modelReferenceDir() / "seed_zip.pth", dir / "w.pth");
    EXPECT_EQ(codeOf([&] { loadModelBundle(dir / "w.pth"); }), ErrorCode::NotFound);

    // Three classes for two-output weights: a shape mismatch naming fc.
    writeClassToIndex(dir / kClassMapFileName, {{"A", 0}, {"B", 1}, {"C", 2}});
    try {
        loadModelBundle(dir / "w.pth");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Model);
        EXPECT_NE(std::string(e.what()).find("fc.weight"), std::string::npos) << e.what();
    }

    // A class map in place of weights.
    writeClassToIndex(dir / kClassMapFileName, {{"NORMAL", 0}, {"PNEUMONIA", 1}});
    EXPECT_EQ(codeOf([&] { loadModelBundle(dir / kClassMapFileName); }), ErrorCode::InvalidInput);

    // Weights replaced after export: the hash in model.json no longer matches.
    const auto exported = dir / "export";
    ResNet18 net(2);
    exportModelBundle(exported, net, kClasses, PreprocessSpec{}, 0.5, 1.0, Json::object(), Json::object());
    fs::copy_file(test::modelReferenceDir() / "seed_zip.pth", exported / kWeightsFileName,
                  fs::copy_options::overwrite_existing);
    EXPECT_EQ(codeOf([&] { loadModelBundle(exported); }), ErrorCode::Model);

    // model.json and class map disagreeing.
    exportModelBundle(exported, net, kClasses, PreprocessSpec{}, 0.5, 1.0, Json::object(), Json::object());
    writeClassToIndex(exported / kClassMapFileName, {{"PNEUMONIA", 0}, {"NORMAL", 1}});
    EXPECT_EQ(codeOf([&] { loadModelBundle(exported); }), ErrorCode::Model);

    EXPECT_EQ(codeOf([&] { exportModelBundle(dir / "x", net, {"only"}, {}, 0.5, 1.0, {}, {}); }), ErrorCode::Model);
}

}  // namespace
}  // namespace cxr::model
