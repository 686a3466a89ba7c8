#pragma once
// C-STORE (Storage SCU): sending DICOM files to a node on one association, with each file's
// own status, so the result objects CXR Studio makes reach the PACS.
#include <filesystem>
#include <string>
#include <vector>

#include "core/common/cancel_token.h"
#include "core/pacs/dicom_node.h"

namespace cxr::pacs {

// One file's outcome.
struct StoredFile {
    std::filesystem::path file;
    std::string sopClassUid, sopInstanceUid;
    bool stored = false;              // the node answered success or a warning
    unsigned short status = 0xFFFF;   // the node's C-STORE status (0 = success, 0xBxxx warnings)
    std::string problem;              // why not, or the warning, naming the node and the file
};

struct StoreResult {
    std::vector<StoredFile> files;  // in the order given
    bool cancelled = false;         // files after the cancel were not sent (stored = false)
    bool allStored() const;
};

// Reads each file's SOP class, instance and transfer syntax (before connecting), offers one
// presentation context per SOP class with the files' transfer syntaxes plus explicit and
// implicit little endian, and sends the files in order on one association. A file the node
// refuses or answers with a failure status is reported in its StoredFile and the rest are still
// sent. Throws cxr::Error: InvalidInput naming a file that is not readable DICOM (nothing is
// sent then), or naming the node when it rejects the association or accepts none of the SOP
// classes; Io naming the node when it does not answer within the timeouts or the association
// breaks.
StoreResult storeFiles(const DicomNode& node, const AssociationSettings& settings,
                       const std::vector<std::filesystem::path>& files, const CancelToken* cancel = nullptr);

}  // namespace cxr::pacs
