#pragma once
// What C-GET and C-MOVE share: checking the request, the Study Root identifier, and reading
// the node's final response into the result. Internal to core/pacs.
#include <string>

#include "core/pacs/retrieve.h"

class DcmDataset;

namespace cxr::pacs::detail {

// Throws Error(InvalidInput) for a missing or malformed study/series UID or an empty folder.
void checkRetrieveRequest(const RetrieveRequest& request);

// QueryRetrieveLevel STUDY or SERIES with the UIDs.
void buildRetrieveKeys(const RetrieveRequest& request, DcmDataset& keys);

// The final C-GET/C-MOVE response: counts, cancel, problems. Throws Error(InvalidInput) naming
// the node when it refused the retrieve and nothing arrived, or when it had nothing to send.
void finishRetrieve(const DicomNode& node, const RetrieveRequest& request, unsigned short status,
                    const std::string& errorComment, const std::string& failedUids, bool cancelSent,
                    RetrieveResult& result);

}  // namespace cxr::pacs::detail
