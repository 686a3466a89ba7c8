#pragma once
// C-FIND (Study Root Query/Retrieve): what a PACS holds, at study, series or instance level.
// File ▸ Open from PACS… and `cxr pacs find` run it. Matches carry patient names and IDs: they
// are shown to the user (it is the user's own PACS) and never logged.
#include <functional>
#include <string>
#include <vector>

#include "core/common/cancel_token.h"
#include "core/pacs/dicom_node.h"

namespace cxr::pacs {

enum class QueryLevel { Study, Series, Instance };
const char* queryLevelName(QueryLevel level);              // "study", "series", "instance"
QueryLevel queryLevelFromName(const std::string& name);    // throws InvalidInput

struct QueryFilter {
    QueryLevel level = QueryLevel::Study;
    std::string patientName;   // DICOM wildcards * and ? allowed ("DOE^*")
    std::string patientId;     // wildcards allowed
    std::string dateFrom, dateTo;  // YYYYMMDD each, either may be empty (open range)
    std::vector<std::string> modalities;  // e.g. {"CR","DX","DR"}; empty = any
    std::string accessionNumber;
    std::string studyInstanceUid;   // required for series and instance level
    std::string seriesInstanceUid;  // required for instance level
};

// "FROM-TO", "FROM-", "-TO" or one date, each YYYYMMDD or YYYY-MM-DD; sets dateFrom/dateTo.
// Throws InvalidInput naming the text.
void parseDateRange(const std::string& text, QueryFilter& filter);

struct QueryMatch {
    QueryLevel level = QueryLevel::Study;
    std::string patientName, patientId, patientBirthDate, patientSex;
    std::string studyInstanceUid, studyDate, studyTime, studyDescription, accessionNumber;
    std::string modalities;  // study: ModalitiesInStudy joined with ','; series/instance: Modality
    int studyRelatedInstances = -1;  // -1 = the PACS did not say
    std::string seriesInstanceUid, seriesDescription;
    int seriesNumber = -1, seriesRelatedInstances = -1;
    std::string sopInstanceUid, sopClassUid;
    int instanceNumber = -1;
};

// DCMTK's name of a SOP class ("DigitalXRayImageStorageForPresentation"), or the UID itself.
std::string sopClassName(const std::string& sopClassUid);

// Queries `node`; returns every match (the PACS's order). Throws cxr::Error naming the node: Io
// when it does not answer within the timeouts, InvalidInput when it rejects the association or
// the query (its status), Cancelled when `cancel` is set (a C-CANCEL is sent).
std::vector<QueryMatch> findMatches(const DicomNode& node, const AssociationSettings& settings,
                                    const QueryFilter& filter, const CancelToken* cancel = nullptr);

}  // namespace cxr::pacs
