#pragma once
// How a rendered ChestFilm becomes stored pixels: 8-bit grey for JPEG sets, 12-bit stored values
// and a DICOM DX header with plausible (synthetic) patient and study tags for DICOM sets.
#include <cstdint>
#include <string>
#include <vector>

#include "imaging/film_writer.h"
#include "synth/chest_phantom.h"
#include "synth/film_plan.h"

namespace cxr::synth {

inline constexpr int kSynthBitsStored = 12;

std::vector<std::uint8_t> toGrey8(const ChestFilm& film);

// 12-bit stored values; MONOCHROME1 stores the inverse, so every viewer shows the same picture.
std::vector<std::uint16_t> toStored12(const ChestFilm& film, const std::string& photometric);

// The DICOM DX film for `plan`: stored pixels, window (absent on every third pair of films, so
// readers' fallback windows get exercised), pixel spacing, DX/CHEST/PA|AP metadata, and
// synthetic identifiers derived from the seeds (so de-identification has something to remove).
imaging::DicomImage makeDicomImage(const FilmPlan& plan, const ChestFilm& film);

}  // namespace cxr::synth
