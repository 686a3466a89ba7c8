#include "core/pacs/storage_listener.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include <pthread.h>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/assoc.h>
#include <dcmtk/dcmnet/dimse.h>
#include <dcmtk/dcmnet/scppool.h>
#include <dcmtk/dcmnet/scpthrd.h>

#include "core/common/error.h"
#include "core/imaging/dcmtk_codecs.h"
#include "core/pacs/dicom_node.h"

namespace cxr::pacs {
namespace {

// What we accept, in order of preference when a sender offers several syntaxes in one
// presentation context. Senders offer an object's own (compressed) syntax beside the
// uncompressed ones; taking the compressed one first keeps the object as it was made (no
// re-encoding, no decoding by a sender that may lack the codec). Implicit little endian, which
// every sender offers, comes last.
// (Not const: DCMTK's negotiation takes non-const arrays.)
const char* kTransferSyntaxes[] = {
    UID_JPEGProcess14SV1TransferSyntax,
    UID_JPEGProcess14TransferSyntax,
    UID_JPEGLSLosslessTransferSyntax,
    UID_RLELosslessTransferSyntax,
    UID_JPEG2000LosslessOnlyTransferSyntax,
    UID_JPEGProcess1TransferSyntax,
    UID_JPEGProcess2_4TransferSyntax,
    UID_JPEGLSLossyTransferSyntax,
    UID_JPEG2000TransferSyntax,
    // Syntaxes CXR Studio cannot decode, taken as sent too: such objects are kept and noted
    // (not diagnosed), where the sender would otherwise have to convert them or give up.
    UID_JPEG2000Part2MulticomponentImageCompressionLosslessOnlyTransferSyntax,
    UID_JPEG2000Part2MulticomponentImageCompressionTransferSyntax,
    UID_MPEG2MainProfileAtMainLevelTransferSyntax,
    UID_MPEG2MainProfileAtHighLevelTransferSyntax,
    UID_MPEG4HighProfileLevel4_1TransferSyntax,
    UID_HEVCMainProfileLevel5_1TransferSyntax,
    UID_HEVCMain10ProfileLevel5_1TransferSyntax,
    UID_DeflatedExplicitVRLittleEndianTransferSyntax,
    UID_LittleEndianExplicitTransferSyntax,
    UID_BigEndianExplicitTransferSyntax,
    UID_LittleEndianImplicitTransferSyntax,
};
const char* kVerificationSyntaxes[] = {UID_LittleEndianExplicitTransferSyntax, UID_LittleEndianImplicitTransferSyntax};
const char* kVerificationClass[] = {UID_VerificationSOPClass};

template <size_t N>
int countOf(const char* (&)[N]) { return static_cast<int>(N); }

// One loopback TCP connection, closed at once: it wakes the accept loop, which then sees that
// it should stop. (DCMTK hands even such an empty connection to a worker, which refuses it:
// harmless when stopping, but a connection like it must not serve as a readiness check.)
bool touchPort(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
    ::close(fd);
    return ok;
}

// True once a socket listens on IPv4 `port` (the kernel's table, /proc/net/tcp: state 0A),
// so start() can wait for DCMTK's accept loop without connecting to it.
bool portListening(int port) {
    std::ifstream table("/proc/net/tcp");
    if (!table) return touchPort(port);  // no /proc: fall back to connecting
    char wanted[8];
    std::snprintf(wanted, sizeof wanted, ":%04X", port);
    std::string line;
    std::getline(table, line);  // header
    while (std::getline(table, line)) {
        std::istringstream fields(line);
        std::string slot, local, remote, state;
        fields >> slot >> local >> remote >> state;
        if (state == "0A" && local.size() > 5 && local.compare(local.size() - 5, 5, wanted) == 0) return true;
    }
    return false;
}

// DCMTK binds inside its accept loop, on the listener's thread, where a failure only shows as
// the loop returning. Binding the same way (IPv4, any address, SO_REUSEADDR) here first lets
// start() say at once, on the caller's thread, why the port cannot be had.
void checkPortFree(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) throw Error(ErrorCode::Io, std::string("cannot open a socket: ") + std::strerror(errno));
    const int reuse = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, sizeof(reuse));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_ANY);
    int err = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 || ::listen(fd, 1) != 0) err = errno;
    ::close(fd);
    if (err == EADDRINUSE)
        throw Error(ErrorCode::Io, "cannot listen on port " + std::to_string(port) +
                                       ": it is already in use by another program");
    if (err == EACCES)
        throw Error(ErrorCode::Io, "cannot listen on port " + std::to_string(port) +
                                       ": ports below 1024 need administrator rights");
    if (err != 0)
        throw Error(ErrorCode::Io, "cannot listen on port " + std::to_string(port) + ": " + std::strerror(err));
}

