#pragma once
// FilmPlan: everything decided about one synthetic film before a pixel is drawn: where it goes
// (split, class, Kermany-style file name), whose it is (patient), its geometry, its seeds and,
// for DICOM sets, its photometric interpretation and transfer syntax. Planning is separate from
// rendering so tests (and callers) can re-render any film of a set from its plan alone.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/imaging/film_writer.h"
#include "core/synth/synth_options.h"

namespace cxr::synth {

inline constexpr const char* kNormal = "NORMAL";
inline constexpr const char* kPneumonia = "PNEUMONIA";

struct FilmPlan {
    int index = 0;              // position in the set; drives the DICOM variant cycle
    std::string split;          // "train", "val", "test"
    std::string className;      // kNormal or kPneumonia
    std::string subtype;        // "bacteria" or "virus" for PNEUMONIA, "" for NORMAL
    std::string patientId;      // "person12", "IM-0042", "NORMAL2-IM-0107"
    int filmOfPatient = 0;      // 0-based: a patient may have several films
    std::filesystem::path relativePath;  // e.g. train/PNEUMONIA/person12_bacteria_41.jpeg
    std::uint64_t patientSeed = 0;       // anatomy shared by all films of a patient
    std::uint64_t filmSeed = 0;          // pose, noise, opacities of this film
    int width = 0, height = 0;
    bool dicom = false;
    imaging::DicomSyntax syntax = imaging::DicomSyntax::ExplicitLittle;
    std::string photometric = "MONOCHROME2";

    bool pneumonia() const { return className == kPneumonia; }
};

// The transfer syntaxes a DICOM set cycles through, in order (every DicomSyntax).
const std::vector<imaging::DicomSyntax>& synthDicomSyntaxes();

// Deterministic: the same options give the same plan. Throws cxr::Error(InvalidInput) on bad
// options. Class balance per split follows the Kaggle set (train ~74 % PNEUMONIA, val 50 %,
// test ~62 %); bacteria:virus ~2:1; 1-4 films per patient; patients never span splits.
std::vector<FilmPlan> planSyntheticSet(const SynthOptions& options);

}  // namespace cxr::synth
