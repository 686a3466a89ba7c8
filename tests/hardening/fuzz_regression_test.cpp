// Every film the fuzzer (tests/fuzz) flagged, kept under tests/fuzz/regressions/films/: each
// must end in a film or a cxr::Error, never another exception or a crash. (The weight reader's
// fuzzer has found nothing yet.)
#include <filesystem>
#include <vector>

#include <gtest/gtest.h>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/imaging/load_film.h"

namespace cxr {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> regressions(const char* kind) {
    std::vector<fs::path> files;
    const fs::path dir = fs::path(CXR_SOURCE_DIR) / "tests" / "fuzz" / "regressions" / kind;
    if (fs::is_directory(dir))
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.is_regular_file())
                files.push_back(entry.path());
    return files;
}

TEST(FuzzRegressions, FilmInputsEndInAFilmOrACxrError) {
    const auto files = regressions("films");
    EXPECT_FALSE(files.empty());
    for (const auto& file : files) {
        const auto bytes = readFileBytes(file);
        try {
            const auto film = imaging::loadFilmFromMemory(bytes.data(), bytes.size(), file.filename().string());
            EXPECT_EQ(film.pixels.size(), static_cast<std::size_t>(film.width) * film.height) << file;
        } catch (const Error&) {
        } catch (const std::exception& e) {
            ADD_FAILURE() << file << ": " << e.what();
        }
    }
}

}  // namespace
}  // namespace cxr
