#include "core/data/film_preprocessor.h"

#include <string>
#include <utility>

#include "core/common/error.h"
#include "core/imaging/display.h"

namespace cxr::data {

FilmPreprocessor::FilmPreprocessor(model::PreprocessSpec spec) : m_spec(std::move(spec)) {}

imaging::LoadOptions FilmPreprocessor::loadOptions() const {
    imaging::LoadOptions options;
    options.minDecodeSide = 0;  // "decode": "full" — a reduced JPEG decode gives other pixels
    options.readTags = false;
    return options;
}

std::vector<std::uint8_t> FilmPreprocessor::toGrey8(const imaging::Film& film, int side) const {
    if (side <= 0)
        side = m_spec.imageSize;
    if (film.width <= 0 || film.height <= 0 ||
        film.pixels.size() != static_cast<std::size_t>(film.width) * static_cast<std::size_t>(film.height))
        throw Error(ErrorCode::InvalidInput, "the film has no pixels");
    if (film.meta.decodeReduction > 1)
        throw Error(ErrorCode::InvalidInput,
                    "the film was decoded at 1/" + std::to_string(film.meta.decodeReduction) +
                        " scale; the model's preprocessing decodes at full resolution");
    // "window": "film" — the film's own window (identity for 8-bit raster films); "filter":
    // "area" — one resize straight to the side, area averaging when shrinking.
    const std::vector<std::uint8_t> display = imaging::toDisplay8(film);
    return imaging::resizeGrey8(display, film.width, film.height, side, side);
}

std::vector<std::uint8_t> FilmPreprocessor::fileToGrey8(const std::filesystem::path& path, int side) const {
    return toGrey8(imaging::loadFilm(path, loadOptions()), side);
}

}  // namespace cxr::data
