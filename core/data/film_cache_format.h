#pragma once
// The film cache's on-disk constants, shared by its reader and writer (layout in film_cache.h).
#include <cstddef>
#include <cstdint>

namespace cxr::data::cache_format {

constexpr char kMagic[8] = {'C', 'X', 'R', 'F', 'C', 'A', 'C', 'H'};
// 2: pixels made by data::FilmPreprocessor (full-resolution decode); version 1 caches
// used a reduced JPEG decode and are rebuilt.
constexpr std::uint32_t kVersion = 2;
constexpr std::size_t kHeaderSize = 64;
constexpr std::size_t kRecordSize = 32;
constexpr std::size_t kPixelAlignment = 4096;  // page-aligned pixels for the mapping

}  // namespace cxr::data::cache_format
