// A full three-phase run through the product's own Trainer on a Kaggle-sized set: films from the
// film cache held on the device (training::DeviceBatchSource), the default phase plan and
// learning rates, AMP and channels_last as a CUDA run configures them. With --jpeg-folder the
// cache is first built from the JPEG folder the seed pipeline decodes (folder_cache.h), and the
// end-to-end figure is given with and without that build; otherwise a synthetic cache is used.
#include <cstdio>
#include <numeric>

#include <ATen/ATen.h>

#include "bench_common.h"
#include "folder_cache.h"
#include "core/data/device_augmenter.h"
#include "core/data/film_cache.h"
#include "core/model/resnet18.h"
#include "core/training/device_batch_source.h"
#include "core/training/run_directory.h"
#include "core/training/trainer.h"

namespace cxr::bench {
namespace {

// Prints one line per epoch and keeps per-phase wall time.
class EpochPrinter : public training::TrainingObserver {
public:
    void onRunStarted(const training::RunStartInfo& info) override {
        std::printf("  run: %zu train / %zu val films, device %s, %s, %d epochs planned\n", info.trainFilms,
                    info.valFilms, cxr::englishText(info.deviceDescription).c_str(), info.precision.c_str(), info.totalEpochs);
    }
    void onEpochFinished(const training::EpochResult& e) override {
        std::printf("  phase %d epoch %d  lr %.1e  train loss %.4f acc %.3f  val loss %.4f acc %.3f  %.2f s%s\n",
                    e.phase + 1, e.epoch + 1, e.learningRate, e.trainLoss, e.trainAccuracy, e.valLoss,
                    e.valAccuracy, e.seconds, e.best ? "  (best)" : "");
        std::fflush(stdout);
        if (phaseSeconds.size() <= static_cast<std::size_t>(e.phase))
            phaseSeconds.resize(static_cast<std::size_t>(e.phase) + 1, 0.0), phaseEpochs.resize(phaseSeconds.size(), 0);
        phaseSeconds[static_cast<std::size_t>(e.phase)] += e.seconds;
        phaseEpochs[static_cast<std::size_t>(e.phase)] += 1;
    }
    std::vector<double> phaseSeconds;
    std::vector<int> phaseEpochs;
};

}  // namespace

void runFullTraining(const BenchOptions& o, const c10::Device& device, Report& report) {
    std::vector<std::size_t> train, val;
    std::filesystem::path cacheFile;
    double buildSeconds = -1;
    if (!o.jpegFolder.empty()) {
        const auto builders = cacheBuilders();
        const std::string builder = !o.cacheBuilder.empty() ? o.cacheBuilder : builders.empty() ? "none" : builders[0];
        const int threads = o.cacheThreads > 0 ? o.cacheThreads : productCacheThreads();
        std::printf("== film cache from %s (%s builder, %d threads, %d²) ==\n", o.jpegFolder.string().c_str(),
                    builder.c_str(), threads, o.side);
        const auto buildStart = Clock::now();
        FolderCache built = buildFolderCache(o.jpegFolder, o.workDir / "jpeg-folder.cache", o.side, threads, builder);
        buildSeconds = secondsSince(buildStart);
        train = std::move(built.train);
        val = std::move(built.val);
        cacheFile = built.file;
        report.add("full", "cache build from the JPEG folder (" + std::to_string(train.size() + val.size()) +
                               " films, " + built.builder + ", " + std::to_string(built.threads) + " threads)",
                   buildSeconds, "s");
        report.note("cache_builder", built.builder);
    } else {
        cacheFile = syntheticCache(o);
        train.resize(static_cast<std::size_t>(o.films));
        val.resize(static_cast<std::size_t>(o.valFilms));
        std::iota(train.begin(), train.end(), 0);
        std::iota(val.begin(), val.end(), static_cast<std::size_t>(o.films));
    }
    std::printf("== full three-phase run (Trainer, %zu train + %zu val films, batch %d) ==\n", train.size(), val.size(),
                o.batch);
    const auto wallStart = Clock::now();
    const auto cache = data::FilmCache::open(cacheFile);
    const double trainFilms = static_cast<double>(train.size());

    training::TrainingConfig config;
    config.batchSize = o.batch;
    config.imageSize = o.imageSize;
    config.workingSize = o.side;
    config.device = device.str();
    for (std::size_t p = 0; p < config.phases.size() && p < o.epochs.size(); ++p) {
        config.phases[p].epochs = o.epochs[p];
        config.phases[p].patience = o.patience;
    }
    data::DeviceAugmentOptions trainAug;
    trainAug.imageSize = o.imageSize;
    trainAug.channelsLast = config.channelsLast;
    data::DeviceAugmentOptions valAug = trainAug;
    valAug.augment = false;
    training::DeviceBatchSource trainSource(data::DeviceAugmenter::fromCache(cache, train, device, trainAug),
                                            config.batchSize, true, config.seed, false);
    training::DeviceBatchSource valSource(data::DeviceAugmenter::fromCache(cache, val, device, valAug),
                                          config.batchSize, false, config.seed, false);

    const auto runDir = o.workDir / "run";
    std::filesystem::remove_all(runDir);
    EpochPrinter printer;
    training::Trainer trainer(config, training::RunDirectory(runDir), &printer);
    model::ResNet18 net(2);
    training::TrainerSetup setup;
    setup.classes = {"NORMAL", "PNEUMONIA"};
    const auto runStart = Clock::now();
    const auto result = trainer.run(net, trainSource, valSource, setup);
    synchronize(device);
    const double runSeconds = secondsSince(runStart);

    int epochs = 0;
    for (std::size_t p = 0; p < printer.phaseSeconds.size(); ++p) {
        epochs += printer.phaseEpochs[p];
        const double imgs = static_cast<double>(printer.phaseEpochs[p]) * trainFilms;
        report.add("full", "phase " + std::to_string(p + 1) + " (" + std::to_string(printer.phaseEpochs[p]) +
                               " epochs, val + checkpoints incl.)",
                   imgs / printer.phaseSeconds[p], "img/s");
    }
    report.add("full", "three phases, " + std::to_string(epochs) + " epochs: Trainer::run", runSeconds, "s");
    const double wallSeconds = secondsSince(wallStart);
    report.add("full", "end to end incl. cache open + upload", wallSeconds, "s");
    report.add("full", "end-to-end training img/s", static_cast<double>(epochs) * trainFilms / wallSeconds, "img/s");
    if (buildSeconds >= 0) {
        // What a user starting from the JPEG folder waits for: the one-off decode, then the run.
        report.add("full", "end to end incl. the cache build", buildSeconds + wallSeconds, "s");
        report.add("full", "end-to-end training img/s incl. the cache build",
                   static_cast<double>(epochs) * trainFilms / (buildSeconds + wallSeconds), "img/s");
    }
    report.add("full", "best val accuracy", result.best.valAccuracy * 100, "%");
    report.note("full_run_completed", result.completed ? "yes" : "no");
}

}  // namespace cxr::bench
