// cxr_bench: the training data path and engine on this machine, as a table —
//   cache build   films/s decoding a synthetic JPEG folder of realistic film sizes (1000-2000 px)
//   loader        img/s of data::BatchLoader (augmented, 224 px, batch 32) from that cache
//   train step    img/s of training::trainEpoch per phase (batch 16, 224 px, Adam), with and
//                 without channels_last
// Usage: cxr_bench [--films N] [--steps N] [--work DIR] [--device cpu|cuda] [--skip-data]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <torch/types.h>

#include "common/cancel_token.h"
#include "data/batch_loader.h"
#include "data/dataset_index.h"
#include "data/film_cache.h"
#include "data/film_cache_builder.h"
#include "model/device.h"
#include "model/resnet18.h"
#include "synth/synthetic_set.h"
#include "training/epoch_loop.h"
#include "training/optimizer_factory.h"
#include "training/tensor_batch_source.h"
#include "training/training_config.h"

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

struct Row {
    std::string what;
    double value;
    std::string unit;
};
std::vector<Row> g_rows;

void report(const std::string& what, double value, const std::string& unit) {
    g_rows.push_back({what, value, unit});
    std::printf("  %-52s %9.1f %s\n", what.c_str(), value, unit.c_str());
    std::fflush(stdout);
}

// Train steps of one phase through the engine's own epoch loop on in-memory tensors.
double trainStepRate(const cxr::training::PhaseConfig& phase, bool channelsLast, int steps, const std::string& device) {
    using namespace cxr;
    const int batch = 16, side = 224;
    torch::manual_seed(0);
    model::ResNet18 net(2);
    net->to(torch::Device(device));
    if (channelsLast)
        model::toChannelsLast(*net);
    net->setTrainable(phase.trainable);
    training::TrainingConfig config;
    auto optimizer = training::makeOptimizer(config, net->trainableParameters(), phase.learningRate);
    training::StepSettings settings;
    settings.device = torch::Device(device);
    settings.channelsLast = channelsLast;
    settings.amp = device != "cpu";
    auto images = torch::randn({batch * (steps + 1), 3, side, side});
    auto labels = torch::randint(0, 2, {batch * (steps + 1)}, torch::kLong);
    // One warm-up batch (oneDNN primitive creation), then the timed ones.
    training::TensorBatchSource warm(images.narrow(0, 0, batch), labels.narrow(0, 0, batch), batch);
    training::trainEpoch(net, *optimizer, warm, 0, settings, {}, nullptr);
    training::TensorBatchSource timed(images.narrow(0, batch, batch * steps), labels.narrow(0, batch, batch * steps),
                                      batch);
    const auto t = Clock::now();
    training::trainEpoch(net, *optimizer, timed, 0, settings, {}, nullptr);
    return static_cast<double>(batch * steps) / since(t);
}

}  // namespace

int main(int argc, char** argv) {
    using namespace cxr;
    int films = 300, steps = 6;
    std::string work = "/tmp/cxr-bench", device = "cpu";
    bool skipData = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "cxr_bench: %s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--films")
            films = std::atoi(value().c_str());
        else if (a == "--steps")
            steps = std::atoi(value().c_str());
        else if (a == "--work")
            work = value();
        else if (a == "--device")
            device = value();
        else if (a == "--skip-data")
            skipData = true;
        else {
            std::fprintf(stderr, "usage: cxr_bench [--films N] [--steps N] [--work DIR] [--device cpu|cuda] [--skip-data]\n");
            return 2;
        }
    }
    try {
        model::initTorchThreads();
        device = model::resolveDevice(device);
        std::printf("cxr_bench: LibTorch %s, %s\n", model::torchVersion().c_str(),
                    model::deviceDescription(device).c_str());
        if (!skipData) {
            const std::filesystem::path dataDir = std::filesystem::path(work) / "data";
            synth::SynthOptions synth;
            synth.train = films;
            synth.val = 0;
            synth.test = films / 5;
            synth.size = 0;  // realistic: 1000..2000 px long side
            if (!synth::readSyntheticSetSummary(dataDir)) {
                std::printf("writing %d synthetic JPEG films (1000-2000 px) into %s ...\n", films + films / 5,
                            dataDir.c_str());
                synth::makeSyntheticSet(dataDir, synth);
            }
            data::ScanOptions scan;
            const auto index = data::DatasetIndex::scan(dataDir, scan);
            const auto cacheFile = std::filesystem::path(work) / "films-256.cache";
            std::filesystem::remove(cacheFile);
            data::FilmCacheBuildOptions build;
            build.workingSize = 256;
            const auto all = index.all();
            const auto t = Clock::now();
            const auto info = data::buildFilmCache(all, cacheFile, build);
            report("cache build (decode + window + resize to 256)", static_cast<double>(info.decoded) / since(t),
                   "films/s");
            const auto cache = data::FilmCache::open(cacheFile);
            std::vector<std::size_t> indices(cache.size());
            for (std::size_t i = 0; i < indices.size(); ++i)
                indices[i] = i;
            data::BatchLoaderOptions lo;
            lo.batchSize = 32;
            lo.imageSize = 224;
            lo.augment = true;
            lo.shuffle = true;
            lo.workers = 2;
            data::BatchLoader loader(cache, indices, lo);
            loader.startEpoch(0);
            const auto tl = Clock::now();
            std::size_t n = 0;
            while (auto b = loader.next())
                n += static_cast<std::size_t>(b->labels.size(0));
            report("loader (augmented, 224 px, batch 32, 2 workers)", static_cast<double>(n) / since(tl), "img/s");
        }
        const auto phases = training::TrainingConfig::defaultPhases();
        for (bool channelsLast : {false, true})
            for (std::size_t p = 0; p < phases.size(); ++p)
                report("train step phase " + std::to_string(p + 1) + " (" + phases[p].name + ")" +
                           (channelsLast ? ", channels_last" : ""),
                       trainStepRate(phases[p], channelsLast, steps, device), "img/s");
        std::printf("\n| %-52s | %9s | %-7s |\n|%s|%s|%s|\n", "figure", "value", "unit", std::string(54, '-').c_str(),
                    std::string(11, '-').c_str(), std::string(9, '-').c_str());
        for (const auto& r : g_rows)
            std::printf("| %-52s | %9.1f | %-7s |\n", r.what.c_str(), r.value, r.unit.c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cxr_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
