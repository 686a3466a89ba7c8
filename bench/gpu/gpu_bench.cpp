// cxr_gpu_bench: training throughput of CXR Studio's engine on the device at hand (CUDA or CPU),
// needing no codecs — synthetic tensors and a synthetic film cache. Prints figures as it goes,
// a table last, and optionally JSON. scripts/gpu-check runs it beside the seed's Python pipeline.
//   cxr_gpu_bench [--device auto|cuda|cpu] [--sections step,data,full] [--batches 32,64,128,256]
//                 [--steps N] [--films N] [--val-films N] [--batch B] [--epochs 5,5,10]
//                 [--side 256] [--image-size 224] [--loader-batches N] [--work DIR] [--json FILE]
//                 [--jpeg-folder DIR [--cache-threads N] [--cache-builder product|libjpeg]]
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <sstream>

#include <torch/version.h>

#include "bench_common.h"
#include "core/common/json_io.h"
#include "core/model/device.h"

namespace {

std::vector<int> intList(const std::string& text) {
    std::vector<int> values;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty())
            values.push_back(std::stoi(item));
    return values;
}

cxr::bench::BenchOptions parse(int argc, char** argv) {
    cxr::bench::BenchOptions o;
    for (int i = 1; i < argc; ++i) {
        const std::string key = argv[i];
        if (key == "--help" || key == "-h") {
            std::printf("usage: cxr_gpu_bench [--device auto|cuda|cpu] [--sections step,data,full] "
                        "[--batches 32,64,128,256] [--steps N] [--films N] [--val-films N] [--batch B] "
                        "[--epochs 5,5,10] [--side 256] [--image-size 224] [--loader-batches N] [--work DIR] "
                        "[--json FILE] [--jpeg-folder DIR [--cache-threads N] [--cache-builder product|libjpeg]]\n");
            std::exit(0);
        }
        if (i + 1 >= argc) {
            std::fprintf(stderr, "cxr_gpu_bench: %s needs a value (see --help)\n", key.c_str());
            std::exit(2);
        }
        const std::string value = argv[++i];
        if (key == "--device") o.device = value;
        else if (key == "--sections") {
            o.sections.clear();
            std::stringstream in(value);
            for (std::string s; std::getline(in, s, ',');)
                o.sections.insert(s);
        } else if (key == "--batches") o.batches = intList(value);
        else if (key == "--steps") o.steps = std::stoi(value);
        else if (key == "--films") o.films = std::stoi(value);
        else if (key == "--val-films") o.valFilms = std::stoi(value);
        else if (key == "--batch") o.batch = std::stoi(value);
        else if (key == "--epochs") o.epochs = intList(value);
        else if (key == "--side") o.side = std::stoi(value);
        else if (key == "--image-size") o.imageSize = std::stoi(value);
        else if (key == "--loader-batches") o.loaderBatches = std::stoi(value);
        else if (key == "--work") o.workDir = value;
        else if (key == "--json") o.jsonFile = value;
        else if (key == "--jpeg-folder") o.jpegFolder = value;
        else if (key == "--cache-threads") o.cacheThreads = std::stoi(value);
        else if (key == "--cache-builder") o.cacheBuilder = value;
        else {
            std::fprintf(stderr, "cxr_gpu_bench: unknown option %s (see --help)\n", key.c_str());
            std::exit(2);
        }
    }
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace cxr;
    const bench::BenchOptions options = parse(argc, argv);
    bench::Report report;
    int failures = 0;
    try {
        model::initTorchThreads();
        const c10::Device device(model::resolveDevice(options.device));
        std::printf("cxr_gpu_bench: LibTorch %s, device %s (%s)\n", TORCH_VERSION, device.str().c_str(),
                    cxr::englishText(model::deviceDescription(device.str())).c_str());
        report.note("libtorch", TORCH_VERSION);
        report.note("device", cxr::englishText(model::deviceDescription(device.str())));
        const std::pair<const char*, void (*)(const bench::BenchOptions&, const c10::Device&, bench::Report&)>
            sections[] = {{"step", bench::runStepThroughput},
                          {"data", bench::runDataThroughput},
                          {"full", bench::runFullTraining}};
        for (const auto& [name, run] : sections) {
            if (!options.sections.count(name))
                continue;
            try {
                run(options, device, report);
            } catch (const std::exception& e) {
                ++failures;
                std::fprintf(stderr, "cxr_gpu_bench: section %s failed: %s\n", name, e.what());
                report.note(std::string("failed_") + name, e.what());
            }
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cxr_gpu_bench: %s\n", e.what());
        return 1;
    }
    report.printTable();
    if (!options.jsonFile.empty())
        writeJsonFile(options.jsonFile, report.toJson());
    return failures ? 1 : 0;
}
