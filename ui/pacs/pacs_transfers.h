#pragma once
// PacsTransfers: the window's DICOM traffic off the GUI thread: retrieves (C-GET or C-MOVE, one
// at a time, cancellable, progress with counts and ETA) and the optional listener (Storage
// SCP). Every diagnosable film that arrives is announced with filmArrived, which the window
// hands to the triage list; objects that are kept but not diagnosed are announced with their
// reason. Signals are emitted on the GUI thread.
#include <memory>

#include <QFuture>
#include <QFutureSynchronizer>
#include <QObject>
#include <QString>

#include "core/common/cancel_token.h"
#include "core/diagnosis/diagnosis.h"
#include "ui/pacs/pacs_query_dialog.h"
#include "ui/pacs/pacs_server.h"

namespace cxr::diagnosis {
class Diagnoser;
}
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

    // The model results are made with (sendResults, and the automatic sending of a server whose
    // sendResults is set: each film a retrieve from it brings is diagnosed and sent back).
    void setDiagnoser(std::shared_ptr<const diagnosis::Diagnoser> diagnoser, diagnosis::DiagnoseOptions options);
    // Diagnoses the DICOM film `path` (with its heat map) and sends its TID 1500 report and
    // overlay to `server`, in the background; resultsSent says how it went.
    void sendResults(const PacsServer& server, const QString& path);
    int sendsRunning() const { return m_sending; }

    // The folder films go to when the user chose none: <app data>/<purpose>.
    static QString defaultFolder(const QString& purpose);

Q_SIGNALS:
    void filmArrived(const QString& path);
    void objectKept(const QString& path, const QString& reason);  // stored, not diagnosed
    void retrieveProgress(int done, int total, double etaSeconds);  // total 0 when unknown
    void retrieveFinished(bool ok, const QString& summary);
    void listenerChanged(bool listening, const QString& text);
    void listenerRejected(const QString& reason);
    void resultsSent(const QString& path, bool ok, const QString& text);

private:
    void arrived(const QString& path, bool diagnosable, const QString& note, bool fromRetrieve);

    QFuture<void> m_retrieve;
    PacsServer m_retrieveServer;
    QFutureSynchronizer<void> m_sends;
    int m_sending = 0;
    std::shared_ptr<const diagnosis::Diagnoser> m_diagnoser;
    diagnosis::DiagnoseOptions m_options;
    CancelTokenPtr m_cancel;
    std::unique_ptr<pacs::StorageListener> m_listener;
    ListenerPreferences m_listening;
    int m_received = 0;
};

}  // namespace cxr::ui
