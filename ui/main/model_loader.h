#pragma once
// ModelLoader: opens a model bundle (run folder or seed .pth) on a pool thread, so neither
// start-up nor the Load Model action ever waits on LibTorch. The newest request wins; an older
// one that finishes later is dropped.
#include <memory>

#include <QFutureWatcher>
#include <QObject>

#include "core/diagnosis/diagnoser.h"

namespace cxr::ui {

struct LoadedModel {
    QString path;
    std::shared_ptr<const diagnosis::Diagnoser> diagnoser;  // null on failure
    QString error;
    double ms = 0;
};

class ModelLoader : public QObject {
    Q_OBJECT
public:
    explicit ModelLoader(QObject* parent = nullptr);
    ~ModelLoader() override;

    void load(const QString& path, const QString& device = QStringLiteral("auto"));
    bool isLoading() const;
    QString loadingPath() const { return m_requested; }

Q_SIGNALS:
    void loaded(const cxr::ui::LoadedModel& model);
    void failed(const QString& path, const QString& message);

private:
    void onFinished();

    QFutureWatcher<LoadedModel>* m_watcher = nullptr;
    QString m_requested;
    QString m_device;
    bool m_pending = false;
};

}  // namespace cxr::ui
