#pragma once
// runInBackground: runs `job` on a pool thread and hands its result to `done` on `owner`'s
// thread. Owned by `owner`: when the owner goes first (a dialog closed early), `done` never
// runs, so it may use the owner freely. The job must own what it uses.
#include <type_traits>
#include <utility>

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

namespace cxr::ui {

template <class Job, class Done>
void runInBackground(QObject* owner, Job job, Done done) {
    using Result = std::invoke_result_t<Job>;
    auto* watcher = new QFutureWatcher<Result>(owner);
    QObject::connect(watcher, &QFutureWatcherBase::finished, owner, [watcher, done = std::move(done)]() mutable {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(std::move(job)));
}

}  // namespace cxr::ui
