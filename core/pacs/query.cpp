#include "core/pacs/query.h"

#include <algorithm>
#include <cctype>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/dimse.h>
#include <dcmtk/dcmnet/scu.h>

#include "core/common/error.h"
#include "core/pacs/association.h"

namespace cxr::pacs {

const char* queryLevelName(QueryLevel level) {
    switch (level) {
        case QueryLevel::Study: return "study";
        case QueryLevel::Series: return "series";
        case QueryLevel::Instance: return "instance";
    }
    return "study";
}

QueryLevel queryLevelFromName(const std::string& name) {
    for (const QueryLevel level : {QueryLevel::Study, QueryLevel::Series, QueryLevel::Instance})
        if (name == queryLevelName(level)) return level;
    throw Error(ErrorCode::InvalidInput, "\"" + name + "\" is not a query level (study, series or instance)");
}

namespace {

// YYYYMMDD or YYYY-MM-DD (digits where digits belong; the calendar is checked later).
bool isDateText(const std::string& t) {
    const auto digitsAt = [&](std::initializer_list<size_t> at) {
        for (const size_t i : at)
            if (!std::isdigit(static_cast<unsigned char>(t[i]))) return false;
        return true;
    };
    if (t.size() == 8) return digitsAt({0, 1, 2, 3, 4, 5, 6, 7});
    return t.size() == 10 && t[4] == '-' && t[7] == '-' && digitsAt({0, 1, 2, 3, 5, 6, 8, 9});
}

// "2024-03-01" or "20240301" -> "20240301"; empty stays empty.
std::string dicomDate(const std::string& text, const std::string& whole) {
    std::string digits;
    for (const char c : text)
        if (c != '-') digits += c;
    const bool dashed = text.size() == 10 && text[4] == '-' && text[7] == '-';
    if (text.empty()) return {};
    if ((text.size() != 8 && !dashed) || digits.size() != 8 ||
        digits.find_first_not_of("0123456789") != std::string::npos)
        throw Error(ErrorCode::InvalidInput, "\"" + whole + "\" is not a date range (FROM-TO, FROM-, -TO or one date; "
                                             "each YYYYMMDD or YYYY-MM-DD): \"" + text + "\" is not a date");
    const int month = std::stoi(digits.substr(4, 2)), day = std::stoi(digits.substr(6, 2));
    if (month < 1 || month > 12 || day < 1 || day > 31)
        throw Error(ErrorCode::InvalidInput, "\"" + whole + "\": " + text + " is not a calendar date");
    return digits;
}

}  // namespace

void parseDateRange(const std::string& text, QueryFilter& filter) {
    const auto bad = [&]() {
        return Error(ErrorCode::InvalidInput, "\"" + text + "\" is not a date range (FROM-TO, FROM-, -TO or one date; "
                                              "each YYYYMMDD or YYYY-MM-DD)");
    };
    if (text.empty()) throw bad();
    std::string from, to;
    if (isDateText(text)) {
        from = to = text;  // one day
    } else {
        // The range's dash is the one with a date (or nothing) on either side.
        bool found = false;
        for (size_t p = 0; p < text.size() && !found; ++p) {
            if (text[p] != '-') continue;
            const std::string left = text.substr(0, p), right = text.substr(p + 1);
            if ((left.empty() || isDateText(left)) && (right.empty() || isDateText(right)) &&
                !(left.empty() && right.empty())) {
                from = left;
                to = right;
                found = true;
            }
        }
        if (!found) throw bad();
    }
    filter.dateFrom = dicomDate(from, text);
    filter.dateTo = dicomDate(to, text);
    if (!filter.dateFrom.empty() && !filter.dateTo.empty() && filter.dateFrom > filter.dateTo)
        throw Error(ErrorCode::InvalidInput, "the date range \"" + text + "\" ends before it starts");
}

std::string sopClassName(const std::string& sopClassUid) {
    const char* name = dcmFindNameOfUID(sopClassUid.c_str(), nullptr);
    return name != nullptr ? name : sopClassUid;
}

namespace {

std::string text(DcmItem& item, const DcmTagKey& key) {
    OFString value;
    if (item.findAndGetOFStringArray(key, value).bad()) return {};
    return value.c_str();
}

int number(DcmItem& item, const DcmTagKey& key) {
    const std::string value = text(item, key);
    if (value.empty() || value.find_first_not_of(" +0123456789") != std::string::npos) return -1;
    try {
        return std::stoi(value);
    } catch (const std::exception&) {
        return -1;
    }
}

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string joined(const std::vector<std::string>& values, const char* separator) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : separator) + v;
    return out;
}

