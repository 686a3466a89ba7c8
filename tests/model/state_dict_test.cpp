#include "core/model/state_dict.h"

#include <gtest/gtest.h>

#include <limits>

#include <torch/types.h>
#include <torch/utils.h>

#include "core/common/error.h"
#include "core/common/json_io.h"
#include "core/model/class_map.h"
#include "core/model/model_bundle.h"
#include "core/model/resnet18.h"
#include "model_reference.h"
#include "test_dirs.h"

namespace cxr::model {
namespace {

at::Tensor referenceLogits(const std::filesystem::path& weights) {
    ResNet18 net(2);
    loadStateDict(*net, readStateDict(weights));
    net->eval();
    torch::NoGradGuard noGrad;
    return net->forward(test::readF32(test::modelReferenceDir() / "input.f32", {1, 3, 224, 224}));
}

TEST(StateDict, ZipFileMatchesPythonLogits) {
    const auto& ref = test::modelReferenceDir();
    const auto expected = test::readF32(ref / "logits.f32", {1, 2});
    const auto logits = referenceLogits(ref / "seed_zip.pth");
    EXPECT_LT((logits - expected).abs().max().item<float>(), 1e-4f) << logits << expected;
}

TEST(StateDict, LegacyFileMatchesPythonLogits) {
    const auto& ref = test::modelReferenceDir();
    const auto expected = test::readF32(ref / "logits.f32", {1, 2});
    const auto logits = referenceLogits(ref / "seed_legacy.pth");
    EXPECT_LT((logits - expected).abs().max().item<float>(), 1e-4f) << logits << expected;
}

// torch's first container (a tar of sys_info, pickle, tensors, storages), as torchvision's
// original ImageNet files hold it. make_reference.py builds the files, checks that Python's
// torch.load reads them back exactly, and saves what Python read in the zip container.
void expectSameAsPython(const std::string& name) {
    const auto& ref = test::modelReferenceDir();
    const auto mine = readStateDict(ref / (name + ".pth"));
    const auto python = readStateDict(ref / (name + "_by_python.pth"));
    ASSERT_EQ(mine.size(), python.size()) << name;
    for (std::size_t i = 0; i < mine.size(); ++i) {
        const auto& [key, t] = mine[i];
        const auto& p = python[i].second;
        EXPECT_EQ(key, python[i].first);
        EXPECT_EQ(t.scalar_type(), p.scalar_type()) << key;
        EXPECT_EQ(t.sizes(), p.sizes()) << key;
        EXPECT_EQ(t.strides(), p.strides()) << key;
        EXPECT_EQ(t.storage_offset(), p.storage_offset()) << key;
        EXPECT_TRUE(t.equal(p)) << key;
    }
}

TEST(StateDict, TarContainerReadsAsPythonReadsIt) {
    expectSameAsPython("tar_py2");  // Python 2 pickles, like the 2017 files: text INTs, list pairs
    expectSameAsPython("tar_py3");  // shared storages, a transposed view, an offset, int64, double
    const auto small = readStateDict(test::modelReferenceDir() / "tar_py3.pth");
    ASSERT_EQ(small.size(), 5u);
    EXPECT_EQ(small[0].second.storage().data(), small[1].second.storage().data()) << "a and b share a storage";
    EXPECT_EQ(small[2].second.storage_offset(), 5);
}

TEST(StateDict, TarContainerMatchesPythonLogits) {
    // The old files predate num_batches_tracked; loading tolerates that, as Python does.
    const auto& ref = test::modelReferenceDir();
    const auto expected = test::readF32(ref / "logits.f32", {1, 2});
    const auto logits = referenceLogits(ref / "tar_py2.pth");
    EXPECT_LT((logits - expected).abs().max().item<float>(), 1e-4f) << logits << expected;
}

TEST(StateDict, NonFiniteWeightsAreRefusedByName) {
    const auto dir = test::scratchDir();
    auto w = torch::ones({4, 3});
    w[1][2] = std::numeric_limits<float>::quiet_NaN();
    auto v = torch::ones({5}, at::kDouble);
    v[0] = std::numeric_limits<double>::infinity();
    v[3] = -std::numeric_limits<double>::infinity();
    writeStateDict(dir / "nan.pth", {{"conv1.weight", torch::ones({2})}, {"layer1.0.conv1.weight", w}});
    writeStateDict(dir / "inf.pth", {{"bn1.running_var", v}, {"bn1.num_batches_tracked", torch::tensor(int64_t{3})}});
    const std::pair<std::string, std::string> cases[] = {
        {"nan.pth", "tensor 'layer1.0.conv1.weight' holds 1 NaN and 0 infinite values of 12"},
        {"inf.pth", "tensor 'bn1.running_var' holds 0 NaN and 2 infinite values of 5"}};
    for (const auto& [file, fragment] : cases) {
        try {
            readStateDict(dir / file);
            ADD_FAILURE() << file << " was accepted";
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::Model) << e.what();
            EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find(file), std::string::npos) << e.what();
        }
    }
    // Finite extremes still load.
    writeStateDict(dir / "big.pth", {{"w", torch::full({2}, std::numeric_limits<float>::max())}});
    EXPECT_EQ(readStateDict(dir / "big.pth").size(), 1u);
}

