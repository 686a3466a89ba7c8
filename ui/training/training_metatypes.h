#pragma once
// The engine's event structs as Qt meta-types, so they travel through queued signals from the
// training thread to the GUI thread. registerTrainingMetaTypes() once before the first run.
#include <QMetaType>

#include "core/training/training_observer.h"
#include "ui/training/training_request.h"

Q_DECLARE_METATYPE(cxr::training::RunStartInfo)
Q_DECLARE_METATYPE(cxr::training::PhaseInfo)
Q_DECLARE_METATYPE(cxr::training::EpochInfo)
Q_DECLARE_METATYPE(cxr::training::BatchInfo)
Q_DECLARE_METATYPE(cxr::training::EpochResult)
Q_DECLARE_METATYPE(cxr::training::BestCheckpointInfo)
Q_DECLARE_METATYPE(cxr::training::PhaseResult)
Q_DECLARE_METATYPE(cxr::training::TrainingResult)

namespace cxr::ui {
void registerTrainingMetaTypes();
}  // namespace cxr::ui
