#pragma once
// WizardPlan: the choices the training wizard's pages build up together — the data set as
// summarised, and the request the train page hands to the engine. Owned by the wizard; each
// page reads what earlier pages wrote and writes its own part.
#include <optional>

#include "core/workflows/dataset_summary.h"
#include "ui/training/training_request.h"

namespace cxr::ui {

struct WizardPlan {
    std::optional<workflows::DatasetSummary> dataset;
    TrainingRequest request;
};

}  // namespace cxr::ui
