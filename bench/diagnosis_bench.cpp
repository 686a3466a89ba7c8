// diagnosis_bench: latency of film -> Diagnosis with Grad-CAM, per stage, on synthetic 2,000 px
// films (JPEG, and DICOM in each transfer syntax the synthesiser cycles through).
//
//   diagnosis_bench [--model PATH] [--runs N] [--work DIR] [--device cpu|cuda|auto]
//
// Every section runs on --device (the Grad-CAM section too). Unknown flags, flags without their
// value and malformed values are refused with exit status 2 before anything is measured.
// Without --model a randomly initialised ResNet18 bundle is exported into the work folder
// (latency does not depend on the weights). Prints the median (and 90th percentile) of every
// stage for: the fast path (JPEG decoded at reduced scale, heat map at the decoded size), the
// display path (full decode, heat map at full film resolution), DICOM films, and the cost of
// Grad-CAM's cheap gradient path against a backward through the whole network.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <ATen/ATen.h>
#include <CLI/CLI.hpp>
#include <torch/cuda.h>

#include "core/common/allocator_settings.h"
#include "core/common/error.h"
#include "core/diagnosis/diagnoser.h"
#include "core/diagnosis/film_list.h"
#include "core/explain/grad_cam.h"
#include "core/imaging/load_film.h"
#include "core/model/device.h"
#include "core/model/model_bundle.h"
#include "core/synth/synthetic_set.h"

#include "synth_csv.h"

namespace fs = std::filesystem;
using namespace cxr;

namespace {

struct Stats {
    std::map<std::string, std::vector<double>> stages;
    void add(const std::map<std::string, double>& timings) {
        for (const auto& [k, v] : timings)
            stages[k].push_back(v);
    }
};

double quantile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(q * (v.size() - 1) + 0.5))];
}

void print(const std::string& title, const Stats& s) {
    std::printf("%s\n", title.c_str());
    for (const char* stage : {"load", "preprocess", "forward", "cam", "resample", "total"}) {
        const auto it = s.stages.find(stage);
        if (it == s.stages.end())
            continue;
        // The minimum is the uncontended cost when other work shares the cores.
        std::printf("  %-10s median %7.1f ms   p90 %7.1f ms   min %7.1f ms\n", stage, quantile(it->second, 0.5),
                    quantile(it->second, 0.9), quantile(it->second, 0.0));
    }
}

using cxr::bench::readSynthCsv;

fs::path makeSet(const fs::path& root, bool dicom) {
    if (!synth::readSyntheticSetSummary(root)) {
        synth::SynthOptions options;
        options.train = 0;
        options.val = 0;
        options.test = dicom ? 6 : 4;
        options.size = 2000;
        options.seed = 7;
        options.dicom = dicom;
        synth::makeSyntheticSet(root, options);
    }
    return root;
}

}  // namespace