TEST(StateDict, ReadKeepsFileOrderValuesAndDtypes) {
    const auto dict = readStateDict(test::modelReferenceDir() / "seed_zip.pth");
    const auto legacy = readStateDict(test::modelReferenceDir() / "seed_legacy.pth");
    ASSERT_EQ(dict.size(), 122u);
    ASSERT_EQ(legacy.size(), dict.size());
    for (std::size_t i = 0; i < dict.size(); ++i) {
        EXPECT_EQ(dict[i].first, legacy[i].first);
        EXPECT_TRUE(dict[i].second.equal(legacy[i].second)) << dict[i].first;
    }
    EXPECT_EQ(dict[0].first, "conv1.weight");
    EXPECT_EQ(dict[5].first, "bn1.num_batches_tracked");
    EXPECT_EQ(dict[5].second.scalar_type(), at::kLong);
    EXPECT_EQ(dict[5].second.item<int64_t>(), 7);
    EXPECT_EQ(dict.back().first, "fc.bias");
}

TEST(StateDict, StoragesSavedOnCudaLoadOnCpu) {
    const auto seed = readStateDict(test::modelReferenceDir() / "seed_zip.pth");
    for (const char* name : {"cuda_saved.pth", "cuda_saved_legacy.pth"}) {
        const auto dict = readStateDict(test::modelReferenceDir() / name);
        ASSERT_EQ(dict.size(), 3u) << name;
        EXPECT_TRUE(dict[0].second.device().is_cpu());
        EXPECT_TRUE(dict[0].second.equal(seed[0].second)) << name;
    }
}

TEST(StateDict, UnwrapsCheckpointsAndKeepsStrides) {
    const auto& ref = test::modelReferenceDir();
    const auto wrapped = readStateDict(ref / "checkpoint.pth");
    ASSERT_EQ(wrapped.size(), 3u);
    EXPECT_EQ(wrapped[2].first, "fc.bias");
    const auto strided = readStateDict(ref / "strided.pth");
    ASSERT_EQ(strided.size(), 1u);
    EXPECT_TRUE(strided[0].second.equal(torch::arange(6.0, at::kFloat).reshape({2, 3}).t()));
}

TEST(StateDict, WriteThenReadRoundTrips) {
    const auto dir = test::scratchDir();
    torch::manual_seed(5);
    ResNet18 net(2);
    toChannelsLast(*net);  // export must still write plain contiguous storages
    writeStateDict(dir / "w.pth", stateDictOf(*net));
    const auto back = readStateDict(dir / "w.pth");
    const auto original = stateDictOf(*net);
    ASSERT_EQ(back.size(), original.size());
    for (std::size_t i = 0; i < back.size(); ++i) {
        EXPECT_EQ(back[i].first, original[i].first);
        EXPECT_TRUE(back[i].second.equal(original[i].second)) << back[i].first;
    }
}

