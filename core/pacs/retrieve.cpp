// C-GET: the PACS sends the objects back on our own association as C-STORE sub-operations,
// which we accept in the SCP role and store through storeInstance as they come.
#include "core/pacs/retrieve.h"

#include <algorithm>
#include <cstring>
#include <exception>
#include <set>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/dimse.h>
#include <dcmtk/dcmnet/scu.h>

#include "core/common/error.h"
#include "core/pacs/association.h"
#include "core/pacs/retrieve_detail.h"

namespace cxr::pacs {
namespace {

// Every transfer syntax CXR Studio reads (and two it does not). Each gets its own presentation context for the film
// classes, so the PACS can send a film as it holds it instead of converting it.
const char* const kImageSyntaxes[] = {
    UID_LittleEndianExplicitTransferSyntax,  UID_LittleEndianImplicitTransferSyntax,
    UID_BigEndianExplicitTransferSyntax,     UID_DeflatedExplicitVRLittleEndianTransferSyntax,
    UID_JPEGProcess14SV1TransferSyntax,      UID_JPEGProcess1TransferSyntax,
    UID_JPEGLSLosslessTransferSyntax,        UID_JPEGLSLossyTransferSyntax,
    UID_RLELosslessTransferSyntax,           UID_JPEG2000LosslessOnlyTransferSyntax,
    UID_JPEG2000TransferSyntax,              UID_JPEGProcess2_4TransferSyntax,
    // Two CXR Studio cannot decode, offered too so that such a film arrives as the PACS holds
    // it and is kept and noted (not diagnosed) rather than failing to be sent.
    UID_JPEG2000Part2MulticomponentImageCompressionLosslessOnlyTransferSyntax,
    UID_JPEG2000Part2MulticomponentImageCompressionTransferSyntax,
};

// The classes a chest film comes in, and what travels with it (reports, presentation states).
const char* const kFilmClasses[] = {
    UID_DigitalXRayImageStorageForPresentation, UID_DigitalXRayImageStorageForProcessing,
    UID_ComputedRadiographyImageStorage,        UID_SecondaryCaptureImageStorage,
};
const char* const kCompanionClasses[] = {
    UID_BasicTextSRStorage,       UID_EnhancedSRStorage,
    UID_ComprehensiveSRStorage,   UID_Comprehensive3DSRStorage,
    UID_KeyObjectSelectionDocumentStorage, UID_XRayRadiationDoseSRStorage,
    UID_GrayscaleSoftcopyPresentationStateStorage, UID_EncapsulatedPDFStorage,
};

// An association carries at most 128 presentation contexts (odd IDs 1..255); one is the C-GET.
constexpr int kMaxContexts = 128;

void proposeStorageContexts(DcmSCU& scu, int used) {
    std::set<std::string> proposed;
    for (const char* sopClass : kFilmClasses) {
        for (const char* syntax : kImageSyntaxes) {
            OFList<OFString> one;
            one.push_back(syntax);
            scu.addPresentationContext(sopClass, one, ASC_SC_ROLE_SCP);
            ++used;
        }
        proposed.insert(sopClass);
    }
    OFList<OFString> plain;
    plain.push_back(UID_LittleEndianExplicitTransferSyntax);
    plain.push_back(UID_LittleEndianImplicitTransferSyntax);
    for (const char* sopClass : kCompanionClasses) {
        for (const auto& syntax : plain) {
            OFList<OFString> one;
            one.push_back(syntax);
            scu.addPresentationContext(sopClass, one, ASC_SC_ROLE_SCP);
            ++used;
        }
        proposed.insert(sopClass);
    }
    // Then DCMTK's list of storage classes, as many as fit, uncompressed.
    for (int i = 0; i < numberOfDcmLongSCUStorageSOPClassUIDs && used < kMaxContexts; ++i) {
        const char* sopClass = dcmLongSCUStorageSOPClassUIDs[i];
        if (!proposed.insert(sopClass).second) continue;
        scu.addPresentationContext(sopClass, plain, ASC_SC_ROLE_SCP);
        ++used;
    }
}

std::string text(DcmItem& item, const DcmTagKey& key) {
    OFString value;
    if (item.findAndGetOFStringArray(key, value).bad()) return {};
    return value.c_str();
}

// DcmSCU whose C-GET session is ours: each C-STORE sub-operation is stored through
// storeInstance and reported; C-CANCEL goes out when the token is set (between objects, after
// our C-STORE response, never in the middle of one); silence is polled once a second so a
// cancel is noticed while waiting.
class GetScu : public DcmSCU {
public:
    GetScu(const DicomNode& node, const AssociationSettings& settings, const RetrieveRequest& request,
           const OnInstance& onInstance, const CancelToken* cancel)
        : m_node(node), m_settings(settings), m_request(request), m_onInstance(onInstance), m_cancel(cancel) {}

