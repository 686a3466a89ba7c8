#include "ui/training/training_session.h"

#include <chrono>

#include <QThread>

#include "core/common/error.h"
#include "ui/common/error_reporter.h"
#include "ui/common/qt_convert.h"

namespace cxr::ui {
namespace {

using Clock = std::chrono::steady_clock;

// The engine's observer on the training thread: each call becomes a TrainingEvent, posted to
// the session, which emits it on the GUI thread. Posted calls to one object keep their order,
// and the thread's finished() is posted after the run's last event.
class EventQueue : public training::TrainingObserver {
public:
    explicit EventQueue(TrainingSession* session) : m_session(session) {}

    void post(TrainingEvent event) {
        TrainingSession* session = m_session;
        QMetaObject::invokeMethod(
            session, [session, event = std::move(event)] { Q_EMIT session->trainingEvent(event); }, Qt::QueuedConnection);
    }

    void onRunStarted(const training::RunStartInfo& info) override { post(info); }
    void onPhaseStarted(const training::PhaseInfo& info) override { post(info); }
    void onEpochStarted(const training::EpochInfo& info) override {
        m_lastBatch = {};
        post(info);
    }
    void onBatch(const training::BatchInfo& info) override {
        if (info.batch == info.batches || due(m_lastBatch))
            post(info);
    }
    void onValidationProgress(std::size_t done, std::size_t total) override {
        if (done == total || due(m_lastValidation))
            post(ValidationProgress{done, total});
    }
    void onEpochFinished(const training::EpochResult& result) override { post(result); }
    void onNewBest(const training::BestCheckpointInfo& best) override { post(best); }
    void onPhaseFinished(const training::PhaseResult& result) override { post(result); }
    void onStage(const Progress& progress) override {
        // A new stage or its end always goes through; progress within one is coalesced.
        const bool changed = progress.stage != m_lastStageName;
        if (changed || progress.done == progress.total || due(m_lastStage)) {
            m_lastStageName = progress.stage;
            post(StageProgress{progress});
        }
    }
    void onWarning(const Notice& notice) override { post(TrainingWarning{notice}); }
    void onRunFinished(const training::TrainingResult& result) override { post(result); }

private:
    static bool due(Clock::time_point& last) {
        const auto now = Clock::now();
        if (now - last < std::chrono::milliseconds(TrainingSession::kThrottleMs))
            return false;
        last = now;
        return true;
    }

    TrainingSession* m_session;
    Clock::time_point m_lastBatch{}, m_lastValidation{}, m_lastStage{};
    Notice m_lastStageName;
};

}  // namespace

TrainingSession::TrainingSession(QObject* parent) : QObject(parent), m_job(engineTrainingJob()) {
    qRegisterMetaType<cxr::ui::TrainingEvent>();
}

TrainingSession::~TrainingSession() {
    if (m_thread) {
        m_cancel->cancel();
        m_thread->wait();
        delete m_thread;  // events still queued for this object go with it
    }
}

void TrainingSession::setJob(TrainingJob job) {
    m_job = std::move(job);
}

bool TrainingSession::isRunning() const {
    return m_thread != nullptr;
}

bool TrainingSession::start(const TrainingRequest& request) {
    if (m_thread)
        return false;
    m_request = request;
    m_cancel = std::make_shared<CancelToken>();
    // The thread runs the job to its end and reports exactly one of RunSucceeded or RunFailed:
    // errors are caught here, at the edge, and never cross into the GUI thread as exceptions.
    m_thread = QThread::create([this, job = m_job, request, cancel = m_cancel] {
        EventQueue events(this);
        try {
            job(request, events, *cancel);
        } catch (const Error& e) {
            events.post(RunFailed{toQString(std::string(e.what())), e.code() == ErrorCode::Cancelled});
            return;
        } catch (...) {
            events.post(RunFailed{ErrorReporter::describeCurrent(), false});
            return;
        }
        events.post(RunSucceeded{});
    });
    m_thread->setObjectName(QStringLiteral("training"));
    // finished() is emitted on the training thread; this object lives on the GUI thread, so the
    // connection is queued, behind every event the run posted.
    connect(m_thread, &QThread::finished, this, &TrainingSession::onThreadFinished);
    m_thread->start();
    return true;
}

void TrainingSession::cancel() {
    if (m_cancel)
        m_cancel->cancel();
}

void TrainingSession::onThreadFinished() {
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    Q_EMIT stopped();
}

}  // namespace cxr::ui
