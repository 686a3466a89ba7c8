// ImageNet weights are named by the SHA-256 prefix torchvision puts in its file names.
#include "core/model/weights_provenance.h"

#include <gtest/gtest.h>

#include "core/common/sha256.h"
#include "model_reference.h"

namespace cxr::model {
namespace {

TEST(WeightsProvenance, TorchvisionHashPrefixesAreRecognised) {
    const std::string rest(56, 'a');
    const auto v1 = knownTorchvisionWeights("f37072fd" + rest);
    ASSERT_TRUE(v1.has_value());
    EXPECT_EQ(v1->fileName, "resnet18-f37072fd.pth");
    EXPECT_NE(v1->description.find("torchvision ResNet18 ImageNet weights (IMAGENET1K_V1, resnet18-f37072fd)"),
              std::string::npos) << v1->description;
    const auto old = knownTorchvisionWeights("5C106CDE" + rest);  // hex in either case
    ASSERT_TRUE(old.has_value());
    EXPECT_EQ(old->fileName, "resnet18-5c106cde.pth");
    EXPECT_NE(old->description.find("resnet18-5c106cde"), std::string::npos);
    // Only the first 8 digits count; anything else is unknown.
    EXPECT_FALSE(knownTorchvisionWeights("0f37072fd" + rest).has_value());
    EXPECT_FALSE(knownTorchvisionWeights("f37072f").has_value());
    EXPECT_FALSE(knownTorchvisionWeights(std::string(64, '0')).has_value());
}

TEST(WeightsProvenance, AFileNotInTheTableIsOfUnknownProvenance) {
    // An ImageNet-layout file made here, whatever its name says.
    const auto path = test::modelReferenceDir() / "imagenet.pth";
    const auto p = identifyImagenetWeights(path);
    EXPECT_EQ(p.sha256, sha256File(path));
    EXPECT_FALSE(p.recognised);
    EXPECT_TRUE(p.torchvisionFile.empty());
    EXPECT_NE(p.description.find("unknown provenance"), std::string::npos) << p.description;
    EXPECT_NE(p.description.find(p.sha256.substr(0, 8)), std::string::npos) << p.description;
    const auto json = p.toJson();
    EXPECT_EQ(json.at("recognised"), false);
    EXPECT_EQ(json.at("sha256"), p.sha256);
    EXPECT_FALSE(json.contains("torchvisionFile"));
}

}  // namespace
}  // namespace cxr::model
