#pragma once
// Builds the film cache (film_cache.h): each film decoded once through the model's preprocessing
// chain (data::FilmPreprocessor: full decode, the film's own display window, one area resize to
// the working size) and reused on the next build while its path, size and mtime are unchanged.
// Written atomically (temp file + rename).
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "core/common/cancel_token.h"
#include "core/common/json_io.h"
#include "core/common/progress.h"
#include "core/data/film_entry.h"
#include "core/model/preprocess_spec.h"

namespace cxr::data {

struct FilmCacheBuildOptions {
    // Films are stretched to workingSize x workingSize (like the seed's Resize((224, 224))), so
    // a later resize or random crop to the model size sees the whole film.
    // Evaluation caches use the model's input size, so val/test films and `cxr predict` see
    // the same single resize; the training cache is larger and augmentation crops from it.
    int workingSize = 256;
    int threads = 0;  // decoding threads; 0: every core (decodingThreads())
    model::PreprocessSpec preprocess;  // the chain's film side (decode, window, filter)
};

// The decoding threads `options` asks for: its count, or one per hardware thread when 0 (the
// cache build is the run's start; nothing else needs the cores then).
int decodingThreads(const FilmCacheBuildOptions& options);

struct FilmCacheProblem {
    std::string path;    // absolute
    std::string reason;  // names no file: callers name the film as they may
};

struct FilmCacheInfo {
    std::filesystem::path file;
    int side = 0;
    std::size_t films = 0;    // films in the cache now
    std::size_t decoded = 0;  // decoded in this build
    std::size_t reused = 0;   // copied from the previous cache unchanged
    std::vector<FilmCacheProblem> skipped;  // unreadable films, with why
    double seconds = 0;
    Json toJson() const;
};

// Throws cxr::Error(InvalidInput) when every film of a class in one split was unreadable (the
// message names the class and split and the first reason, not the film), Cancelled when `cancel` fires (the
// previous cache file is then left as it was), Io when the cache cannot be written.
FilmCacheInfo buildFilmCache(const std::vector<FilmEntry>& films, const std::filesystem::path& cacheFile,
                             const FilmCacheBuildOptions& options, ProgressSink* progress = nullptr,
                             const CancelToken* cancel = nullptr);
FilmCacheInfo buildFilmCache(const std::vector<FilmEntry>& films, const std::filesystem::path& cacheFile,
                             int workingSize = 256, ProgressSink* progress = nullptr,
                             const CancelToken* cancel = nullptr);

}  // namespace cxr::data
