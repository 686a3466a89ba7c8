// Parity with pytorch-grad-cam: gradcam_reference.py re-implements that library's algorithm
// with hooks on a torchvision resnet18 (Debian python3-torch), writes the weights, an input
// batch and the reference maps; the C++ maps for the same weights and input must agree to
// 1e-3 (normalised units) for all three methods, two layers, and two target choices.
// The transcription itself is checked against the real library: fixtures/pytorch_grad_cam_maps.json
// holds maps pytorch-grad-cam computed on a seeded case (fixtures/README.md); the script's maps
// and the C++ maps for the same seeds must both reproduce them within 1e-4.
#include <cstdlib>
#include <fstream>
#include <string>

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include "core/common/json_io.h"
#include "core/explain/grad_cam.h"
#include "core/model/resnet18.h"
#include "core/model/state_dict.h"
#include "test_dirs.h"

namespace cxr::explain {
namespace {

at::Tensor readFloats(const std::filesystem::path& path, std::vector<int64_t> shape) {
    std::ifstream in(path, std::ios::binary);
    int64_t count = 1;
    for (int64_t s : shape)
        count *= s;
    std::vector<float> values(static_cast<size_t>(count));
    in.read(reinterpret_cast<char*>(values.data()), static_cast<std::streamsize>(values.size() * sizeof(float)));
    EXPECT_TRUE(in.good()) << "short file " << path;
    return at::tensor(values, at::kFloat).reshape(shape);
}

TEST(GradCamParity, MatchesPytorchGradCamReference) {
    const std::string python = CXR_TEST_PYTHON;
    ASSERT_FALSE(python.empty()) << "the parity test needs Debian's python3 with python3-torch";
    const auto dir = cxr::test::scratchDir();
    const std::string script = std::string(CXR_SOURCE_DIR) + "/tests/explain/gradcam_reference.py";
    const std::string command = "'" + python + "' '" + script + "' '" + dir.string() + "' --size 224 --batch 2";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;

    model::ResNet18 net(2);
    model::loadStateDict(*net, model::readStateDict(dir / "weights.pth"), {}, "reference weights");
    net->eval();
    const SplitNetwork split = splitNetworkOf(*net);

    const Json cases = readJsonFile(dir / "cases.json");
    const int64_t size = cases.at("size").get<int64_t>();
    const int64_t batch = cases.at("batch").get<int64_t>();
    const at::Tensor input = readFloats(dir / "input.bin", {batch, 3, size, size});

    int checked = 0;
    double worstMap = 0, worstGrid = 0;
    for (const Json& c : cases.at("cases")) {
        const std::string name = c.at("name").get<std::string>();
        SCOPED_TRACE(name);
        CamOptions options;
        options.method = parseCamMethod(c.at("method").get<std::string>());
        options.layer = c.at("layer").get<std::string>();
        options.targetClass = c.at("target").get<int64_t>();
        const CamResult result = computeCam(split, input, options);

        EXPECT_EQ(result.targets, c.at("targets").get<std::vector<int64_t>>());
        const at::Tensor logits = at::tensor(c.at("logits").get<std::vector<std::vector<float>>>()[0], at::kFloat);
        EXPECT_LT((result.logits[0] - logits).abs().max().item<double>(), 1e-4);

        const at::Tensor grid = readFloats(dir / (name + "_grid.bin"), c.at("grid_shape").get<std::vector<int64_t>>());
        const at::Tensor map = readFloats(dir / (name + "_map.bin"), c.at("map_shape").get<std::vector<int64_t>>());
        ASSERT_EQ(result.grid.sizes(), grid.sizes());
        ASSERT_EQ(result.map.sizes(), map.sizes());
        const double gridDiff = (result.grid - grid).abs().max().item<double>();
        const double mapDiff = (result.map - map).abs().max().item<double>();
        EXPECT_LE(gridDiff, 1e-3);
        EXPECT_LE(mapDiff, 1e-3);
        // A reference that is all zeros would make the comparison vacuous.
        EXPECT_GT(map.max().item<double>(), 0.99);
        worstGrid = std::max(worstGrid, gridDiff);
        worstMap = std::max(worstMap, mapDiff);
        ++checked;
    }
    EXPECT_EQ(checked, 12);
    std::cout << "[ parity   ] " << checked << " cases, max |C++ - Python| grid " << worstGrid << ", map "
              << worstMap << "\n";
}

TEST(GradCamParity, ReferenceAndCxxReproducePytorchGradCamItself) {
    const std::string python = CXR_TEST_PYTHON;
    ASSERT_FALSE(python.empty()) << "the parity test needs Debian's python3 with python3-torch";
    const Json fixture = readJsonFile(std::filesystem::path(CXR_SOURCE_DIR) / "tests/explain/fixtures/pytorch_grad_cam_maps.json");
    const int64_t size = fixture.at("size").get<int64_t>();
    const int64_t batch = fixture.at("batch").get<int64_t>();
    const int64_t start = fixture.at("sample_start").get<int64_t>();
    const int64_t stride = fixture.at("sample_stride").get<int64_t>();
    const auto dir = cxr::test::scratchDir();
    const std::string script = std::string(CXR_SOURCE_DIR) + "/tests/explain/gradcam_reference.py";
    const std::string command = "'" + python + "' '" + script + "' '" + dir.string() + "' --size " + std::to_string(size) +
                                " --batch " + std::to_string(batch) +
                                " --model-seed " + std::to_string(fixture.at("model_seed").get<int>()) +
                                " --input-seed " + std::to_string(fixture.at("input_seed").get<int>());
    ASSERT_EQ(std::system(command.c_str()), 0) << command;

    model::ResNet18 net(2);
    model::loadStateDict(*net, model::readStateDict(dir / "weights.pth"), {}, "reference weights");
    net->eval();
    const SplitNetwork split = splitNetworkOf(*net);
    const at::Tensor input = readFloats(dir / "input.bin", {batch, 3, size, size});
    const at::Tensor rows = at::arange(start, size, stride, at::kLong);
    const auto sampled = [&](const at::Tensor& maps) { return maps.index_select(1, rows).index_select(2, rows); };

    int checked = 0;
    double worstScript = 0, worstCxx = 0;
    for (const Json& c : fixture.at("cases")) {
        const std::string method = c.at("method").get<std::string>(), layer = c.at("layer").get<std::string>();
        const int64_t target = c.at("target").get<int64_t>();
        SCOPED_TRACE(method + " " + layer);
        std::vector<float> values;
        for (const Json& image : c.at("maps"))
            for (const Json& row : image)
                for (const Json& v : row)
                    values.push_back(v.get<float>());
        const at::Tensor library = at::tensor(values, at::kFloat).reshape({batch, rows.size(0), rows.size(0)});
        // A flat or empty fixture would make both comparisons vacuous.
        ASSERT_GT(library.max().item<double>(), 0.9);
        ASSERT_GT(library.std().item<double>(), 0.1);

        std::string name = method + "_" + layer + "_" + std::to_string(target);
        for (std::size_t pos = name.find('+'); pos != std::string::npos; pos = name.find('+'))
            name[pos] = 'p';
        const at::Tensor script = readFloats(dir / (name + "_map.bin"), {batch, size, size});
        const double scriptDiff = (sampled(script) - library).abs().max().item<double>();
        EXPECT_LE(scriptDiff, 1e-4) << "gradcam_reference.py no longer reproduces pytorch-grad-cam";

        CamOptions options;
        options.method = parseCamMethod(method);
        options.layer = layer;
        options.targetClass = target;
        const CamResult result = computeCam(split, input, options);
        const double cxxDiff = (sampled(result.map) - library).abs().max().item<double>();
        EXPECT_LE(cxxDiff, 1e-4);
        worstScript = std::max(worstScript, scriptDiff);
        worstCxx = std::max(worstCxx, cxxDiff);
        ++checked;
    }
    EXPECT_EQ(checked, 6);
    std::cout << "[ parity   ] pytorch-grad-cam fixture, " << checked << " cases, max |script - library| " << worstScript
              << ", max |C++ - library| " << worstCxx << "\n";
}

}  // namespace
}  // namespace cxr::explain
