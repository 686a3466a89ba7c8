#pragma once
// The one place a declared geometry is checked against LoadOptions, before any decoder runs.
#include <cstdint>
#include <filesystem>

#include "core/imaging/load_film.h"

namespace cxr::imaging::detail {

// Throws Corrupt for an empty geometry and TooLarge over the options' limits, naming the file.
void checkDimensions(std::int64_t width, std::int64_t height, const std::filesystem::path& name,
                     const LoadOptions& options);

}  // namespace cxr::imaging::detail
