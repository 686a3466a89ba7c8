#include <gtest/gtest.h>

#include <torch/types.h>

#include "core/common/error.h"
#include "core/model/class_map.h"
#include "core/model/preprocess.h"
#include "model_reference.h"
#include "test_dirs.h"

namespace cxr::model {
namespace {

const ClassToIndex kSeedMap{{"NORMAL", 0}, {"PNEUMONIA", 1}};

TEST(ClassMap, ReadsPythonFilesInBothContainers) {
    EXPECT_EQ(readClassToIndex(test::modelReferenceDir() / "class_to_index.pth"), kSeedMap);
    EXPECT_EQ(readClassToIndex(test::modelReferenceDir() / "class_to_index_legacy.pth"), kSeedMap);
}

TEST(ClassMap, WriteReadRoundTripAndOrder) {
    const auto dir = test::scratchDir();
    const ClassToIndex three{{"b", 2}, {"a", 1}, {"z", 0}};
    writeClassToIndex(dir / "c.pth", three);
    EXPECT_EQ(readClassToIndex(dir / "c.pth"), three);
    EXPECT_EQ(classesByIndex(three), (std::vector<std::string>{"z", "a", "b"}));
    EXPECT_EQ(classToIndexOf({"NORMAL", "PNEUMONIA"}), kSeedMap);
}

TEST(ClassMap, RefusesGapsDuplicatesAndWeights) {
    EXPECT_THROW(classesByIndex({{"a", 0}, {"b", 2}}), Error);
    EXPECT_THROW(classesByIndex({{"a", 0}, {"b", 0}}), Error);
    EXPECT_THROW(classToIndexOf({"a", "a"}), Error);
    EXPECT_THROW(writeClassToIndex(test::scratchDir() / "bad.pth", {{"a", 1}}), Error);
    try {
        readClassToIndex(test::modelReferenceDir() / "cuda_saved.pth");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Model);
    }
}

TEST(Preprocess, JsonRoundTripAndValidation) {
    PreprocessSpec spec;
    spec.imageSize = 256;
    spec.channels = 1;
    const auto back = PreprocessSpec::fromJson(spec.toJson());
    EXPECT_TRUE(back == spec);
    EXPECT_TRUE(PreprocessSpec::fromJson(Json::object()) == PreprocessSpec{});
    EXPECT_THROW(PreprocessSpec::fromJson(Json{{"resize", "letterbox"}}), Error);
    EXPECT_THROW(PreprocessSpec::fromJson(Json{{"imageSize", 4}}), Error);
    EXPECT_THROW(PreprocessSpec::fromJson(Json{{"std", {1, 0, 1}}}), Error);
    EXPECT_THROW(PreprocessSpec::fromJson(Json{{"mean", "x"}}), Error);
}

TEST(Preprocess, TheWholeChainIsRecordedAndOlderSpecsSayWhatTheyAssume) {
    const Json written = PreprocessSpec{}.toJson();
    EXPECT_EQ(written.at("chainVersion"), PreprocessSpec::kChainVersion);
    EXPECT_EQ(written.at("decode"), "full");
    EXPECT_EQ(written.at("window"), "film");
    EXPECT_EQ(written.at("filter"), "area");
    EXPECT_NE(written.at("chain").get<std::string>().find("224 x 224"), std::string::npos);
    EXPECT_TRUE(PreprocessSpec::fromJson(written).recorded);
    EXPECT_FALSE(PreprocessSpec::fromJson(written).assumptionNote(false, "run").has_value());

    // A model.json written before the chain was recorded: it loads, with the chain assumed.
    const Json older{{"imageSize", 224}, {"resize", "stretch"}, {"channels", 3}};
    const auto assumed = PreprocessSpec::fromJson(older);
    EXPECT_FALSE(assumed.recorded);
    const std::string note = englishText(assumed.assumptionNote(false, "run").value());
    EXPECT_NE(note.find("does not record its preprocessing chain"), std::string::npos) << note;
    EXPECT_NE(note.find("decode at full resolution"), std::string::npos) << note;

    EXPECT_THROW(PreprocessSpec::fromJson(Json{{"chainVersion", 2}, {"decode", "reduced"}}), Error);
    EXPECT_THROW(PreprocessSpec::fromJson(Json{{"chainVersion", 2}, {"filter", "lanczos"}}), Error);
    EXPECT_THROW(PreprocessSpec::fromJson(Json{{"chainVersion", 2}, {"window", "none"}}), Error);
    EXPECT_THROW(PreprocessSpec::fromJson(Json{{"chainVersion", 99}}), Error);
}

TEST(Preprocess, Grey8ToInputNormalisesLikeTorchvision) {
    PreprocessSpec spec;
    spec.imageSize = 16;
    std::vector<std::uint8_t> grey(16 * 16);
    for (std::size_t i = 0; i < grey.size(); ++i)
        grey[i] = static_cast<std::uint8_t>(i);
    const auto x = grey8ToInput(grey.data(), 16, spec);
    ASSERT_EQ(x.sizes(), (at::IntArrayRef{1, 3, 16, 16}));
    for (int c = 0; c < 3; ++c) {
        // ToTensor then Normalize: (v / 255 - mean) / std, channel by channel.
        const float v = 77.0f / 255.0f;
        EXPECT_FLOAT_EQ(x[0][c][4][13].item<float>(), (v - spec.mean[c]) / spec.std[c]);
    }
    EXPECT_THROW(grey8ToInput(grey.data(), 15, spec), Error);
    spec.channels = 1;
    EXPECT_EQ(grey8ToInput(grey.data(), 16, spec).size(1), 1);
}

}  // namespace
}  // namespace cxr::model