// What every association of one listener shares: the settings, the callbacks, and the
// conversion of a received object into a stored file and a DIMSE status.
struct Shared {
    ListenerSettings settings;
    ListenerCallbacks callbacks;

    // Stores `dataset`; returns the C-STORE status for the sender and reports the outcome.
    Uint16 store(DcmDataset& dataset, const std::string& transferSyntax, const std::string& caller) const {
        std::string reason;
        Uint16 status = STATUS_Success;
        try {
            const ReceivedInstance instance = storeInstance(dataset, transferSyntax, settings.folder);
            report([&] {
                if (callbacks.onStored) callbacks.onStored(instance, caller);
            });
            return STATUS_Success;
        } catch (const Error& e) {
            reason = e.what();
            // Objects we cannot make sense of are the sender's problem ("cannot understand");
            // everything else (a full disk, an unwritable folder) is ours ("out of resources"),
            // which tells the sender that trying again later may work.
            const bool senders = e.code() == ErrorCode::InvalidInput || e.code() == ErrorCode::Corrupt ||
                                 e.code() == ErrorCode::Unsupported;
            status = senders ? STATUS_STORE_Error_CannotUnderstand : STATUS_STORE_Refused_OutOfResources;
        } catch (const std::bad_alloc&) {
            reason = "out of memory while storing the object";
            status = STATUS_STORE_Refused_OutOfResources;
        } catch (const std::exception& e) {
            reason = e.what();
            status = STATUS_STORE_Refused_OutOfResources;
        }
        report([&] {
            if (callbacks.onRejected) callbacks.onRejected(reason, caller);
        });
        return status;
    }

    // A callback that throws must not take an association thread (and the process) down.
    template <class F>
    static void report(F&& f) {
        try {
            f();
        } catch (...) {
        }
    }
};

// One association: DCMTK's thread-pool SCP with our negotiation (every storage SOP class plus
// verification, which is more than DCMTK's 128-entry profiles can hold), our called AE title,
// and C-STORE into storeInstance.
class StoreScp : public DcmThreadSCP {
public:
    explicit StoreScp(const Shared& shared) : m_shared(shared) {}

protected:
    void notifyAssociationRequest(const T_ASC_Parameters& params, DcmSCPActionType& /*action*/) override {
        // DcmSCP keeps its association private; these parameters are that association's own,
        // and negotiateAssociation() below accepts presentation contexts in them.
        m_params = const_cast<T_ASC_Parameters*>(&params);
        m_caller = params.DULparams.callingAPTitle;
    }

    OFBool checkCalledAETitleAccepted(const OFString& calledAE) override {
        // AE titles are padded with spaces on the wire; leading and trailing ones do not count.
        const auto trim = [](std::string t) {
            t.erase(0, t.find_first_not_of(' '));
            t.erase(t.find_last_not_of(' ') + 1);
            return t;
        };
        return trim(calledAE.c_str()) == trim(m_shared.settings.aeTitle);
    }

    OFCondition negotiateAssociation() override {
        if (m_params == nullptr) return ASC_NULLKEY;
        OFCondition cond = ASC_acceptContextsWithPreferredTransferSyntaxes(
            m_params, kVerificationClass, countOf(kVerificationClass), kVerificationSyntaxes,
            countOf(kVerificationSyntaxes));
        if (cond.good())
            cond = ASC_acceptContextsWithPreferredTransferSyntaxes(
                m_params, dcmAllStorageSOPClassUIDs, numberOfDcmAllStorageSOPClassUIDs, kTransferSyntaxes,
                countOf(kTransferSyntaxes));
        return cond;
    }

