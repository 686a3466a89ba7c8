// Runs where LibTorch sees a CUDA device (a GPU server). Its own executable and CTest entry
// (label "cuda"): scripts/test leaves it out unless CXR_TEST_DEVICE names a CUDA device, and
// without a device it exits 77, which CTest reports as skipped (SKIP_RETURN_CODE), never as a
// pass; asked for CUDA (CXR_TEST_DEVICE=cuda, as scripts/gpu-check does) and finding none, it fails.
#include <cstdlib>
#include <iostream>
#include <string>

#include <gtest/gtest.h>

#include <torch/cuda.h>
#include <torch/types.h>

#include "core/model/model_bundle.h"
#include "core/model/state_dict.h"
#include "model_reference.h"
#include "test_dirs.h"

namespace cxr::model {
namespace {

TEST(ModelOnCuda, WeightsLoadOnTheGpuAndMatchPython) {
    ASSERT_TRUE(torch::cuda::is_available()) << "no CUDA device in this LibTorch build";
    const auto& ref = test::modelReferenceDir();
    const torch::Device cuda(torch::kCUDA, 0);
    const auto dict = readStateDict(ref / "seed_legacy.pth", cuda);
    for (const auto& [name, tensor] : dict)
        EXPECT_TRUE(tensor.is_cuda()) << name;
    if (std::filesystem::exists(ref / "cuda_real.pth")) {  // saved from real CUDA tensors
        const auto real = readStateDict(ref / "cuda_real.pth");
        ASSERT_EQ(real.size(), 122u);
        EXPECT_TRUE(real[0].second.device().is_cpu());
        EXPECT_TRUE(real[0].second.equal(dict[0].second.cpu()));
    }

    const auto dir = test::scratchDir();
    std::filesystem::copy_file(ref / "seed_zip.pth", dir / kWeightsFileName);
    std::filesystem::copy_file(ref / "class_to_index.pth", dir / kClassMapFileName);
    auto bundle = loadModelBundle(dir, cuda);
    toChannelsLast(*bundle.net);
    torch::NoGradGuard noGrad;
    const auto input = test::readF32(ref / "input.f32", {1, 3, 224, 224}).to(cuda).contiguous(at::MemoryFormat::ChannelsLast);
    const auto logits = bundle.net->forward(input).cpu();
    const auto expected = test::readF32(ref / "logits.f32", {1, 2});
    // cuDNN may use TF32 for convolutions; 1e-2 still catches wrong weights by orders of magnitude.
    EXPECT_LT((logits - expected).abs().max().item<float>(), 1e-2f) << logits << expected;

    exportModelBundle(dir / "export", bundle.net, bundle.classes, bundle.preprocess, 0.5, 1.0, Json::object(),
                      Json::object());
    const auto back = readStateDict(dir / "export" / kWeightsFileName);
    EXPECT_TRUE(back[0].second.device().is_cpu());
    EXPECT_TRUE(back[0].second.equal(dict[0].second.cpu()));
}

}  // namespace
}  // namespace cxr::model

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    const char* requested = std::getenv("CXR_TEST_DEVICE");
    const bool cudaRequested = requested && std::string(requested).rfind("cuda", 0) == 0;
    if (!torch::cuda::is_available() && !cudaRequested) {
        std::cout << "no CUDA device in this LibTorch build: ModelOnCuda not run\n";
        return 77;
    }
    return RUN_ALL_TESTS();
}
