#pragma once
// Retrieve (Study Root Query/Retrieve): a study's or series' objects from a PACS into a folder,
// by C-GET (on our own association: works without the PACS knowing our address) or C-MOVE (the
// PACS sends them to a Storage SCP we run for the transfer, under an AE title it knows). Every
// object is stored through storeInstance (one file per SOP Instance UID, atomically) and
// reported as it arrives, so the caller can diagnose while the rest is still coming.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/common/cancel_token.h"
#include "core/pacs/dicom_node.h"
#include "core/pacs/instance_store.h"

namespace cxr::pacs {

struct RetrieveRequest {
    std::string studyInstanceUid;   // required
    std::string seriesInstanceUid;  // optional: one series of the study
    std::filesystem::path folder;   // where the objects are stored
};

// Sub-operation counts as the PACS reports them; `remaining` may be -1 (not said).
struct RetrieveCounts {
    int completed = 0, failed = 0, warning = 0, remaining = -1;
};

// Called on the retrieving thread for each stored object, with the counts so far.
using OnInstance = std::function<void(const ReceivedInstance& instance, const RetrieveCounts& counts)>;

struct RetrieveResult {
    std::vector<ReceivedInstance> instances;  // everything stored, in arrival order
    RetrieveCounts counts;
    bool cancelled = false;  // what arrived before the cancel stays in `instances` and on disk
    std::vector<std::string> problems;  // objects the PACS could not send or we could not store
};

// C-GET. Throws cxr::Error naming the node: Io (no answer within the timeouts), InvalidInput
// (association or request rejected, or no such study). Cancel sends C-CANCEL and returns what
// arrived, `cancelled` set; no partial files are left.
RetrieveResult retrieveByGet(const DicomNode& node, const AssociationSettings& settings, const RetrieveRequest& request,
                             const OnInstance& onInstance = {}, const CancelToken* cancel = nullptr);

// C-MOVE to `settings.callingAeTitle`, which the PACS must know at this machine's address and
// `storePort`; a Storage SCP runs on `storePort` for the transfer. Same errors as retrieveByGet,
// plus Io when `storePort` cannot be bound.
RetrieveResult retrieveByMove(const DicomNode& node, const AssociationSettings& settings, const RetrieveRequest& request,
                              int storePort, const OnInstance& onInstance = {}, const CancelToken* cancel = nullptr);

}  // namespace cxr::pacs