    OFCondition handleIncomingCommand(T_DIMSE_Message* message, const DcmPresentationContextInfo& info) override {
        if (message->CommandField != DIMSE_C_STORE_RQ) return DcmThreadSCP::handleIncomingCommand(message, info);
        T_DIMSE_C_StoreRQ& request = message->msg.CStoreRQ;
        DcmDataset* dataset = nullptr;
        // A dataset that cannot be received (not valid DICOM on the wire) ends the association
        // with an error: DCMTK has no status to send once the stream is broken.
        OFCondition cond = receiveSTORERequest(request, info.presentationContextID, dataset);
        if (cond.bad()) {
            delete dataset;
            Shared::report([&] {
                if (m_shared.callbacks.onRejected)
                    m_shared.callbacks.onRejected(std::string("the object could not be received: ") + cond.text(),
                                                  m_caller);
            });
            return cond;
        }
        const Uint16 status = m_shared.store(*dataset, info.acceptedTransferSyntax.c_str(), m_caller);
        delete dataset;
        return sendSTOREResponse(info.presentationContextID, request, status);
    }

    void notifyAssociationTermination() override {
        m_params = nullptr;
        m_caller.clear();
        DcmThreadSCP::notifyAssociationTermination();
    }

private:
    const Shared& m_shared;
    T_ASC_Parameters* m_params = nullptr;
    std::string m_caller;
};

// DCMTK's DcmSCPPool builds its workers with a default constructor; this pool builds ours
// with the listener's shared state (otherwise the same worker as DcmSCPPool's).
class StorePool : public DcmBaseSCPPool {
public:
    explicit StorePool(const Shared& shared) : m_shared(shared) {}

private:
    struct Worker : public DcmBaseSCPPool::DcmBaseSCPWorker, private StoreScp {
        Worker(StorePool& pool, const Shared& shared) : DcmBaseSCPWorker(pool), StoreScp(shared) {}
        OFCondition setSharedConfig(const DcmSharedSCPConfig& config) override {
            return StoreScp::setSharedConfig(config);
        }
        OFBool busy() override { return StoreScp::isConnected(); }
        OFCondition workerListen(T_ASC_Association* const assoc) override { return StoreScp::run(assoc); }

    protected:
        // DCMTK's worker deletes itself when its association ends, and OFThread::start() stores
        // the thread's ID into the worker after pthread_create returns: an association refused
        // at once (a busy pool, a closed connection) could end and free the worker before that
        // write, which then lands in freed memory. Waiting here until the ID is stored closes
        // that window. (threadID() is an out-of-line library call: re-read on each pass.)
        //
        // DCMTK's own run() ends the thread without anyone joining it, so every association
        // left an 8 MB stack mapped until the process ended (measured: 40 associations, +390 MB
        // of address space). This run() does what DCMTK's does, then detaches the thread so its
        // resources go when it ends. Outside a shutdown, notifyThreadExit deletes the worker and
        // nobody will join the thread: it detaches. Once stop() has begun, the pool may instead
        // keep the worker and join the thread, so it must not be detached; `exitLock` makes
        // "not stopping" and the exit one step that stop() cannot split. Nothing touches the
        // worker after notifyThreadExit, which may have deleted it.
        void run() override {
            while (threadID() == 0) std::this_thread::yield();
            T_ASC_Association* assoc = DcmBaseSCPWorker::m_assoc;
            DcmBaseSCPWorker::m_assoc = nullptr;
            const OFCondition result = workerListen(assoc);
            StorePool& pool = static_cast<StorePool&>(m_pool);
            bool detach = false;
            {
                std::lock_guard<std::mutex> lock(pool.m_exitLock);
                detach = !pool.m_stopping;
                pool.notifyThreadExit(this, result);
            }
            if (detach) ::pthread_detach(::pthread_self());
        }
    };
    DcmBaseSCPWorker* createSCPWorker() override { return new Worker(*this, m_shared); }

    const Shared& m_shared;
    std::mutex m_exitLock;
    bool m_stopping = false;  // under m_exitLock

public:
    // Before asking DCMTK to stop: from now on exiting workers leave their threads joinable.
    void beginStop() {
        std::lock_guard<std::mutex> lock(m_exitLock);
        m_stopping = true;
    }
};

}  // namespace

struct StorageListener::Impl {
    Shared shared;
    std::unique_ptr<StorePool> pool;
    std::thread thread;
    std::atomic<bool> running{false};
    std::atomic<bool> loopEnded{false};
    std::mutex mutex;          // start/stop against each other
    std::string loopError;     // why the accept loop ended early (read after loopEnded)
};

