// C-MOVE: the PACS opens its own association to a Storage SCP we run for the transfer (under
// our calling AE title, which it must know at this machine's address and port) and sends the
// objects there; our association only carries the C-MOVE request and the PACS's counts.
#include <algorithm>
#include <chrono>
#include <exception>
#include <mutex>
#include <thread>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/dimse.h>
#include <dcmtk/dcmnet/scu.h>

#include "core/common/error.h"
#include "core/pacs/association.h"
#include "core/pacs/retrieve.h"
#include "core/pacs/retrieve_detail.h"
#include "core/pacs/storage_listener.h"

namespace cxr::pacs {
namespace {

// What the listener's association threads hand to the retrieving thread.
struct Arrivals {
    std::mutex mutex;
    std::vector<ReceivedInstance> stored;
    std::vector<std::string> rejected;
};

// DcmSCU that reads the PACS's counts from each C-MOVE response, reports the objects the
// listener stored since the last one (on this, the retrieving, thread), and sends C-CANCEL once
// when the token is set.
class MoveScu : public DcmSCU {
public:
    MoveScu(const RetrieveRequest& request, Arrivals& arrivals, const OnInstance& onInstance, const CancelToken* cancel)
        : m_request(request), m_arrivals(arrivals), m_onInstance(onInstance), m_cancel(cancel) {}

    RetrieveResult result;
    Uint16 finalStatus = STATUS_Success;
    std::string errorComment, failedUids;
    bool cancelSent = false;
    std::exception_ptr callbackError;

    OFCondition handleMOVEResponse(const T_ASC_PresentationContextID presID, RetrieveResponse* response,
                                   OFBool& waitForNextResponse) override {
        waitForNextResponse = OFFalse;
        if (response == nullptr) return DIMSE_NULLKEY;
        m_counts.completed = response->m_numberOfCompletedSubops;
        m_counts.failed = response->m_numberOfFailedSubops;
        m_counts.warning = response->m_numberOfWarningSubops;
        m_counts.remaining = response->m_numberOfRemainingSubops;
        drain();
        if (DICOM_PENDING_STATUS(response->m_status)) {
            waitForNextResponse = OFTrue;
            if (!cancelSent && (callbackError || (m_cancel != nullptr && m_cancel->isCancelled()))) {
                cancelSent = true;
                sendCANCELRequest(presID);
            }
            return EC_Normal;
        }
        finalStatus = response->m_status;
        OFString value;
        if (response->m_statusDetail != nullptr &&
            response->m_statusDetail->findAndGetOFString(DCM_ErrorComment, value).good())
            errorComment = value.c_str();
        if (response->m_dataset != nullptr &&
            response->m_dataset->findAndGetOFStringArray(DCM_FailedSOPInstanceUIDList, value).good())
            failedUids = value.c_str();
        return EC_Normal;
    }

    // Reports what the listener stored since the last call.
    void drain() {
        std::vector<ReceivedInstance> stored;
        std::vector<std::string> rejected;
        {
            std::lock_guard<std::mutex> lock(m_arrivals.mutex);
            stored.swap(m_arrivals.stored);
            rejected.swap(m_arrivals.rejected);
        }
        for (auto& r : rejected) result.problems.push_back(std::move(r));
        for (auto& instance : stored) {
            if (instance.studyInstanceUid != m_request.studyInstanceUid ||
                (!m_request.seriesInstanceUid.empty() && instance.seriesInstanceUid != m_request.seriesInstanceUid)) {
                result.problems.push_back("object " + instance.sopInstanceUid + " of another study arrived during the "
                                          "transfer; kept as " + instance.file.string());
                continue;
            }
            result.instances.push_back(instance);
            RetrieveCounts counts = m_counts;
            counts.completed = std::max(counts.completed, static_cast<int>(result.instances.size()));
            if (counts.remaining >= 0)
                counts.remaining = std::max(0, m_counts.remaining - (counts.completed - m_counts.completed));
            result.counts = counts;
            if (m_onInstance && !callbackError) {
                try {
                    m_onInstance(instance, counts);
                } catch (...) {
                    callbackError = std::current_exception();
                }
            }
        }
    }

