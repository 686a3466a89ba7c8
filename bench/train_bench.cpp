// cxr_bench: the training data path and engine on this machine, as a table, with the settings a
// `cxr train` run uses on the device (TrainingConfig's defaults, training::stepSettingsFor) —
//   cache build   films/s decoding a synthetic JPEG folder of realistic film sizes (1000-2000 px)
//                 with the product's cache builder and its default thread count
//   loader        img/s of the batch source a run uses on the device (CPU: data::BatchLoader;
//                 CUDA: the films on the GPU, training::DeviceBatchSource), augmented
//   train step    img/s of training::trainEpoch per phase, with the run's batch size, image size,
//                 optimizer, AMP, memory layout and loss read-back interval; plus the same step in
//                 the other memory layout, as a labelled variant; every phase's step in fp32 and
//                 bf16 at batch 16 and 32 (channels_last), and phase 3's in NCHW too
//   end to end    seconds of a whole `cxr train` (workflows::trainFolder: cache build, three
//                 phases of --e2e-epochs epochs at batch 16, evaluation, export) on the JPEG folder
// Usage: cxr_bench [--films N] [--steps N] [--work DIR] [--device cpu|cuda|auto] [--skip-data]
#include <chrono>
#include <cstdio>
#include <numeric>
#include <string>
#include <vector>

#include <ATen/Parallel.h>
#include <CLI/CLI.hpp>
#include <torch/cuda.h>
#include <torch/types.h>

#include "core/common/allocator_settings.h"
#include "core/data/batch_loader.h"
#include "core/data/dataset_index.h"
#include "core/data/device_augmenter.h"
#include "core/data/film_cache.h"
#include "core/data/film_cache_builder.h"
#include "core/model/device.h"
#include "core/model/resnet18.h"
#include "core/synth/synthetic_set.h"
#include "core/training/autocast_guard.h"
#include "core/training/device_batch_source.h"
#include "core/training/epoch_loop.h"
#include "core/training/optimizer_factory.h"
#include "core/training/step_settings.h"
#include "core/training/tensor_batch_source.h"
#include "core/training/training_config.h"
#include "core/workflows/train_workflow.h"

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
    std::printf("  %-60s %9.1f %s\n", what.c_str(), value, unit.c_str());
    std::fflush(stdout);
}

void synchronize(const cxr::training::StepSettings& settings) {
    if (settings.device.is_cuda())
        torch::cuda::synchronize();
}

// Train steps of one phase through the engine's own epoch loop, on batches already laid out on
// the device the way the run's batch source hands them over.
double trainStepRate(const cxr::training::TrainingConfig& config, const cxr::training::PhaseConfig& phase,
                     const cxr::training::StepSettings& settings, int steps) {
    using namespace cxr;
    const int batch = config.batchSize, side = config.imageSize;
    torch::manual_seed(0);
    model::ResNet18 net(2);
    net->setFreezeBatchNormStats(config.freezeBatchNorm);
    net->to(settings.device);
    if (settings.channelsLast)
        model::toChannelsLast(*net);
    net->setTrainable(phase.trainable);
    auto optimizer = training::makeOptimizer(config, net->trainableParameters(), phase.learningRate);
    const auto layout = settings.channelsLast ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
    auto images = torch::randn({batch * (steps + 1), 3, side, side}).to(settings.device).contiguous(layout);
    auto labels = torch::randint(0, 2, {batch * (steps + 1)}, torch::kLong).to(settings.device);
    // One warm-up batch (oneDNN primitive creation, cuDNN autotuning), then the timed ones.
    training::TensorBatchSource warm(images.narrow(0, 0, batch), labels.narrow(0, 0, batch), batch);
    training::trainEpoch(net, *optimizer, warm, 0, settings, {}, nullptr);
    synchronize(settings);
    training::TensorBatchSource timed(images.narrow(0, batch, batch * steps), labels.narrow(0, batch, batch * steps),
                                      batch);
    const auto t = Clock::now();
    training::trainEpoch(net, *optimizer, timed, 0, settings, {}, nullptr);
    synchronize(settings);
    return static_cast<double>(batch * steps) / since(t);
}

