#include "ui/training/training_session.h"

#include <QThread>

#include "ui/training/training_worker.h"

namespace cxr::ui {

TrainingSession::TrainingSession(QObject* parent) : QObject(parent), m_job(engineTrainingJob()) {
    registerTrainingMetaTypes();
}

TrainingSession::~TrainingSession() {
    if (m_thread) {
        m_cancel->cancel();
        m_thread->quit();
        m_thread->wait();
        delete m_worker;
        delete m_thread;
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
    m_thread = new QThread();
    m_thread->setObjectName(QStringLiteral("training"));
    m_worker = new TrainingWorker(m_job, request, m_cancel);
    m_worker->moveToThread(m_thread);

    // Worker signals are emitted on the training thread; this object lives on the GUI thread,
    // so each connection below is queued.
    connect(m_worker, &TrainingWorker::runStarted, this, &TrainingSession::runStarted);
    connect(m_worker, &TrainingWorker::phaseStarted, this, &TrainingSession::phaseStarted);
    connect(m_worker, &TrainingWorker::epochStarted, this, &TrainingSession::epochStarted);
    connect(m_worker, &TrainingWorker::batchProgress, this, &TrainingSession::batchProgress);
    connect(m_worker, &TrainingWorker::validationProgress, this, &TrainingSession::validationProgress);
    connect(m_worker, &TrainingWorker::epochFinished, this, &TrainingSession::epochFinished);
    connect(m_worker, &TrainingWorker::newBest, this, &TrainingSession::newBest);
    connect(m_worker, &TrainingWorker::phaseFinished, this, &TrainingSession::phaseFinished);
    connect(m_worker, &TrainingWorker::stage, this, &TrainingSession::stage);
    connect(m_worker, &TrainingWorker::warning, this, &TrainingSession::warning);
    connect(m_worker, &TrainingWorker::trainingFinished, this, &TrainingSession::trainingFinished);
    connect(m_worker, &TrainingWorker::succeeded, this, &TrainingSession::succeeded);
    connect(m_worker, &TrainingWorker::failed, this, &TrainingSession::failed);
    // The job's end stops the thread's event loop; the thread's end cleans up on this side.
    connect(m_worker, &TrainingWorker::succeeded, m_thread, &QThread::quit);
    connect(m_worker, &TrainingWorker::failed, m_thread, &QThread::quit);
    connect(m_thread, &QThread::started, m_worker, &TrainingWorker::run);
    connect(m_thread, &QThread::finished, this, &TrainingSession::onThreadFinished);
    m_thread->start();
    return true;
}

void TrainingSession::cancel() {
    if (m_cancel)
        m_cancel->cancel();
}

void TrainingSession::onThreadFinished() {
    // Queued signals the worker emitted before quitting were posted before this one, so they
    // have all been delivered by now.
    m_thread->wait();
    delete m_worker;
    m_worker = nullptr;
    delete m_thread;
    m_thread = nullptr;
    Q_EMIT stopped();
}

}  // namespace cxr::ui
