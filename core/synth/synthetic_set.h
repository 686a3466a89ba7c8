#pragma once
// makeSyntheticSet: writes a whole synthetic chest X-ray set in the Kaggle layout
// (ROOT/train|val|test/NORMAL|PNEUMONIA/<Kermany-style names>) plus, beside it:
//   ROOT/opacities.csv  split,class,file,x0,y0,x1,y1   one row per opacity box (film pixels,
//                       x1/y1 exclusive; `file` relative to ROOT with '/')
//   ROOT/films.csv      split,class,subtype,patient,file,width,height,format,photometric,
//                       transfer_syntax,opacities      one row per film
//   ROOT/synth.json     the options and the summary (marks the folder as a synthetic set)
// Deterministic: the same options give byte-identical files. Films are rendered on all cores.
#include <filesystem>
#include <optional>

#include "core/common/cancel_token.h"
#include "core/common/progress.h"
#include "core/synth/synth_options.h"

namespace cxr::synth {

// Refuses (InvalidInput) a non-empty ROOT that is not an earlier synthetic set; an earlier set
// there is replaced. Throws Cancelled when `cancel` fires; then, as after any failure while
// writing, the films written so far are removed (and ROOT itself when this call created it).
SynthSummary makeSyntheticSet(const std::filesystem::path& root, const SynthOptions& options,
                              ProgressSink* progress = nullptr, const CancelToken* cancel = nullptr);

// The summary of an existing set (from ROOT/synth.json), or nullopt when ROOT holds none.
std::optional<SynthSummary> readSyntheticSetSummary(const std::filesystem::path& root);

}  // namespace cxr::synth
