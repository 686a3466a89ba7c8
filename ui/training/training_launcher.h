#pragma once
// Hooks the training wizard into the main window's "Train model…" action
// (MainWindow::setTrainingLauncher): the wizard opens as its own window, and "Use this model"
// hands the run folder to the main window, which loads it as the review model.
namespace cxr::ui {

void installTrainingWizard();

}  // namespace cxr::ui