    RetrieveResult result;
    Uint16 finalStatus = STATUS_Success;
    std::string errorComment, failedUids;
    bool cancelSent = false;
    std::exception_ptr callbackError;  // the caller's OnInstance threw: cancelled, rethrown after

    OFCondition handleCGETSession(const T_ASC_PresentationContextID presID, DcmDataset* /*dataset*/,
                                  OFList<RetrieveResponse*>* /*responses*/) override {
        int silentSeconds = 0;
        for (;;) {
            if (!cancelSent && (callbackError || (m_cancel != nullptr && m_cancel->isCancelled()))) {
                cancelSent = true;
                sendCANCELRequest(presID);
            }
            T_DIMSE_Message message;
            std::memset(&message, 0, sizeof message);
            DcmDataset* statusDetail = nullptr;
            T_ASC_PresentationContextID pcid = 0;
            OFCondition cond = receiveDIMSECommand(&pcid, &message, &statusDetail, nullptr, 1);
            if (cond == DIMSE_NODATAAVAILABLE) {
                if (++silentSeconds >= m_settings.dimseTimeoutSeconds) return cond;
                continue;
            }
            silentSeconds = 0;
            if (cond.bad()) {
                delete statusDetail;
                return cond;
            }
            if (message.CommandField == DIMSE_C_GET_RSP) {
                const T_DIMSE_C_GetRSP& rsp = message.msg.CGetRSP;
                if (statusDetail != nullptr) errorComment = text(*statusDetail, DCM_ErrorComment);
                delete statusDetail;
                if (rsp.DataSetType != DIMSE_DATASET_NULL) {  // the failed UIDs, when some failed
                    DcmDataset* identifier = nullptr;
                    cond = receiveDIMSEDataset(&pcid, &identifier);
                    if (cond.bad()) return cond;
                    failedUids = text(*identifier, DCM_FailedSOPInstanceUIDList);
                    delete identifier;
                }
                takeCounts(rsp);
                if (!DICOM_PENDING_STATUS(rsp.DimseStatus)) {
                    finalStatus = rsp.DimseStatus;
                    return EC_Normal;
                }
                continue;
            }
            delete statusDetail;
            if (message.CommandField != DIMSE_C_STORE_RQ) return DIMSE_BADCOMMANDTYPE;
            cond = receiveAndStore(pcid, message.msg.CStoreRQ);
            if (cond.bad()) return cond;
        }
    }

private:
    void takeCounts(const T_DIMSE_C_GetRSP& rsp) {
        if (rsp.opts & O_GET_NUMBEROFREMAININGSUBOPERATIONS) m_remaining = rsp.NumberOfRemainingSubOperations;
        if (rsp.opts & O_GET_NUMBEROFCOMPLETEDSUBOPERATIONS) m_completed = rsp.NumberOfCompletedSubOperations;
        if (rsp.opts & O_GET_NUMBEROFFAILEDSUBOPERATIONS) m_failed = rsp.NumberOfFailedSubOperations;
        if (rsp.opts & O_GET_NUMBEROFWARNINGSUBOPERATIONS) m_warning = rsp.NumberOfWarningSubOperations;
        m_arrivedSinceCounts = 0;
        result.counts = currentCounts();
    }