void checkFilter(const QueryFilter& f) {
    for (const auto& m : f.modalities)
        if (m.empty() || m.size() > 16 || m.find_first_of("\\*?") != std::string::npos)
            throw Error(ErrorCode::InvalidInput, "\"" + m + "\" is not a modality (e.g. CR, DX, DR)");
    if (f.level != QueryLevel::Study && f.studyInstanceUid.empty())
        throw Error(ErrorCode::InvalidInput, std::string("a query at ") + queryLevelName(f.level) +
                                                 " level needs the study's Instance UID");
    if (f.level == QueryLevel::Instance && f.seriesInstanceUid.empty())
        throw Error(ErrorCode::InvalidInput, "a query at instance level needs the series' Instance UID");
    for (const auto* uid : {&f.studyInstanceUid, &f.seriesInstanceUid})
        if (uid->find_first_not_of("0123456789.") != std::string::npos || uid->size() > 64)
            throw Error(ErrorCode::InvalidInput, "\"" + *uid + "\" is not a UID (digits and dots, at most 64)");
}

// The identifier: the filter's values as matching keys, empty return keys for the rest.
void buildKeys(const QueryFilter& f, DcmDataset& keys) {
    const char* level = f.level == QueryLevel::Study ? "STUDY" : f.level == QueryLevel::Series ? "SERIES" : "IMAGE";
    keys.putAndInsertString(DCM_QueryRetrieveLevel, level);
    keys.putAndInsertString(DCM_StudyInstanceUID, f.studyInstanceUid.c_str());
    if (f.level == QueryLevel::Study) {
        keys.putAndInsertString(DCM_PatientName, f.patientName.c_str());
        keys.putAndInsertString(DCM_PatientID, f.patientId.c_str());
        keys.putAndInsertString(DCM_PatientBirthDate, "");
        keys.putAndInsertString(DCM_PatientSex, "");
        std::string range;
        if (!f.dateFrom.empty() || !f.dateTo.empty())
            range = f.dateFrom == f.dateTo ? f.dateFrom : f.dateFrom + "-" + f.dateTo;
        keys.putAndInsertString(DCM_StudyDate, range.c_str());
        keys.putAndInsertString(DCM_StudyTime, "");
        keys.putAndInsertString(DCM_StudyDescription, "");
        keys.putAndInsertString(DCM_AccessionNumber, f.accessionNumber.c_str());
        // Several modalities: one value each (backslash), matching any of them.
        keys.putAndInsertString(DCM_ModalitiesInStudy, upper(joined(f.modalities, "\\")).c_str());
        keys.putAndInsertString(DCM_NumberOfStudyRelatedInstances, "");
        return;
    }
    keys.putAndInsertString(DCM_SeriesInstanceUID, f.seriesInstanceUid.c_str());
    keys.putAndInsertString(DCM_Modality, "");  // matched here, below: list matching on CS is optional
    keys.putAndInsertString(DCM_SeriesNumber, "");
    if (f.level == QueryLevel::Series) {
        keys.putAndInsertString(DCM_SeriesDescription, "");
        keys.putAndInsertString(DCM_NumberOfSeriesRelatedInstances, "");
        return;
    }
    keys.putAndInsertString(DCM_SOPInstanceUID, "");
    keys.putAndInsertString(DCM_SOPClassUID, "");
    keys.putAndInsertString(DCM_InstanceNumber, "");
}

QueryMatch toMatch(QueryLevel level, DcmDataset& d) {
    QueryMatch m;
    m.level = level;
    m.patientName = text(d, DCM_PatientName);
    m.patientId = text(d, DCM_PatientID);
    m.patientBirthDate = text(d, DCM_PatientBirthDate);
    m.patientSex = text(d, DCM_PatientSex);
    m.studyInstanceUid = text(d, DCM_StudyInstanceUID);
    m.studyDate = text(d, DCM_StudyDate);
    m.studyTime = text(d, DCM_StudyTime);
    m.studyDescription = text(d, DCM_StudyDescription);
    m.accessionNumber = text(d, DCM_AccessionNumber);
    if (level == QueryLevel::Study) {
        m.modalities = text(d, DCM_ModalitiesInStudy);
        std::replace(m.modalities.begin(), m.modalities.end(), '\\', ',');
    } else {
        m.modalities = text(d, DCM_Modality);
    }
    m.studyRelatedInstances = number(d, DCM_NumberOfStudyRelatedInstances);
    m.seriesInstanceUid = text(d, DCM_SeriesInstanceUID);
    m.seriesDescription = text(d, DCM_SeriesDescription);
    m.seriesNumber = number(d, DCM_SeriesNumber);
    m.seriesRelatedInstances = number(d, DCM_NumberOfSeriesRelatedInstances);
    m.sopInstanceUid = text(d, DCM_SOPInstanceUID);
    m.sopClassUid = text(d, DCM_SOPClassUID);
    m.instanceNumber = number(d, DCM_InstanceNumber);
    return m;
}