// One augmented epoch of the batch source a run uses on this device (workflows::FilmSetLoader).
double loaderRate(const cxr::data::FilmCache& cache, const cxr::training::TrainingConfig& config,
                  const cxr::training::StepSettings& settings) {
    using namespace cxr;
    std::vector<std::size_t> indices(cache.size());
    std::iota(indices.begin(), indices.end(), 0);
    std::size_t n = 0;
    if (settings.device.is_cuda()) {
        data::DeviceAugmentOptions augment;
        augment.imageSize = config.imageSize;
        augment.augment = config.augment;
        augment.channelsLast = config.channelsLast;
        augment.preprocess.imageSize = config.imageSize;
        training::DeviceBatchSource source(data::DeviceAugmenter::fromCache(cache, indices, settings.device, augment),
                                           config.batchSize, true, config.seed, false);
        source.startEpoch(0);
        synchronize(settings);
        const auto t = Clock::now();
        while (auto b = source.next())
            n += static_cast<std::size_t>(b->labels.size(0));
        synchronize(settings);
        return static_cast<double>(n) / since(t);
    }
    data::BatchLoaderOptions lo;
    lo.batchSize = config.batchSize;
    lo.imageSize = config.imageSize;
    lo.augment = config.augment;
    lo.shuffle = true;
    lo.seed = config.seed;
    lo.workers = config.workers;
    lo.preprocess.imageSize = config.imageSize;
    data::BatchLoader loader(cache, indices, lo);
    loader.startEpoch(0);
    const auto t = Clock::now();
    while (auto b = loader.next())
        n += static_cast<std::size_t>(b->labels.size(0));
    return static_cast<double>(n) / since(t);
}

}  // namespace

