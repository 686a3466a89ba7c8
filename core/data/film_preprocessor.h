#pragma once
// FilmPreprocessor: the film side of a model's preprocessing chain (model/preprocess_spec.h),
// the one implementation the film cache, `cxr evaluate`, the trainer's validation and test
// films and the Diagnoser behind `cxr predict` and the GUI all use, so every figure CXR Studio
// reports is measured on the pixels a user's calls see. It decodes (full resolution), applies
// the film's display window to 8 bit and resizes once to a square side.
#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/imaging/film.h"
#include "core/imaging/load_film.h"
#include "core/model/preprocess_spec.h"

namespace cxr::data {

class FilmPreprocessor {
public:
    explicit FilmPreprocessor(model::PreprocessSpec spec = {});

    const model::PreprocessSpec& spec() const { return m_spec; }

    // How a file is decoded for the chain: full resolution (no JPEG DCT scaling), no tag panel.
    imaging::LoadOptions loadOptions() const;

    // Film -> side x side 8-bit grey, row-major. side 0 = the model's input size; the training
    // cache asks for a larger side and crops from it. Throws cxr::Error(InvalidInput) when the
    // film has no pixels, or when it was decoded at a reduced scale (its pixels are then not
    // the chain's: load it with loadOptions()).
    std::vector<std::uint8_t> toGrey8(const imaging::Film& film, int side = 0) const;

    // loadFilm(path, loadOptions()) then toGrey8.
    std::vector<std::uint8_t> fileToGrey8(const std::filesystem::path& path, int side = 0) const;

private:
    model::PreprocessSpec m_spec;
};

}  // namespace cxr::data
