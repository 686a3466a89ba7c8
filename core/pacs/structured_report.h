#pragma once
// The model's result on a film as a DICOM Structured Report (Enhanced SR, TID 1500 Measurement
// Report, built with DCMTK's cmr templates): readable by any PACS viewer and by programs, and
// stored in the film's own study so it is found where the film is read.
//
// Tree: Imaging Measurement Report > language (en-US), device observer (CXR Studio and the
// model), procedure reported (plain chest X-ray), image library (the source film), a
// measurement group (tracking ID and UID, finding = the positive class, e.g. SCT 233604007
// Pneumonia, finding site lung) holding
//   - Probability (DCM 122157) of the finding, unit {ratio}, inferred from an Image Region
//     SCOORD POINT at the CAM peak on the source image, with Algorithm Name/Version (TID 4019:
//     the model's name and its weights' SHA-256);
//   - Threshold Value (DCM 122411), unit {ratio};
//   - the qualitative call, finding = Present (SCT 52101004) or Absent (SCT 2667000);
// and a report-level Comment (DCM 121106) carrying AiResult::statement.
#include <filesystem>

#include "core/pacs/ai_result.h"

namespace cxr::pacs {

// Writes the report for `result` about the DICOM film `sourceFile` to `outFile`: same Study
// Instance UID, a new series and instance (UIDs below kCxrUidRoot), modality SR, the source's
// Patient and Study modules copied. Throws cxr::Error naming the file: InvalidInput when the
// source is not a DICOM film with the UIDs a reference needs, Internal when DCMTK refuses the
// tree (a bug), Io when the file cannot be written.
DerivedObject writeStructuredReport(const std::filesystem::path& sourceFile, const AiResult& result,
                                    const std::filesystem::path& outFile);

}  // namespace cxr::pacs
