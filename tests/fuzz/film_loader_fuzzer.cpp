// libFuzzer target: bytes -> imaging::loadFilmFromMemory. The contract under test: any input
// ends in a Film or a cxr::Error; anything else (another exception, a crash, a sanitizer
// report, a hang, a leak) is a finding.
#include <cstddef>
#include <cstdint>

#include "core/common/error.h"
#include "core/imaging/load_film.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    cxr::imaging::LoadOptions options;
    // Within libFuzzer's default 2 GB RSS limit; the real limits are tested by BadInput.*.
    options.maxSide = 8192;
    options.maxPixels = 4096LL * 4096LL;
    try {
        const cxr::imaging::Film film = cxr::imaging::loadFilmFromMemory(data, size, "fuzz.dcm", options);
        if (film.pixels.size() != static_cast<std::size_t>(film.width) * static_cast<std::size_t>(film.height))
            __builtin_trap();  // a film must hold exactly its pixels
    } catch (const cxr::Error&) {
    }
    return 0;
}
