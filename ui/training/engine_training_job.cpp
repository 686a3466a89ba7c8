// The product's TrainingJob: the engine's train-folder workflow, unchanged.
#include "core/workflows/train_workflow.h"
#include "ui/training/training_request.h"

namespace cxr::ui {

TrainingJob engineTrainingJob() {
    return [](const TrainingRequest& request, training::TrainingObserver& observer, const CancelToken& cancel) {
        workflows::TrainFolderOptions options;
        options.dataDir = request.dataDir;
        options.runDir = request.runDir;
        options.config = request.config;
        options.imagenetWeights = request.weights;
        options.population = request.population;
        options.resume = request.resume;
        options.record = request.record;
        workflows::trainFolder(options, &observer, &cancel);
    };
}

}  // namespace cxr::ui
