#pragma once
// StorageListener: CXR Studio's Storage SCP. Accepts C-STORE (and C-ECHO) from modalities and
// PACS on a port, several associations at once (DCMTK's DcmSCPPool), and stores every object
// through storeInstance (one file per SOP Instance UID, atomically). Each stored object is
// reported on the association's thread; an object that cannot be stored (not valid DICOM, disk
// full) is answered with a failure status and reported as rejected, and the listener goes on.
// `cxr listen`, the GUI's listener toggle and C-MOVE retrieves run it.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "core/pacs/instance_store.h"

namespace cxr::pacs {

struct ListenerSettings {
    std::string aeTitle = "CXRSTUDIO";  // the called AE title we answer to
    int port = 11112;
    std::filesystem::path folder;       // where objects are stored
    int maxAssociations = 4;            // at once
    int acseTimeoutSeconds = 30;
    int dimseTimeoutSeconds = 60;
};

struct ListenerCallbacks {
    // An object was stored (diagnosable or not: see ReceivedInstance::note). `callingAeTitle`:
    // who sent it. Called on an association thread: keep it short or hand it on.
    std::function<void(const ReceivedInstance& instance, const std::string& callingAeTitle)> onStored;
    // An object was refused (`reason`: why, as told to the sender with a failure status).
    std::function<void(const std::string& reason, const std::string& callingAeTitle)> onRejected;
};

class StorageListener {
public:
    StorageListener(ListenerSettings settings, ListenerCallbacks callbacks);
    ~StorageListener();  // stop()
    StorageListener(const StorageListener&) = delete;
    StorageListener& operator=(const StorageListener&) = delete;

    // Binds the port and starts accepting in a background thread. Throws cxr::Error: Io naming
    // the port when it cannot be bound (in use, below 1024 without privileges), InvalidInput for
    // a bad AE title or folder.
    void start();
    // Stops accepting, lets running associations end (up to their timeouts), joins the thread.
    void stop();
    bool running() const;
    const ListenerSettings& settings() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace cxr::pacs
