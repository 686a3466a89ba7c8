#pragma once
// The overlay a reader looks at, as a DICOM Secondary Capture image (SC Image Storage, RGB,
// 8 bits): the film with the class activation map and the research-use statement burned in, in
// the film's own study, so any PACS viewer shows it next to the film.
#include <filesystem>

#include "core/pacs/ai_result.h"

namespace cxr::pacs {

// Writes `result.overlay` (whose pixels already carry the burned-in statement) about the DICOM
// film `sourceFile` to `outFile`: same Study Instance UID, its own new series and instance
// (UIDs below kCxrUidRoot), the source's Patient and Study modules copied, Burned In Annotation
// YES, Image Type DERIVED\SECONDARY, Source Image and Derivation sequences referencing the
// film. Throws cxr::Error naming the file: InvalidInput when there is no overlay or the source
// is not a DICOM film with the UIDs a reference needs, Io when the file cannot be written.
DerivedObject writeSecondaryCapture(const std::filesystem::path& sourceFile, const AiResult& result,
                                    const std::filesystem::path& outFile);

}  // namespace cxr::pacs