int main(int argc, char** argv) {
    cxr::keepFreedMemoryForReuse();  // what cxr and cxr-studio do: measure what users run
    using namespace cxr;
    CLI::App app{"cxr_bench: cache build, batch source and train-step throughput with a run's settings"};
    int films = 300, steps = 6;
    std::string work = "/tmp/cxr-bench", device = "cpu";
    bool skipData = false;
    int e2eEpochs = 1;
    app.add_option("--films", films, "synthetic training films for the data path")
        ->capture_default_str()
        ->check(CLI::Range(5, 1000000));
    app.add_option("--steps", steps, "timed train steps per phase")->capture_default_str()->check(CLI::Range(1, 100000));
    app.add_option("--work", work, "scratch folder")->capture_default_str();
    app.add_option("--device", device, "cpu | cuda | cuda:N | auto")->capture_default_str();
    app.add_flag("--skip-data", skipData, "time the train steps only");
    app.add_option("--e2e-epochs", e2eEpochs, "epochs per phase of the end-to-end run on the JPEG folder (0: none)")
        ->capture_default_str()
        ->check(CLI::Range(0, 100));
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }
    try {
        model::initTorchThreads();
        device = model::resolveDevice(device);
        // What `cxr train` runs with on this device: the config's defaults, the seed's phase plan
        // (the plan a run with ImageNet weights resolves to), the run's step settings.
        training::TrainingConfig config;
        config.device = device;
        config.resolvePlan(/*pretrained=*/true);
        config.validate();
        if (config.threads > 0)
            at::set_num_threads(config.threads);
        const training::StepSettings settings = training::stepSettingsFor(config, device);
        training::prepareDeviceForTraining(settings);
        std::printf("cxr_bench: LibTorch %s, %s\n", model::torchVersion().c_str(),
                    cxr::englishText(model::deviceDescription(device)).c_str());
        std::printf("run settings: batch %d, %d px, %s, channels_last %s, loss read back every %d batch(es), "
                    "%s (weight decay %g), %d threads\n",
                    config.batchSize, config.imageSize,
                    training::precisionDescription(settings.amp ? "bf16" : "fp32", device).c_str(),
                    settings.channelsLast ? "on" : "off", settings.syncEvery, config.optimizer.c_str(),
                    config.weightDecay, at::get_num_threads());
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
            const auto index = data::DatasetIndex::scan(dataDir);
            const auto cacheFile = std::filesystem::path(work) / "films.cache";
            std::filesystem::remove(cacheFile);
            data::FilmCacheBuildOptions build;
            build.workingSize = config.workingSize;
            build.threads = workflows::TrainFolderOptions{}.cacheThreads;
            const auto t = Clock::now();
            const auto info = data::buildFilmCache(index.all(), cacheFile, build);
            report("cache build (decode + window + resize to " + std::to_string(build.workingSize) + ", " +
                       std::to_string(data::decodingThreads(build)) + " threads)",
                   static_cast<double>(info.decoded) / since(t), "films/s");
            const auto cache = data::FilmCache::open(cacheFile);
            report(std::string(settings.device.is_cuda() ? "device batch source" : "loader") + " (augmented, " +
                       std::to_string(config.imageSize) + " px, batch " + std::to_string(config.batchSize) +
                       (settings.device.is_cuda() ? ")" : ", " + std::to_string(config.workers) + " workers)"),
                   loaderRate(cache, config, settings), "img/s");
        }
        for (std::size_t p = 0; p < config.phases.size(); ++p)
            report("train step phase " + std::to_string(p + 1) + " (" + config.phases[p].name + "), run settings",
                   trainStepRate(config, config.phases[p], settings, steps), "img/s");
        // Every phase in each precision and batch size (channels_last), then the whole-network
        // step (phase 3) in the other memory layout.
        const int lastPhase = static_cast<int>(config.phases.size());
        for (int p = 1; p <= lastPhase; ++p)
            for (const bool channelsLast : {true, false}) {
                if (!channelsLast && p != lastPhase)
                    continue;
                for (const bool bf16 : {false, true})
                    for (const int batch : {16, 32}) {
                        training::StepSettings s = settings;
                        s.amp = bf16;
                        s.channelsLast = channelsLast;
                        training::TrainingConfig c = config;
                        c.batchSize = batch;
                        report("train step phase " + std::to_string(p) + ", " + (bf16 ? "bf16" : "fp32") + ", " +
                                   (channelsLast ? "channels_last" : "NCHW") + ", batch " + std::to_string(batch),
                               trainStepRate(c, config.phases[static_cast<std::size_t>(p - 1)], s, steps), "img/s");
                    }
            }
        if (!skipData && e2eEpochs > 0) {
            // End to end, as `cxr train` runs it: cache build from the JPEGs, three phases,
            // evaluation with its bootstrap interval, export.
            workflows::TrainFolderOptions run;
            run.dataDir = std::filesystem::path(work) / "data";
            run.runDir = std::filesystem::path(work) / "run";
            std::filesystem::remove_all(run.runDir);
            run.config = config;
            for (auto& phase : run.config.phases)
                phase.epochs = e2eEpochs;
            run.config.batchSize = 16;
            const auto t = Clock::now();
            const auto result = workflows::trainFolder(run, nullptr, nullptr);
            report("end to end: cxr train, 3 phases x " + std::to_string(e2eEpochs) + " epoch(s), batch 16, " +
                       std::to_string(result.trainFilms) + " train films",
                   since(t), "s");
        }
        std::printf("\n| %-60s | %9s | %-7s |\n|%s|%s|%s|\n", "figure", "value", "unit", std::string(62, '-').c_str(),
                    std::string(11, '-').c_str(), std::string(9, '-').c_str());
        for (const auto& r : g_rows)
            std::printf("| %-60s | %9.1f | %-7s |\n", r.what.c_str(), r.value, r.unit.c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cxr_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
