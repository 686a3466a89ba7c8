#include "core/data/film_cache_builder.h"

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>

#include <fcntl.h>
#include <unistd.h>

#include "core/common/error.h"
#include "core/common/logging.h"
#include "core/data/film_cache.h"
#include "core/data/film_cache_writer.h"
#include "core/data/film_preprocessor.h"

namespace fs = std::filesystem;

namespace cxr::data {
namespace {

// Decoded films go to a scratch file as they finish (any order), so a large set never sits in
// memory; the final cache is then streamed in index order from it and the previous cache.
class ScratchFile {
public:
    explicit ScratchFile(const fs::path& cacheFile) {
        m_path = cacheFile;
        m_path += ".decoding-" + std::to_string(::getpid());
        m_fd = ::open(m_path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (m_fd < 0)
            throw Error(ErrorCode::Io, m_path, std::string("cannot create a scratch file: ") + std::strerror(errno));
    }
    ~ScratchFile() {
        ::close(m_fd);
        std::error_code ec;
        fs::remove(m_path, ec);
    }
    // Called under the builder's mutex.
    std::uint64_t append(const std::vector<std::uint8_t>& bytes) {
        const std::uint64_t at = m_size;
        std::size_t done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::pwrite(m_fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(at + done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                throw Error(ErrorCode::Io, m_path, std::string("cannot write decoded films: ") + std::strerror(errno));
            done += static_cast<std::size_t>(n);
        }
        m_size += bytes.size();
        return at;
    }
    void read(std::uint64_t at, std::vector<std::uint8_t>& bytes) const {
        std::size_t done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::pread(m_fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(at + done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                throw Error(ErrorCode::Io, m_path, std::string("cannot read decoded films back: ") + std::strerror(errno));
            done += static_cast<std::size_t>(n);
        }
    }

private:
    fs::path m_path;
    int m_fd = -1;
    std::uint64_t m_size = 0;
};

struct Item {
    const FilmEntry* film = nullptr;
    FilmSourceKey key;
    std::optional<std::size_t> reuseIndex;     // position in the previous cache
    std::optional<std::uint64_t> scratchAt;    // offset of freshly decoded pixels
    std::string failure;                       // why it was skipped
};

// Why a film failed, without its name: the reason travels to logs and warnings, where a film is
// named only by a reference (its name may carry a patient number or name).
std::string reasonWithoutName(const std::string& message, const fs::path& path) {
    std::string reason = message;
    const std::string shown = displayPath(path);
    if (reason.rfind(shown + ": ", 0) == 0)
        reason.erase(0, shown.size() + 2);
    for (const std::string& name : {shown, displayPath(path.filename())}) {
        if (name.empty())
            continue;
        for (auto at = reason.find(name); at != std::string::npos; at = reason.find(name, at))
            reason.replace(at, name.size(), "the film");
    }
    return reason;
}

std::optional<FilmCache> openPrevious(const fs::path& cacheFile, int side) {
    std::error_code ec;
    if (!fs::exists(cacheFile, ec))
        return std::nullopt;
    try {
        FilmCache cache = FilmCache::open(cacheFile);
        if (cache.side() != side) {
            logger()->info("film cache {} has side {}, {} asked: rebuilding all films", displayPath(cacheFile),
                           cache.side(), side);
            return std::nullopt;
        }
        return cache;
    } catch (const Error& e) {
        logger()->warn("ignoring the previous film cache: {}", e.what());
        return std::nullopt;
    }
}

}  // namespace

Json FilmCacheInfo::toJson() const {
    Json skippedJson = Json::array();
    for (const auto& s : skipped)
        skippedJson.push_back({{"path", s.path}, {"reason", s.reason}});
    return {{"file", file.string()}, {"side", side},     {"films", films},          {"decoded", decoded},
            {"reused", reused},      {"seconds", seconds}, {"skipped", skippedJson}};
}

int decodingThreads(const FilmCacheBuildOptions& options) {
    if (options.threads > 0)
        return options.threads;
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

FilmCacheInfo buildFilmCache(const std::vector<FilmEntry>& films, const fs::path& cacheFile, int workingSize,
                             ProgressSink* progress, const CancelToken* cancel) {
    FilmCacheBuildOptions options;
    options.workingSize = workingSize;
    return buildFilmCache(films, cacheFile, options, progress, cancel);
}

FilmCacheInfo buildFilmCache(const std::vector<FilmEntry>& films, const fs::path& cacheFile,
                             const FilmCacheBuildOptions& options, ProgressSink* progress, const CancelToken* cancel) {
    const int side = options.workingSize;
    if (side < 8 || side > 4096)
        throw Error(ErrorCode::InvalidInput, "film cache working size must be 8..4096, got " + std::to_string(side));
    EtaEstimator clock;
    clock.start(films.size());

    const auto previous = openPrevious(cacheFile, side);
    std::vector<Item> items;
    std::unordered_set<std::string> seen;
    std::vector<std::size_t> toDecode;
    for (const auto& f : films) {
        Item item;
        item.film = &f;
        try {
            item.key = currentSourceKey(f.path);
        } catch (const Error& e) {
            item.key.path = cacheKeyPath(f.path);
            item.failure = e.what();
        }
        if (!seen.insert(item.key.path).second)
            continue;  // the same film listed twice (e.g. train and a merged val)
        if (item.failure.empty() && previous) {
            const auto i = previous->find(item.key.path);
            if (i && previous->sourceKey(*i) == item.key && previous->label(*i) == f.label)
                item.reuseIndex = *i;
        }
        if (item.failure.empty() && !item.reuseIndex)
            toDecode.push_back(items.size());
        items.push_back(std::move(item));
    }

    if (!cacheFile.parent_path().empty()) {
        std::error_code ec;
        fs::create_directories(cacheFile.parent_path(), ec);
        if (ec)
            throw Error(ErrorCode::Io, cacheFile.parent_path(), "cannot create the cache folder: " + ec.message());
    }
    // Decode on worker threads; the calling thread reports progress and watches the cancel token,
    // so a sink is only ever called from the thread that started the build.
    ScratchFile scratch(cacheFile);
    std::mutex mutex;
    std::condition_variable changed;
    std::atomic<std::size_t> nextJob{0};
    std::atomic<bool> stop{false};
    std::size_t finished = 0;
    std::optional<Error> fatal;
    const FilmPreprocessor preprocessor(options.preprocess);
    auto worker = [&] {
        for (;;) {
            const std::size_t job = nextJob.fetch_add(1);
            if (job >= toDecode.size() || stop.load())
                return;
            Item& item = items[toDecode[job]];
            std::vector<std::uint8_t> pixels;
            std::string failure;
            try {
                pixels = preprocessor.fileToGrey8(item.film->path, side);
            } catch (const std::exception& e) {  // cxr::Error, bad_alloc: skip this film, report why
                failure = e.what();
            }
            std::lock_guard<std::mutex> lock(mutex);
            try {
                if (failure.empty())
                    item.scratchAt = scratch.append(pixels);
                else
                    item.failure = failure;
            } catch (const Error& e) {
                fatal = e;
                stop = true;
            }
            ++finished;
            changed.notify_all();
        }
    };
    const int threadCount = std::max(1, std::min<int>(decodingThreads(options), static_cast<int>(toDecode.size())));
    std::vector<std::thread> threads;
    if (!toDecode.empty())
        for (int t = 0; t < threadCount; ++t)
            threads.emplace_back(worker);
    EtaEstimator eta;
    eta.start(toDecode.size());
    {
        std::unique_lock<std::mutex> lock(mutex);
        std::size_t reported = static_cast<std::size_t>(-1);
        while (finished < toDecode.size() && !stop) {
            changed.wait_for(lock, std::chrono::milliseconds(100));
            if (cancel && cancel->isCancelled())
                stop = true;
            if (progress && finished != reported) {
                reported = finished;
                const Progress p{Notice("stage.decoding_films"), finished, toDecode.size(), eta.update(finished)};
                lock.unlock();
                progress->onProgress(p);
                lock.lock();
            }
        }
    }
    for (auto& t : threads)
        t.join();
    if (fatal)
        throw *fatal;
    if (cancel)
        cancel->throwIfCancelled("building the film cache");

    FilmCacheInfo info;
    info.file = cacheFile;
    info.side = side;
    // A class of a split whose films all failed would silently train or test without it.
    std::map<std::pair<std::string, int>, std::pair<std::size_t, std::string>> perClass;  // ok count, first failure
    std::vector<FilmCacheRecord> records;
    std::vector<const Item*> kept;
    for (const auto& item : items) {
        auto& slot = perClass[{item.film->split, item.film->label}];
        if (!item.failure.empty()) {
            const std::string reason = reasonWithoutName(item.failure, item.film->path);
            info.skipped.push_back({item.key.path, reason});
            if (slot.second.empty())
                slot.second = reason;
            continue;
        }
        ++slot.first;
        records.push_back({item.key, item.film->label});
        kept.push_back(&item);
        ++(item.reuseIndex ? info.reused : info.decoded);
    }
    for (const auto& [key, value] : perClass) {
        if (value.first == 0) {
            std::string className;
            for (const auto& f : films)
                if (f.split == key.first && f.label == key.second)
                    className = f.className;
            throw Error(ErrorCode::InvalidInput,
                        "no readable film of class " + className + " in the " + key.first +
                            " split; the first failure: " + value.second);
        }
    }
    for (const auto& s : info.skipped)
        logger()->warn("skipped an unreadable film: {}", s.reason);

    if (progress)
        progress->onProgress({Notice("stage.writing_cache"), 0, records.size(), -1});
    std::vector<std::uint8_t> buffer(static_cast<std::size_t>(side) * side);
    writeFilmCache(cacheFile, side, records, [&](std::size_t i) -> const std::uint8_t* {
        const Item& item = *kept[i];
        if (item.reuseIndex)
            return previous->image(*item.reuseIndex);
        scratch.read(*item.scratchAt, buffer);
        return buffer.data();
    });
    info.films = records.size();
    info.seconds = clock.elapsedSeconds();
    if (progress)
        progress->onProgress({Notice("stage.writing_cache"), records.size(), records.size(), 0});
    logger()->info("film cache {}: {} films ({} decoded, {} reused, {} skipped) in {:.1f} s", displayPath(cacheFile),
                   info.films, info.decoded, info.reused, info.skipped.size(), info.seconds);
    return info;
}

}  // namespace cxr::data
