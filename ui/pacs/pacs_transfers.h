#pragma once
// PacsTransfers: the window's DICOM traffic off the GUI thread: retrieves (C-GET or C-MOVE, one
// at a time, cancellable, progress with counts and ETA) and the optional listener (Storage
// SCP). Every diagnosable film that arrives is announced with filmArrived, which the window
// hands to the triage list; objects that are kept but not diagnosed are announced with their
// reason. Signals are emitted on the GUI thread.
#include <memory>

#include <QFuture>
#include <QObject>
#include <QString>

#include "core/common/cancel_token.h"
#include "ui/pacs/pacs_query_dialog.h"
#include "ui/pacs/pacs_server.h"

namespace cxr::pacs {
class StorageListener;
}

namespace cxr::ui {

class PacsTransfers : public QObject {
    Q_OBJECT
public:
    explicit PacsTransfers(QObject* parent = nullptr);
    ~PacsTransfers() override;  // cancels a retrieve and stops the listener, waiting for both

    // Retrieves `items` from `server` into `folder`/<study UID>/. Refused (false) while one runs.
    bool retrieve(const PacsServer& server, const QList<RetrieveItem>& items, const QString& folder);
    void cancelRetrieve();
    bool isRetrieving() const;

    // Starts the listener; false with listenerChanged's text saying why (port in use, bad AE title).
    bool startListener(const ListenerPreferences& preferences, const QString& folder);
    void stopListener();
    bool isListening() const;
    int receivedCount() const { return m_received; }

    // The folder films go to when the user chose none: <app data>/<purpose>.
    static QString defaultFolder(const QString& purpose);

Q_SIGNALS:
    void filmArrived(const QString& path);
    void objectKept(const QString& path, const QString& reason);  // stored, not diagnosed
    void retrieveProgress(int done, int total, double etaSeconds);  // total 0 when unknown
    void retrieveFinished(bool ok, const QString& summary);
    void listenerChanged(bool listening, const QString& text);
    void listenerRejected(const QString& reason);

private:
    void arrived(const QString& path, bool diagnosable, const QString& note);

    QFuture<void> m_retrieve;
    CancelTokenPtr m_cancel;
    std::unique_ptr<pacs::StorageListener> m_listener;
    ListenerPreferences m_listening;
    int m_received = 0;
};

}  // namespace cxr::ui
