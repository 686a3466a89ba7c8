#include "core/pacs/retrieve_detail.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmnet/dimse.h>

#include "core/common/error.h"
#include "core/pacs/association.h"

namespace cxr::pacs::detail {

void checkRetrieveRequest(const RetrieveRequest& request) {
    if (request.studyInstanceUid.empty())
        throw Error(ErrorCode::InvalidInput, "a retrieve needs the study's Instance UID");
    for (const auto* uid : {&request.studyInstanceUid, &request.seriesInstanceUid})
        if (uid->find_first_not_of("0123456789.") != std::string::npos || uid->size() > 64)
            throw Error(ErrorCode::InvalidInput, "\"" + *uid + "\" is not a UID (digits and dots, at most 64)");
    if (request.folder.empty())
        throw Error(ErrorCode::InvalidInput, "a retrieve needs a folder to store the objects in");
}

void buildRetrieveKeys(const RetrieveRequest& request, DcmDataset& keys) {
    const bool series = !request.seriesInstanceUid.empty();
    keys.putAndInsertString(DCM_QueryRetrieveLevel, series ? "SERIES" : "STUDY");
    keys.putAndInsertString(DCM_StudyInstanceUID, request.studyInstanceUid.c_str());
    if (series) keys.putAndInsertString(DCM_SeriesInstanceUID, request.seriesInstanceUid.c_str());
}

void finishRetrieve(const DicomNode& node, const RetrieveRequest& request, unsigned short status,
                    const std::string& errorComment, const std::string& failedUids, bool cancelSent,
                    RetrieveResult& result) {
    const std::string what = request.seriesInstanceUid.empty() ? "study " + request.studyInstanceUid
                                                               : "series " + request.seriesInstanceUid;
    const std::string comment = errorComment.empty() ? "" : ": " + errorComment;
    if (status == STATUS_GET_Cancel_SubOperationsTerminatedDueToCancelIndication || cancelSent) {
        result.cancelled = true;
        return;
    }
    if (!failedUids.empty())
        result.problems.push_back("the node could not send " + failedUids);
    if (status == STATUS_Success || status == STATUS_GET_Warning_SubOperationsCompleteOneOrMoreFailures) {
        if (status != STATUS_Success && failedUids.empty())
            result.problems.push_back("the node reports " + std::to_string(result.counts.failed) +
                                      " object(s) it could not send" + comment);
        if (result.instances.empty() && result.counts.failed == 0 && result.counts.warning == 0)
            throw Error(ErrorCode::InvalidInput, node.toString() + ": the node has no objects for " + what);
        return;
    }
    if (result.instances.empty())
        throw Error(ErrorCode::InvalidInput, node.toString() + ": the node refused to send " + what + " (status " +
                                                 statusText(status) + comment + "); does it hold that " +
                                                 (request.seriesInstanceUid.empty() ? "study" : "series") + "?");
    result.problems.push_back("the node ended the retrieve with status " + statusText(status) + comment);
}

}  // namespace cxr::pacs::detail