TEST(StateDict, ExportLoadsInPythonWithIdenticalLogits) {
    const auto dir = test::scratchDir();
    auto net = ResNet18(2);
    loadStateDict(*net, readStateDict(test::modelReferenceDir() / "seed_legacy.pth"));
    exportModelBundle(dir, net, {"NORMAL", "PNEUMONIA"}, PreprocessSpec{}, 0.5, 1.0, Json::object(), Json::object());
    const auto input = test::modelReferenceDir() / "input.f32";
    ASSERT_EQ(test::runPython("--check " + test::quote(dir) + " " + test::quote(input) + " " + test::quote(dir / "py.json")), 0);
    const auto py = readJsonFile(dir / "py.json");

    net->eval();
    torch::NoGradGuard noGrad;
    const auto logits = net->forward(test::readF32(input, {1, 3, 224, 224}));
    ASSERT_EQ(py["logits"].size(), 2u);
    for (int i = 0; i < 2; ++i)
        EXPECT_NEAR(py["logits"][i].get<double>(), logits[0][i].item<double>(), 1e-5);
    EXPECT_EQ(py["type"], "OrderedDict");
    EXPECT_EQ(py["keys"].size(), 122u);
    EXPECT_EQ(py["keys"][0], "conv1.weight");
    EXPECT_EQ(py["classesType"], "dict");
    EXPECT_EQ(py["classes"], (Json{{"NORMAL", 0}, {"PNEUMONIA", 1}}));
}

TEST(StateDict, LoadReportsShapeMismatchMissingAndUnexpectedKeys) {
    const auto dict = readStateDict(test::modelReferenceDir() / "imagenet.pth");
    ResNet18 three(3);
    try {
        loadStateDict(*three, dict, {}, "imagenet.pth");
        FAIL() << "loaded a 1000-class fc into a 3-class model";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Model);
        EXPECT_NE(std::string(e.what()).find("fc.weight (file [1000, 512], model [3, 512])"), std::string::npos) << e.what();
    }
    LoadStateOptions skipFc;
    skipFc.skipPrefixes = {"fc"};
    EXPECT_NO_THROW(loadStateDict(*three, dict, skipFc));

    StateDict partial(dict.begin(), dict.begin() + 10);
    partial.emplace_back("extra.weight", torch::zeros({1}));
    try {
        loadStateDict(*three, partial, skipFc, "partial.pth");
        FAIL() << "strict load accepted missing keys";
    } catch (const Error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("missing keys: layer1.0.bn1.running_var, layer1.0.conv2.weight"), std::string::npos) << what;
        EXPECT_NE(what.find("unexpected keys: extra.weight"), std::string::npos) << what;
    }
    LoadStateOptions lenient = skipFc;
    lenient.strict = false;
    EXPECT_NO_THROW(loadStateDict(*three, partial, lenient));
}

TEST(StateDict, OldTorchvisionFilesWithoutBatchCountersLoad) {
    const auto dict = readStateDict(test::modelReferenceDir() / "seed_zip.pth");
    StateDict old;
    for (const auto& entry : dict)
        if (entry.first.find("num_batches_tracked") == std::string::npos)
            old.push_back(entry);
    ResNet18 net(2);
    EXPECT_NO_THROW(loadStateDict(*net, old));
    EXPECT_TRUE(stateDictOf(*net)[0].second.equal(dict[0].second));
}

TEST(StateDict, MakeResNet18ImportsBackboneSkippingFc) {
    bool pretrained = false;
    auto net = makeResNet18(test::modelReferenceDir() / "imagenet.pth", 2, &pretrained);
    EXPECT_TRUE(pretrained);
    const auto imagenet = readStateDict(test::modelReferenceDir() / "imagenet.pth");
    const auto mine = stateDictOf(*net);
    EXPECT_TRUE(mine[0].second.equal(imagenet[0].second));
    EXPECT_EQ(mine.back().second.size(0), 2);
    auto scratch = makeResNet18(std::nullopt, 2, &pretrained);
    EXPECT_FALSE(pretrained);
    EXPECT_FALSE(stateDictOf(*scratch)[0].second.equal(imagenet[0].second));
}

}  // namespace
}  // namespace cxr::model
