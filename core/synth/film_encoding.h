#pragma once
// How a rendered ChestFilm becomes stored pixels: 8-bit grey for JPEG sets, 12-bit stored values
// and a DICOM DX header with plausible (synthetic) patient and study tags for DICOM sets.
#include <cstdint>
#include <string>
#include <vector>

#include "core/imaging/film_writer.h"
#include "core/synth/chest_phantom.h"
#include "core/synth/film_plan.h"

namespace cxr::synth {

inline constexpr int kSynthBitsStored = 12;

// The window a modality would set: the 1st..99th percentile of the stored values (centre and
// width in stored units, as in the DICOM header).
struct StoredWindow {
    double center = 0, width = 1;
};
StoredWindow percentileStoredWindow(std::vector<std::uint16_t> stored);

// The 8-bit film a PACS export writes: the MONOCHROME2 stored values through that window, as a
// viewer shows the DICOM film. A JPEG set and a DICOM set of the same films thus look the same to
// a model; a plain 0..1 -> 0..255 mapping left the JPEGs dim (99th percentile near 150) and a
// model trained on them called the windowed DICOM films NORMAL.
std::vector<std::uint8_t> toGrey8(const ChestFilm& film);

// 12-bit stored values; MONOCHROME1 stores the inverse, so every viewer shows the same picture.
std::vector<std::uint16_t> toStored12(const ChestFilm& film, const std::string& photometric);

// The DICOM DX film for `plan`: stored pixels, window (absent on every third pair of films, so
// readers' fallback windows get exercised), pixel spacing, DX/CHEST/PA|AP metadata, and
// synthetic identifiers derived from the seeds (so de-identification has something to remove).
imaging::DicomImage makeDicomImage(const FilmPlan& plan, const ChestFilm& film);

}  // namespace cxr::synth