StorageListener::StorageListener(ListenerSettings settings, ListenerCallbacks callbacks)
    : m_impl(std::make_unique<Impl>()) {
    m_impl->shared.settings = std::move(settings);
    m_impl->shared.callbacks = std::move(callbacks);
}

StorageListener::~StorageListener() { stop(); }

void StorageListener::start() {
    std::lock_guard<std::mutex> lock(m_impl->mutex);
    if (m_impl->running) return;
    const ListenerSettings& s = m_impl->shared.settings;
    checkAeTitle(s.aeTitle, "the listener's AE title");
    if (s.port < 1 || s.port > 65535)
        throw Error(ErrorCode::InvalidInput, "the listener's port " + std::to_string(s.port) + " is not 1..65535");
    if (s.maxAssociations < 1 || s.maxAssociations > 1000)
        throw Error(ErrorCode::InvalidInput, "the listener's association limit " +
                                                 std::to_string(s.maxAssociations) + " is not 1..1000");
    if (s.folder.empty()) throw Error(ErrorCode::InvalidInput, "the listener has no folder to store objects in");
    std::error_code ec;
    std::filesystem::create_directories(s.folder, ec);
    if (!std::filesystem::is_directory(s.folder))
        throw Error(ErrorCode::InvalidInput, s.folder,
                    "cannot store received objects here: not a folder" + (ec ? " (" + ec.message() + ")" : std::string()));
    imaging::detail::ensureDcmtkCodecs();
    checkPortFree(s.port);

    auto pool = std::make_unique<StorePool>(m_impl->shared);
    DcmSCPConfig& config = pool->getConfig();
    config.setPort(static_cast<Uint16>(s.port));
    config.setAETitle(s.aeTitle.c_str());
    config.setACSETimeout(static_cast<Uint32>(s.acseTimeoutSeconds));
    config.setDIMSEBlockingMode(DIMSE_NONBLOCKING);
    config.setDIMSETimeout(static_cast<Uint32>(s.dimseTimeoutSeconds));
    // The accept loop wakes every second to see whether stop() was called, should the wake-up
    // connection stop() makes not get through.
    config.setConnectionBlockingMode(DUL_NOBLOCK);
    config.setConnectionTimeout(1);
    config.setHostLookupEnabled(OFFalse);  // no DNS lookups per association
    pool->setMaxThreads(static_cast<Uint16>(s.maxAssociations));

    m_impl->loopEnded = false;
    m_impl->loopError.clear();
    StorePool* loop = pool.get();
    m_impl->pool = std::move(pool);
    Impl* impl = m_impl.get();
    m_impl->thread = std::thread([impl, loop] {
        const OFCondition cond = loop->listen();
        if (cond.bad()) impl->loopError = cond.text();
        impl->loopEnded = true;
    });

    // Return only once the port accepts, so a sender told our address right after start()
    // finds us; or throw what the accept loop said if it could not bind after all.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (true) {
        if (m_impl->loopEnded) {
            m_impl->thread.join();
            m_impl->pool.reset();
            throw Error(ErrorCode::Io, "cannot listen on port " + std::to_string(s.port) + ": " +
                                           (m_impl->loopError.empty() ? "the listener ended" : m_impl->loopError));
        }
        if (portListening(s.port)) break;
        if (std::chrono::steady_clock::now() > deadline) {
            m_impl->pool->beginStop();
            m_impl->pool->stopAfterCurrentAssociations();
            m_impl->thread.join();
            m_impl->pool.reset();
            throw Error(ErrorCode::Io, "cannot listen on port " + std::to_string(s.port) +
                                           ": it did not accept connections within 10 s");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    m_impl->running = true;
}

void StorageListener::stop() {
    std::lock_guard<std::mutex> lock(m_impl->mutex);
    if (!m_impl->thread.joinable()) return;
    m_impl->pool->beginStop();
    m_impl->pool->stopAfterCurrentAssociations();
    touchPort(m_impl->shared.settings.port);  // wakes the accept loop now rather than within 1 s
    m_impl->thread.join();                    // the loop joins the running associations
    m_impl->pool.reset();
    m_impl->running = false;
}

bool StorageListener::running() const { return m_impl->running && !m_impl->loopEnded; }

const ListenerSettings& StorageListener::settings() const { return m_impl->shared.settings; }

}  // namespace cxr::pacs
