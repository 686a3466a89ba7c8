#pragma once
// Writes a film cache file (format in film_cache.h) atomically: a temporary file beside the
// target, flushed, then renamed over it. Pixels are streamed, so a 5,000-film cache never sits
// whole in memory. Lives next to the reader (cxr_ml) so the format is defined in one place.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <vector>

#include "core/data/film_cache.h"

namespace cxr::data {

struct FilmCacheRecord {
    FilmSourceKey key;
    int label = -1;
};

// `pixels(i)` returns side*side bytes for record i (called once each, in order). Throws
// cxr::Error(Io) naming the file; the previous cache file is then left intact.
void writeFilmCache(const std::filesystem::path& file, int side, const std::vector<FilmCacheRecord>& records,
                    const std::function<const std::uint8_t*(std::size_t)>& pixels);

}  // namespace cxr::data
