#include "ui/main/model_loader.h"

#include <chrono>

#include <QtConcurrent/QtConcurrentRun>

#include "core/model/device.h"
#include "ui/common/error_reporter.h"
#include "ui/common/qt_convert.h"

namespace cxr::ui {
namespace {

LoadedModel loadModel(const QString& path, const QString& device) {
    LoadedModel out;
    out.path = path;
    const auto start = std::chrono::steady_clock::now();
    try {
        model::initTorchThreads();
        out.diagnoser = std::make_shared<const diagnosis::Diagnoser>(toPath(path), device.toStdString());
    } catch (...) {
        out.error = ErrorReporter::describeCurrent();
    }
    out.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return out;
}

}  // namespace

ModelLoader::ModelLoader(QObject* parent) : QObject(parent) {
    m_watcher = new QFutureWatcher<LoadedModel>(this);
    connect(m_watcher, &QFutureWatcher<LoadedModel>::finished, this, &ModelLoader::onFinished);
}

ModelLoader::~ModelLoader() { m_watcher->waitForFinished(); }

void ModelLoader::load(const QString& path, const QString& device) {
    m_requested = path;
    m_device = device;
    if (m_watcher->isRunning()) {
        m_pending = true;  // started when the running load ends
        return;
    }
    m_watcher->setFuture(QtConcurrent::run(loadModel, path, device));
}

bool ModelLoader::isLoading() const { return m_watcher->isRunning() || m_pending; }

void ModelLoader::onFinished() {
    const LoadedModel result = m_watcher->result();
    if (m_pending) {
        m_pending = false;
        if (result.path != m_requested) {  // superseded: load the newest request instead
            m_watcher->setFuture(QtConcurrent::run(loadModel, m_requested, m_device));
            return;
        }
    }
    if (result.diagnoser) {
        Q_EMIT loaded(result);
    } else {
        Q_EMIT failed(result.path, result.error);
    }
}

}  // namespace cxr::ui
