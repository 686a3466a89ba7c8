#include "workflows/film_set_loader.h"

#include "common/error.h"
#include "data/batch_loader.h"
#include "data/film_cache_builder.h"
#include "model/device.h"
#include "training/device_batch_source.h"
#include "training/loader_batch_source.h"

namespace cxr::workflows {
namespace {

std::vector<data::FilmEntry> allFilms(const data::SplitPlan& split) {
    std::vector<data::FilmEntry> films = split.train;
    films.insert(films.end(), split.val.begin(), split.val.end());
    films.insert(films.end(), split.test.begin(), split.test.end());
    return films;
}

}  // namespace

FilmSetLoader::FilmSetLoader(const data::SplitPlan& split, const training::TrainingConfig& config,
                             const std::filesystem::path& cacheDir, int cacheThreads,
                             training::TrainingObserver* observer, const CancelToken* cancel) {
    const auto cacheFile = cacheDir / ("films-" + std::to_string(config.workingSize) + ".cache");
    std::error_code ec;
    std::filesystem::create_directories(cacheDir, ec);
    if (ec)
        throw Error(ErrorCode::Io, cacheDir, "cannot create the cache folder: " + ec.message());
    training::ObserverProgressSink sink(observer);
    data::FilmCacheBuildOptions buildOptions;
    buildOptions.workingSize = config.workingSize;
    buildOptions.threads = cacheThreads;
    const auto info = data::buildFilmCache(allFilms(split), cacheFile, buildOptions, &sink, cancel);
    m_skipped = info.skipped;
    m_cache = std::make_unique<data::FilmCache>(data::FilmCache::open(cacheFile));
    m_trainIdx = positions(split.train, "train");
    m_valIdx = positions(split.val, "validation");
    m_testIdx = positions(split.test, "test");

    model::PreprocessSpec preprocess;
    preprocess.imageSize = config.imageSize;
    const std::string device = model::resolveDevice(config.device);
    if (device.rfind("cuda", 0) == 0) {
        // The whole set fits on the GPU; augmenting there keeps the GPU fed without CPU threads.
        data::DeviceAugmentOptions train;
        train.imageSize = config.imageSize;
        train.augment = config.augment;
        train.preprocess = preprocess;
        train.channelsLast = config.channelsLast;
        data::DeviceAugmentOptions eval = train;
        eval.augment = false;
        const c10::Device dev(device);
        m_train = std::make_unique<training::DeviceBatchSource>(
            data::DeviceAugmenter::fromCache(*m_cache, m_trainIdx, dev, train), config.batchSize, true, config.seed,
            config.classWeighting == "sampler");
        m_val = std::make_unique<training::DeviceBatchSource>(data::DeviceAugmenter::fromCache(*m_cache, m_valIdx, dev, eval),
                                                              config.batchSize, false, config.seed, false);
        m_test = std::make_unique<training::DeviceBatchSource>(
            data::DeviceAugmenter::fromCache(*m_cache, m_testIdx, dev, eval), config.batchSize, false, config.seed, false);
        return;
    }
    data::BatchLoaderOptions train;
    train.batchSize = config.batchSize;
    train.imageSize = config.imageSize;
    train.augment = config.augment;
    train.shuffle = true;
    train.seed = config.seed;
    train.workers = config.workers;
    train.preprocess = preprocess;
    train.weightedSampler = config.classWeighting == "sampler";
    data::BatchLoaderOptions eval = train;
    eval.augment = false;
    eval.shuffle = false;
    eval.weightedSampler = false;
    m_train = std::make_unique<training::LoaderBatchSource>(std::make_unique<data::BatchLoader>(*m_cache, m_trainIdx, train));
    m_val = std::make_unique<training::LoaderBatchSource>(std::make_unique<data::BatchLoader>(*m_cache, m_valIdx, eval));
    m_test = std::make_unique<training::LoaderBatchSource>(std::make_unique<data::BatchLoader>(*m_cache, m_testIdx, eval));
}

FilmSetLoader::~FilmSetLoader() = default;

std::vector<std::size_t> FilmSetLoader::positions(const std::vector<data::FilmEntry>& films, const std::string& split) {
    std::vector<std::size_t> out;
    out.reserve(films.size());
    for (const auto& f : films)
        if (const auto i = m_cache->find(f.path.string()))
            out.push_back(*i);
    if (out.empty())
        throw Error(ErrorCode::InvalidInput, "the " + split + " split has no readable film");
    return out;
}

std::vector<int> FilmSetLoader::trainLabels() const { return m_cache->labels(m_trainIdx); }

evaluation::Predictions FilmSetLoader::predict(model::ResNet18& net, training::BatchSource& source,
                                               const training::StepSettings& settings, const std::string& what,
                                               training::TrainingObserver* observer, const CancelToken* cancel) const {
    const auto output = training::runInference(
        net, source, settings,
        [&](std::size_t done, std::size_t total) {
            if (observer)
                observer->onStage(Progress{"predicting " + what, done, total, -1});
        },
        cancel);
    auto predictions = training::toPredictions(output);
    for (const auto i : output.indices)
        predictions.paths.push_back(m_cache->sourcePath(i));
    return predictions;
}

}  // namespace cxr::workflows
