#pragma once
// The model's result on a DICOM film, back to the PACS the film came from: a TID 1500
// Structured Report and a Secondary Capture of the film with the class activation map and the
// research-use statement burned in, both in the film's study, sent by C-STORE. `cxr pacs send`,
// `cxr listen --send-results` and the GUI all call sendResults.
#include <filesystem>
#include <vector>

#include "core/common/cancel_token.h"
#include "core/diagnosis/diagnosis.h"
#include "core/diagnosis/overlay.h"
#include "core/imaging/film.h"
#include "core/pacs/ai_result.h"
#include "core/pacs/dicom_node.h"
#include "core/pacs/store_scu.h"

namespace cxr::workflows {

struct ResultsOptions {
    bool overlay = true;           // send the Secondary Capture with the overlay
    bool structuredReport = true;  // send the TID 1500 report
    // Where the result files are written (kept); empty: a temporary folder, removed after sending.
    std::filesystem::path folder;
    int maxOverlaySide = 2048;     // the overlay at the film's size, shrunk so its long side fits
    diagnosis::OverlayOptions overlayStyle;
};

// The overlay picture and where its burned-in text band starts: rows above `textTop` are the
// film with the heat map exactly as makeOverlayRgb makes it; rows from `textTop` down carry
// the statement and the call, white on black.
struct OverlayPicture {
    pacs::RgbImage image;
    int textTop = 0;
};

// `film`: the film as loaded from the DICOM file (full resolution); `diagnosis` its diagnosis
// with a class activation map. Throws cxr::Error(InvalidInput) when the diagnosis has no map.
OverlayPicture makeResultOverlay(const imaging::Film& film, const diagnosis::Diagnosis& diagnosis,
                                 const diagnosis::ModelInfo& model, const ResultsOptions& options = {});

// The AiResult of `diagnosis` on `film`: the call and probability of the positive class
// (classes[1] of a two-class model), the threshold, the model's name and SHA-256, the CAM peak
// in the film's pixel coordinates (when the diagnosis has a map), and the overlay picture when
// options.overlay is set.
pacs::AiResult makeAiResult(const imaging::Film& film, const diagnosis::Diagnosis& diagnosis,
                            const diagnosis::ModelInfo& model, const ResultsOptions& options = {});

struct SentResults {
    pacs::AiResult result;
    std::vector<pacs::DerivedObject> objects;  // what was written and sent: the SR, then the SC
    pacs::StoreResult store;
};

// Loads the DICOM film `sourceFile` (which `diagnosis` was made from), builds its AiResult,
// writes the requested objects and sends them to `node`. Throws cxr::Error: InvalidInput naming
// the file when it is not DICOM (results belong to a study) or nothing was requested; errors of
// the node (unreachable within the timeout, association rejected) naming it; Io naming the
// node and file when the node refuses an object. Cancelled through `cancel` before sending.
SentResults sendResults(const pacs::DicomNode& node, const pacs::AssociationSettings& settings,
                        const std::filesystem::path& sourceFile, const diagnosis::Diagnosis& diagnosis,
                        const diagnosis::ModelInfo& model, const ResultsOptions& options = {},
                        const CancelToken* cancel = nullptr);

}  // namespace cxr::workflows