int main(int argc, char** argv) {
    cxr::keepFreedMemoryForReuse();  // what cxr and cxr-studio do: measure what users run
    CLI::App app{"diagnosis_bench: film -> Diagnosis latency per stage, JPEG and DICOM, 2,000 px"};
    std::string modelArg, device = "cpu";
    fs::path work = fs::temp_directory_path() / "cxr-diagnosis-bench";
    int runs = 30;
    fs::path compareDir;
    app.add_option("--model", modelArg, "run folder or model bundle (default: a random ResNet18)");
    app.add_option("--runs", runs, "timed runs per case")->capture_default_str()->check(CLI::Range(3, 100000));
    app.add_option("--work", work, "scratch folder for the synthetic films")->capture_default_str();
    app.add_option("--device", device, "cpu | cuda | cuda:N | auto")->capture_default_str();
    app.add_option("--compare-films", compareDir,
                   "folder of films (searched recursively) for the bf16-against-fp32 comparison; default: the "
                   "synthetic JPEG and DICOM films");
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }
    try {
        fs::create_directories(work);
        model::initTorchThreads();
        device = model::resolveDevice(device);
        const torch::Device torchDevice(device);
        fs::path modelPath = modelArg;
        if (modelPath.empty()) {
            modelPath = work / "random-model";
            if (!fs::exists(modelPath / model::kModelJsonFileName)) {
                model::ResNet18 net = model::makeResNet18(std::nullopt, 2);
                model::exportModelBundle(modelPath, net, {"NORMAL", "PNEUMONIA"}, model::PreprocessSpec{}, 0.5, 1.0,
                                         Json::object(), Json::object());
            }
        }
        const fs::path jpegRoot = makeSet(work / "jpeg-2000", false);
        const fs::path dicomRoot = makeSet(work / "dicom-2000", true);

        const diagnosis::Diagnoser diagnoser(modelPath, device);
        std::printf("model %s (%s), %s, LibTorch %s, %d runs per case\n", diagnoser.info().name.c_str(),
                    diagnoser.info().sha256.substr(0, 12).c_str(), cxr::englishText(model::deviceDescription(device)).c_str(),
                    model::torchVersion().c_str(), runs);

        const auto jpegRows = readSynthCsv(jpegRoot / "films.csv");
        const fs::path jpeg = jpegRoot / jpegRows.at(1).at(4);
        std::printf("JPEG film: %s (%s x %s, %ju bytes)\n\n", jpeg.filename().c_str(), jpegRows[1][5].c_str(),
                    jpegRows[1][6].c_str(), static_cast<std::uintmax_t>(fs::file_size(jpeg)));

        Stats fast;
        for (int r = 0; r < runs + 3; ++r) {
            const diagnosis::Diagnosis d = diagnoser.diagnoseFile(jpeg);
            if (r >= 3)
                fast.add(d.timingsMs);
        }
        print("JPEG, fast path (decode at reduced scale, Grad-CAM layer4, heat map at decoded size):", fast);

        Stats display;
        imaging::LoadOptions full;
        full.readTags = false;
        for (int r = 0; r < runs / 2 + 2; ++r) {
            const auto start = std::chrono::steady_clock::now();
            const imaging::Film film = imaging::loadFilm(jpeg, full);
            const double loadMs =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            diagnosis::Diagnosis d = diagnoser.diagnose(film);
            d.timingsMs["load"] = loadMs;
            d.timingsMs["total"] += loadMs;
            if (r >= 2)
                display.add(d.timingsMs);
        }
        print("\nJPEG, display path (full decode, heat map at full film resolution):", display);

        std::printf("\nDICOM films (no reduced decode; Grad-CAM layer4, heat map at film size):\n");
        for (const auto& row : readSynthCsv(dicomRoot / "films.csv")) {
            Stats s;
            const fs::path file = dicomRoot / row.at(4);
            for (int r = 0; r < runs / 3 + 1; ++r) {
                const diagnosis::Diagnosis d = diagnoser.diagnoseFile(file);
                if (r >= 1)
                    s.add(d.timingsMs);
            }
            std::printf("  %-16s %s x %s %-12s median total %6.1f ms (load %6.1f, preprocess %5.1f, forward %5.1f, "
                        "cam %4.1f, resample %5.1f)\n",
                        row.at(9).c_str(), row.at(5).c_str(), row.at(6).c_str(), row.at(8).c_str(),
                        quantile(s.stages["total"], 0.5), quantile(s.stages["load"], 0.5),
                        quantile(s.stages["preprocess"], 0.5), quantile(s.stages["forward"], 0.5),
                        quantile(s.stages["cam"], 0.5), quantile(s.stages["resample"], 0.5));
        }

        // The bf16 prediction path against fp32, film by film: how far the probability moves,
        // whether the call changes, and the forward + CAM time of each.
        {
            std::vector<fs::path> films;
            if (!compareDir.empty()) {
                films = diagnosis::collectFilms({compareDir}).files;
                if (films.empty())
                    throw cxr::Error(cxr::ErrorCode::NotFound, compareDir, "no films found");
            } else {
                for (const auto& row : readSynthCsv(jpegRoot / "films.csv"))
                    films.push_back(jpegRoot / row.at(4));
                for (const auto& row : readSynthCsv(dicomRoot / "films.csv"))
                    films.push_back(dicomRoot / row.at(4));
            }
            double maxDiff = 0, sumDiff = 0;
            int agree = 0;
            std::vector<double> fp32Ms, bf16Ms;
            diagnosis::DiagnoseOptions bf16;
            bf16.precision = "bf16";
            diagnoser.diagnoseFile(films.at(0));  // warm-up of both paths (oneDNN primitives)
            diagnoser.diagnoseFile(films.at(0), bf16);
            for (const auto& file : films) {
                const auto a = diagnoser.diagnoseFile(file);
                const auto b = diagnoser.diagnoseFile(file, bf16);
                const double diff = std::abs(a.probabilities.back() - b.probabilities.back());
                maxDiff = std::max(maxDiff, diff);
                sumDiff += diff;
                agree += a.label == b.label ? 1 : 0;
                fp32Ms.push_back(a.timingsMs.at("forward") + a.timingsMs.at("cam"));
                bf16Ms.push_back(b.timingsMs.at("forward") + b.timingsMs.at("cam"));
            }
            std::printf("\nbf16 against fp32 prediction on %zu films (%s): |P(bf16) - P(fp32)| of the last class "
                        "max %.4f, mean %.4f; calls agree on %d of %zu; forward + Grad-CAM median fp32 %.1f ms, "
                        "bf16 %.1f ms\n",
                        films.size(), compareDir.empty() ? "synthetic JPEG and DICOM" : compareDir.c_str(), maxDiff,
                        sumDiff / static_cast<double>(films.size()), agree, films.size(), quantile(fp32Ms, 0.5),
                        quantile(bf16Ms, 0.5));
        }

        std::printf("\nGrad-CAM gradient path on one 224 x 224 input on %s (forward + CAM, median):\n",
                    device.c_str());
        model::ModelBundle bundle = model::loadModelBundle(modelPath, torchDevice);
        const explain::SplitNetwork split = explain::splitNetworkOf(*bundle.net);
        const at::Tensor input = at::randn({1, 3, 224, 224}).to(torchDevice);
        for (const std::string method : {"gradcam", "gradcam++", "layercam"}) {
            for (const std::string layer : {"layer4", "layer3"}) {
                for (bool fullBackward : {false, true}) {
                    std::vector<double> ms;
                    for (int r = 0; r < runs / 2 + 2; ++r) {
                        explain::CamOptions o;
                        o.method = explain::parseCamMethod(method);
                        o.layer = layer;
                        o.fullBackward = fullBackward;
                        const auto start = std::chrono::steady_clock::now();
                        explain::computeCam(split, input, o);
                        if (torchDevice.is_cuda())  // the host clock must see the queued kernels finish
                            torch::cuda::synchronize();
                        if (r >= 2)
                            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                                                   start)
                                             .count());
                    }
                    std::printf("  %-9s %-6s %-22s %6.1f ms\n", method.c_str(), layer.c_str(),
                                fullBackward ? "full backward" : "gradient after layer", quantile(ms, 0.5));
                }
            }
        }
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "diagnosis_bench: %s\n", e.what());
        return 1;
    }
}
