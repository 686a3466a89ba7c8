#include "ui/pacs/pacs_transfers.h"

#include <numeric>
#include <vector>

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

#include "core/common/error.h"
#include "core/common/progress.h"
#include "core/diagnosis/diagnoser.h"
#include "core/pacs/retrieve.h"
#include "core/pacs/storage_listener.h"
#include "core/workflows/pacs_results.h"
#include "ui/common/qt_convert.h"

namespace cxr::ui {

PacsTransfers::PacsTransfers(QObject* parent) : QObject(parent) {}

PacsTransfers::~PacsTransfers() {
    cancelRetrieve();
    m_retrieve.waitForFinished();
    m_sends.waitForFinished();
    stopListener();
}

void PacsTransfers::setDiagnoser(std::shared_ptr<const diagnosis::Diagnoser> diagnoser,
                                 diagnosis::DiagnoseOptions options) {
    m_diagnoser = std::move(diagnoser);
    m_options = std::move(options);
}

void PacsTransfers::sendResults(const PacsServer& server, const QString& path) {
    const auto diagnoser = m_diagnoser;
    if (!diagnoser) {
        Q_EMIT resultsSent(path, false, tr("No model is loaded: there are no results to send."));
        return;
    }
    diagnosis::DiagnoseOptions options = m_options;
    options.explain = true;  // the overlay and the report's CAM peak need the map
    ++m_sending;
    QPointer<PacsTransfers> self(this);
    m_sends.addFuture(QtConcurrent::run([self, server, path, diagnoser, options] {
        bool ok = false;
        QString text;
        try {
            const auto d = diagnoser->diagnoseFile(toPath(path), options);
            const auto sent = workflows::sendResults(server.node(), server.association(), toPath(path), d, diagnoser->info());
            ok = true;
            text = tr("Sent %n result object(s) for %1 to %2.", nullptr, static_cast<int>(sent.objects.size()))
                       .arg(QFileInfo(path).fileName(), server.label());
        } catch (const Error& e) {
            text = tr("Results for %1 not sent: %2").arg(QFileInfo(path).fileName(), QString::fromStdString(e.what()));
        }
        QMetaObject::invokeMethod(
            self,
            [self, path, ok, text] {
                if (!self) return;
                --self->m_sending;
                Q_EMIT self->resultsSent(path, ok, text);
            },
            Qt::QueuedConnection);
    }));
}

QString PacsTransfers::defaultFolder(const QString& purpose) {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(purpose);
}

bool PacsTransfers::isRetrieving() const { return m_retrieve.isRunning(); }

void PacsTransfers::cancelRetrieve() {
    if (m_cancel) m_cancel->cancel();
}

void PacsTransfers::arrived(const QString& path, bool diagnosable, const QString& note, bool fromRetrieve) {
    if (!diagnosable) {
        Q_EMIT objectKept(path, note);
        return;
    }
    Q_EMIT filmArrived(path);
    if (fromRetrieve && m_retrieveServer.sendResults && m_diagnoser) sendResults(m_retrieveServer, path);
}

bool PacsTransfers::retrieve(const PacsServer& server, const QList<RetrieveItem>& items, const QString& folder) {
    if (isRetrieving() || items.isEmpty()) return false;
    m_cancel = std::make_shared<CancelToken>();
    m_retrieveServer = server;
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
                    self->arrived(path, diagnosable, note, true);
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
                self->arrived(path, diagnosable, note, false);
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
