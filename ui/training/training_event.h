#pragma once
// TrainingEvent: one thing a training run reports, as a value. The engine's observer calls
// (core/training/training_observer.h) arrive on the training thread; TrainingSession turns each
// into one of these and delivers it on the GUI thread through its one signal. Receivers pick
// the kinds they draw with std::get_if (or std::visit) and ignore the rest.
#include <cstddef>
#include <variant>

#include <QMetaType>
#include <QString>

#include "core/common/notice.h"
#include "core/common/progress.h"
#include "core/training/training_observer.h"

namespace cxr::ui {

// Validation batches done within the current epoch.
struct ValidationProgress {
    std::size_t done = 0;
    std::size_t total = 0;
};

// Work outside the epochs: indexing, the film cache, the final evaluation, export.
struct StageProgress {
    Progress progress;
};

struct TrainingWarning {
    Notice notice;
};

// The job ended normally: the run's files and its test report are written.
struct RunSucceeded {};

// The job stopped: an error (message says why) or a cancel (cancelled = true; the best
// checkpoint and the resume state are intact).
struct RunFailed {
    QString message;
    bool cancelled = false;
};

// Exactly one of RunSucceeded or RunFailed ends each run; TrainingSession::stopped() follows it
// once the training thread has ended.
using TrainingEvent = std::variant<training::RunStartInfo, training::PhaseInfo, training::EpochInfo,
                                   training::BatchInfo, ValidationProgress, training::EpochResult,
                                   training::BestCheckpointInfo, training::PhaseResult, StageProgress,
                                   TrainingWarning, training::TrainingResult, RunSucceeded, RunFailed>;

}  // namespace cxr::ui

Q_DECLARE_METATYPE(cxr::ui::TrainingEvent)