    const RetrieveCounts& nodeCounts() const { return m_counts; }

private:
    const RetrieveRequest& m_request;
    Arrivals& m_arrivals;
    const OnInstance& m_onInstance;
    const CancelToken* m_cancel;
    RetrieveCounts m_counts;
};

}  // namespace

RetrieveResult retrieveByMove(const DicomNode& node, const AssociationSettings& settings, const RetrieveRequest& request,
                              int storePort, const OnInstance& onInstance, const CancelToken* cancel) {
    detail::checkRetrieveRequest(request);
    if (storePort < 1 || storePort > 65535)
        throw Error(ErrorCode::InvalidInput, "the port for C-MOVE, " + std::to_string(storePort) + ", is outside 1..65535");
    if (cancel != nullptr) cancel->throwIfCancelled("the retrieve");
    Arrivals arrivals;
    ListenerSettings listenerSettings;
    listenerSettings.aeTitle = settings.callingAeTitle;
    listenerSettings.port = storePort;
    listenerSettings.folder = request.folder;
    listenerSettings.maxAssociations = 2;
    listenerSettings.acseTimeoutSeconds = settings.connectTimeoutSeconds;
    listenerSettings.dimseTimeoutSeconds = settings.dimseTimeoutSeconds;
    ListenerCallbacks callbacks;
    callbacks.onStored = [&arrivals](const ReceivedInstance& instance, const std::string&) {
        std::lock_guard<std::mutex> lock(arrivals.mutex);
        arrivals.stored.push_back(instance);
    };
    callbacks.onRejected = [&arrivals](const std::string& reason, const std::string& caller) {
        std::lock_guard<std::mutex> lock(arrivals.mutex);
        arrivals.rejected.push_back("an object from " + caller + " was refused: " + reason);
    };
    StorageListener listener(listenerSettings, callbacks);
    listener.start();  // Io naming the port when it cannot be bound

    MoveScu scu(request, arrivals, onInstance, cancel);
    detail::configureScu(scu, node, settings);
    OFList<OFString> syntaxes;
    syntaxes.push_back(UID_LittleEndianExplicitTransferSyntax);
    syntaxes.push_back(UID_LittleEndianImplicitTransferSyntax);
    scu.addPresentationContext(UID_MOVEStudyRootQueryRetrieveInformationModel, syntaxes);
    detail::openAssociation(scu, node, settings);
    const auto pc = detail::acceptedContext(scu, node, UID_MOVEStudyRootQueryRetrieveInformationModel,
                                            "Study Root C-MOVE (retrieve)");
    DcmDataset keys;
    detail::buildRetrieveKeys(request, keys);
    const OFCondition cond = scu.sendMOVERequest(pc, settings.callingAeTitle.c_str(), &keys, nullptr);
    if (cond.bad()) {
        scu.abortAssociation();
        listener.stop();
        scu.drain();
        if (scu.callbackError) std::rethrow_exception(scu.callbackError);
        if (scu.cancelSent) {
            scu.result.cancelled = true;
            return std::move(scu.result);
        }
        throw Error(ErrorCode::Io, detail::dimseFailure(node, settings, cond, "retrieve (C-MOVE)") + " after " +
                                       std::to_string(scu.result.instances.size()) +
                                       " object(s); does the node accept C-MOVE from \"" + settings.callingAeTitle +
                                       "\" and know that AE title's address and port " + std::to_string(storePort) +
                                       "?");
    }
    scu.releaseAssociation();
    // The node answers each object's C-STORE before it counts it, and the listener reports an
    // object before answering: by the final response every counted object is normally here.
    // Give stragglers (another thread's report) a moment.
    const auto expected = static_cast<size_t>(scu.nodeCounts().completed + scu.nodeCounts().warning);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(settings.dimseTimeoutSeconds);
    for (;;) {
        scu.drain();
        if (scu.result.instances.size() >= expected || std::chrono::steady_clock::now() > deadline) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    listener.stop();
    scu.drain();
    if (scu.callbackError) std::rethrow_exception(scu.callbackError);
    if (scu.finalStatus == 0xA801)  // Refused: Move Destination unknown
        throw Error(ErrorCode::InvalidInput, node.toString() + ": the node does not know the destination \"" +
                                                 settings.callingAeTitle +
                                                 "\" (C-MOVE needs our AE title, host and port in its list of nodes)");
    scu.result.counts = scu.nodeCounts();
    scu.result.counts.completed = std::max(scu.result.counts.completed, static_cast<int>(scu.result.instances.size()));
    detail::finishRetrieve(node, request, scu.finalStatus, scu.errorComment, scu.failedUids, scu.cancelSent,
                           scu.result);
    return std::move(scu.result);
}

}  // namespace cxr::pacs
