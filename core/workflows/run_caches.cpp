#include "core/workflows/run_caches.h"

#include <string>
#include <system_error>

#include "core/common/error.h"

namespace cxr::workflows {

RunCacheFiles runCacheFiles(const training::TrainingConfig& config, const std::filesystem::path& cacheDir) {
    auto file = [&](int side) { return cacheDir / ("films-" + std::to_string(side) + ".cache"); };
    RunCacheFiles files;
    files.train = file(config.workingSize);
    if (config.workingSize != config.imageSize)
        files.eval = file(config.imageSize);
    return files;
}

std::vector<data::FilmCacheInfo> buildRunCaches(const data::SplitPlan& split, const training::TrainingConfig& config,
                                                const std::filesystem::path& cacheDir, int threads,
                                                ProgressSink* progress, const CancelToken* cancel) {
    std::error_code ec;
    std::filesystem::create_directories(cacheDir, ec);
    if (ec)
        throw Error(ErrorCode::Io, cacheDir, "cannot create the cache folder: " + ec.message());
    data::FilmCacheBuildOptions options;
    options.threads = threads;
    options.preprocess.imageSize = config.imageSize;
    const RunCacheFiles files = runCacheFiles(config, cacheDir);
    std::vector<data::FilmCacheInfo> built;
    auto build = [&](const std::vector<data::FilmEntry>& films, int side, const std::filesystem::path& file) {
        options.workingSize = side;
        built.push_back(data::buildFilmCache(films, file, options, progress, cancel));
    };
    std::vector<data::FilmEntry> evalFilms = split.val;
    evalFilms.insert(evalFilms.end(), split.test.begin(), split.test.end());
    if (files.eval.empty()) {
        std::vector<data::FilmEntry> all = split.train;
        all.insert(all.end(), evalFilms.begin(), evalFilms.end());
        build(all, config.workingSize, files.train);
    } else {
        build(split.train, config.workingSize, files.train);
        build(evalFilms, config.imageSize, files.eval);
    }
    return built;
}

}  // namespace cxr::workflows
