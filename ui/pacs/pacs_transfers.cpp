#include "ui/pacs/pacs_transfers.h"

#include <numeric>
#include <vector>

#include <QDir>
#include <QPointer>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

#include "core/common/error.h"
#include "core/common/progress.h"
#include "core/pacs/retrieve.h"
#include "core/pacs/storage_listener.h"
#include "ui/common/qt_convert.h"

namespace cxr::ui {

PacsTransfers::PacsTransfers(QObject* parent) : QObject(parent) {}

PacsTransfers::~PacsTransfers() {
    cancelRetrieve();
    m_retrieve.waitForFinished();
    stopListener();
}

QString PacsTransfers::defaultFolder(const QString& purpose) {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(purpose);
}

bool PacsTransfers::isRetrieving() const { return m_retrieve.isRunning(); }

void PacsTransfers::cancelRetrieve() {
    if (m_cancel) m_cancel->cancel();
}

void PacsTransfers::arrived(const QString& path, bool diagnosable, const QString& note) {
    if (diagnosable)
        Q_EMIT filmArrived(path);
    else
        Q_EMIT objectKept(path, note);
}

bool PacsTransfers::retrieve(const PacsServer& server, const QList<RetrieveItem>& items, const QString& folder) {
    if (isRetrieving() || items.isEmpty()) return false;
    m_cancel = std::make_shared<CancelToken>();
    const CancelTokenPtr cancel = m_cancel;
    QPointer<PacsTransfers> self(this);
    m_retrieve = QtConcurrent::run([self, server, items, folder, cancel] {
        // Counts over every item; each item's total is the PACS's word once it speaks, the
        // query's count before.
        std::vector<int> itemTotals;
        for (const RetrieveItem& item : items) itemTotals.push_back(std::max(0, item.expectedInstances));
        const auto expected = [&itemTotals] { return std::accumulate(itemTotals.begin(), itemTotals.end(), 0); };
        EtaEstimator eta;
        eta.start(static_cast<std::size_t>(expected()));
        int done = 0, failed = 0, kept = 0;
        QStringList problems;
        bool cancelled = false;
        const auto post = [self](auto f) { QMetaObject::invokeMethod(self, f, Qt::QueuedConnection); };
        for (size_t i = 0; i < static_cast<size_t>(items.size()); ++i) {
            const RetrieveItem& item = items[static_cast<qsizetype>(i)];
            if (cancel->isCancelled()) break;
            pacs::RetrieveRequest request;
            request.studyInstanceUid = item.studyInstanceUid;
            request.seriesInstanceUid = item.seriesInstanceUid;
            request.folder = toPath(QDir(folder).filePath(QString::fromStdString(item.studyInstanceUid)));
            const auto onInstance = [&](const pacs::ReceivedInstance& instance, const pacs::RetrieveCounts& counts) {
                ++done;
                if (!instance.diagnosable) ++kept;
                if (counts.remaining >= 0) {
                    itemTotals[i] = counts.completed + counts.failed + counts.warning + counts.remaining;
                    eta.setTotal(static_cast<std::size_t>(std::max(expected(), done)));
                }
                const double seconds = eta.update(static_cast<std::size_t>(done));
                const QString path = toQString(instance.file);
                const bool diagnosable = instance.diagnosable;
                const QString note = QString::fromStdString(instance.note);
                const int total = std::max(expected(), done);
                post([self, path, diagnosable, note, done = done, total, seconds] {
                    if (!self) return;
                    self->arrived(path, diagnosable, note);
                    Q_EMIT self->retrieveProgress(done, total, seconds);
                });
            };
            try {
                const pacs::RetrieveResult result =
                    server.retrieveMethod == QStringLiteral("move")
                        ? pacs::retrieveByMove(server.node(), server.association(), request, server.movePort, onInstance,
                                               cancel.get())
                        : pacs::retrieveByGet(server.node(), server.association(), request, onInstance, cancel.get());
                failed += result.counts.failed;
                for (const std::string& p : result.problems) problems << QString::fromStdString(p);
                cancelled = cancelled || result.cancelled;
            } catch (const Error& e) {
                if (e.code() == ErrorCode::Cancelled) {
                    cancelled = true;
                } else {
                    problems << QString::fromStdString(e.what());
                }
            }
        }
        const bool ok = problems.isEmpty() && !cancelled;
        QString summary = cancelled ? tr("Retrieve cancelled: %n object(s) arrived and stay in the list.", nullptr, done)
                                    : tr("Retrieved %n object(s).", nullptr, done);
        if (kept > 0) summary += QLatin1Char(' ') + tr("%n kept but not diagnosed (not films).", nullptr, kept);
        if (failed > 0) summary += QLatin1Char(' ') + tr("The PACS could not send %n.", nullptr, failed);
        if (!problems.isEmpty()) summary += QLatin1Char(' ') + problems.join(QLatin1Char(' '));
        post([self, ok, summary] {
            if (self) Q_EMIT self->retrieveFinished(ok, summary);
        });
    });
    return true;
}

bool PacsTransfers::isListening() const { return m_listener && m_listener->running(); }

bool PacsTransfers::startListener(const ListenerPreferences& preferences, const QString& folder) {
    stopListener();
    pacs::ListenerSettings settings;
    settings.aeTitle = preferences.aeTitle.toStdString();
    settings.port = preferences.port;
    settings.folder = toPath(folder);
    QPointer<PacsTransfers> self(this);
    pacs::ListenerCallbacks callbacks;
    callbacks.onStored = [self](const pacs::ReceivedInstance& instance, const std::string&) {
        const QString path = toQString(instance.file);
        const bool diagnosable = instance.diagnosable;
        const QString note = QString::fromStdString(instance.note);
        QMetaObject::invokeMethod(
            self,
            [self, path, diagnosable, note] {
                if (!self) return;
                ++self->m_received;
                self->arrived(path, diagnosable, note);
                Q_EMIT self->listenerChanged(true, tr("Listening as %1 on port %2: %n received", nullptr, self->m_received)
                                                       .arg(self->m_listening.aeTitle)
                                                       .arg(self->m_listening.port));
            },
            Qt::QueuedConnection);
    };
    callbacks.onRejected = [self](const std::string& reason, const std::string&) {
        const QString text = QString::fromStdString(reason);
        QMetaObject::invokeMethod(
            self, [self, text] { if (self) Q_EMIT self->listenerRejected(text); }, Qt::QueuedConnection);
    };
    try {
        auto listener = std::make_unique<pacs::StorageListener>(settings, callbacks);
        listener->start();
        m_listener = std::move(listener);
    } catch (const Error& e) {
        Q_EMIT listenerChanged(false, tr("Not listening: %1").arg(QString::fromStdString(e.what())));
        return false;
    }
    m_listening = preferences;
    m_received = 0;
    Q_EMIT listenerChanged(true, tr("Listening as %1 on port %2: %n received", nullptr, 0)
                                     .arg(preferences.aeTitle)
                                     .arg(preferences.port));
    return true;
}

void PacsTransfers::stopListener() {
    if (!m_listener) return;
    m_listener->stop();
    m_listener.reset();
    Q_EMIT listenerChanged(false, tr("Not listening"));
}

}  // namespace cxr::ui