    // The node's last counts plus what arrived since (it counts an object once we answered).
    RetrieveCounts currentCounts() const {
        RetrieveCounts c;
        c.completed = std::max(m_completed + m_arrivedSinceCounts, static_cast<int>(result.instances.size()));
        c.failed = m_failed;
        c.warning = m_warning;
        c.remaining = m_remaining < 0 ? -1 : std::max(0, m_remaining - m_arrivedSinceCounts);
        return c;
    }

    OFCondition receiveAndStore(T_ASC_PresentationContextID pcid, const T_DIMSE_C_StoreRQ& request) {
        DcmDataset* dataset = nullptr;
        OFCondition cond = receiveDIMSEDataset(&pcid, &dataset);
        if (cond.bad()) {
            delete dataset;
            return cond;  // the association is broken: nothing more will come
        }
        OFString abstractSyntax, transferSyntax;
        findPresentationContext(pcid, abstractSyntax, transferSyntax);
        Uint16 status = STATUS_Success;
        try {
            const ReceivedInstance instance = storeInstance(*dataset, transferSyntax.c_str(), m_request.folder);
            result.instances.push_back(instance);
            ++m_arrivedSinceCounts;
            result.counts = currentCounts();
            if (m_onInstance && !callbackError) {
                try {
                    m_onInstance(instance, result.counts);
                } catch (...) {
                    callbackError = std::current_exception();
                }
            }
        } catch (const Error& e) {
            status = e.code() == ErrorCode::Io ? STATUS_STORE_Refused_OutOfResources
                                               : STATUS_STORE_Error_DataSetDoesNotMatchSOPClass;
            result.problems.push_back(std::string(request.AffectedSOPInstanceUID) + ": " + e.what());
        } catch (const std::exception& e) {
            status = STATUS_STORE_Refused_OutOfResources;
            result.problems.push_back(std::string(request.AffectedSOPInstanceUID) + ": " + e.what());
        }
        delete dataset;
        return sendSTOREResponse(pcid, status, request);
    }

    const DicomNode& m_node;
    const AssociationSettings& m_settings;
    const RetrieveRequest& m_request;
    const OnInstance& m_onInstance;
    const CancelToken* m_cancel;
    int m_remaining = -1, m_completed = 0, m_failed = 0, m_warning = 0, m_arrivedSinceCounts = 0;
};

}  // namespace

RetrieveResult retrieveByGet(const DicomNode& node, const AssociationSettings& settings, const RetrieveRequest& request,
                             const OnInstance& onInstance, const CancelToken* cancel) {
    detail::checkRetrieveRequest(request);
    if (cancel != nullptr) cancel->throwIfCancelled("the retrieve");
    GetScu scu(node, settings, request, onInstance, cancel);
    detail::configureScu(scu, node, settings);
    OFList<OFString> syntaxes;
    syntaxes.push_back(UID_LittleEndianExplicitTransferSyntax);
    syntaxes.push_back(UID_LittleEndianImplicitTransferSyntax);
    scu.addPresentationContext(UID_GETStudyRootQueryRetrieveInformationModel, syntaxes);
    proposeStorageContexts(scu, 1);
    detail::openAssociation(scu, node, settings);
    const auto pc = detail::acceptedContext(scu, node, UID_GETStudyRootQueryRetrieveInformationModel,
                                            "Study Root C-GET (retrieve)");
    DcmDataset keys;
    detail::buildRetrieveKeys(request, keys);
    const OFCondition cond = scu.sendCGETRequest(pc, &keys, nullptr);
    if (cond.bad()) {
        scu.abortAssociation();
        if (scu.callbackError) std::rethrow_exception(scu.callbackError);
        if (scu.cancelSent) {  // the node did not end the transfer: what arrived stays
            scu.result.cancelled = true;
            return std::move(scu.result);
        }
        throw Error(ErrorCode::Io, detail::dimseFailure(node, settings, cond, "retrieve (C-GET)") + " after " +
                                       std::to_string(scu.result.instances.size()) + " object(s)");
    }
    scu.releaseAssociation();
    if (scu.callbackError) std::rethrow_exception(scu.callbackError);
    detail::finishRetrieve(node, request, scu.finalStatus, scu.errorComment, scu.failedUids, scu.cancelSent,
                           scu.result);
    return std::move(scu.result);
}

}  // namespace cxr::pacs