// DcmSCU that turns each pending C-FIND response into a match as it comes, and sends C-CANCEL
// once when the token is set (then waits for the node's final response).
class FindScu : public DcmSCU {
public:
    FindScu(QueryLevel level, const CancelToken* cancel) : m_level(level), m_cancel(cancel) {}

    std::vector<QueryMatch> matches;
    bool cancelSent = false;
    Uint16 finalStatus = STATUS_Success;
    std::string errorComment;

    OFCondition handleFINDResponse(const T_ASC_PresentationContextID presID, QRResponse* response,
                                   OFBool& waitForNextResponse) override {
        waitForNextResponse = OFFalse;
        if (response == nullptr) return DIMSE_NULLKEY;
        if (DICOM_PENDING_STATUS(response->m_status)) {
            waitForNextResponse = OFTrue;
            if (response->m_dataset != nullptr && !cancelSent) matches.push_back(toMatch(m_level, *response->m_dataset));
            if (m_cancel != nullptr && m_cancel->isCancelled() && !cancelSent) {
                cancelSent = true;
                sendCANCELRequest(presID);
            }
            return EC_Normal;
        }
        finalStatus = response->m_status;
        if (response->m_statusDetail != nullptr) errorComment = text(*response->m_statusDetail, DCM_ErrorComment);
        return EC_Normal;
    }

private:
    QueryLevel m_level;
    const CancelToken* m_cancel;
};

bool modalityWanted(const QueryFilter& f, const std::string& modality) {
    if (f.modalities.empty()) return true;
    for (const auto& m : f.modalities)
        if (upper(m) == upper(modality)) return true;
    return false;
}

}  // namespace

std::vector<QueryMatch> findMatches(const DicomNode& node, const AssociationSettings& settings,
                                    const QueryFilter& filter, const CancelToken* cancel) {
    checkFilter(filter);
    if (cancel != nullptr) cancel->throwIfCancelled("the query");
    FindScu scu(filter.level, cancel);
    detail::configureScu(scu, node, settings);
    OFList<OFString> syntaxes;
    syntaxes.push_back(UID_LittleEndianExplicitTransferSyntax);
    syntaxes.push_back(UID_LittleEndianImplicitTransferSyntax);
    scu.addPresentationContext(UID_FINDStudyRootQueryRetrieveInformationModel, syntaxes);
    detail::openAssociation(scu, node, settings);
    const auto pc = detail::acceptedContext(scu, node, UID_FINDStudyRootQueryRetrieveInformationModel,
                                            "Study Root C-FIND (query)");
    DcmDataset keys;
    buildKeys(filter, keys);
    const OFCondition cond = scu.sendFINDRequest(pc, &keys, nullptr);
    if (cond.bad()) {
        scu.abortAssociation();
        throw Error(ErrorCode::Io, detail::dimseFailure(node, settings, cond, "query (C-FIND)"));
    }
    scu.releaseAssociation();
    if (scu.cancelSent || (cancel != nullptr && cancel->isCancelled()))
        throw Error(ErrorCode::Cancelled, node.toString() + ": the query was cancelled");
    if (scu.finalStatus != STATUS_Success)
        throw Error(ErrorCode::InvalidInput, node.toString() + ": the node refused the query (status " +
                                                 detail::statusText(scu.finalStatus) +
                                                 (scu.errorComment.empty() ? "" : ": " + scu.errorComment) + ")");
    std::vector<QueryMatch> out;
    for (auto& m : scu.matches) {
        // Series and instances: a series has one modality, matched here (the study level asks
        // the node, which matches any of ModalitiesInStudy's values).
        if (filter.level != QueryLevel::Study && !modalityWanted(filter, m.modalities)) continue;
        if (m.studyInstanceUid.empty()) m.studyInstanceUid = filter.studyInstanceUid;
        if (filter.level == QueryLevel::Instance && m.seriesInstanceUid.empty())
            m.seriesInstanceUid = filter.seriesInstanceUid;
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace cxr::pacs
