#include "ui/training/training_launcher.h"

#include <QPointer>

#include "ui/main/main_window.h"
#include "ui/training/data_page.h"
#include "ui/training/training_wizard.h"

namespace cxr::ui {

void installTrainingWizard() {
    MainWindow::setTrainingLauncher([](QWidget* parent, const QString& dataFolder,
                                       std::function<void(const QString&)> onModelReady) {
        // One wizard at a time: a second "Train model…" brings the open one forward.
        static QPointer<TrainingWizard> open;
        if (open) {
            open->raise();
            open->activateWindow();
            if (!dataFolder.isEmpty() && open->currentId() == TrainingWizard::Data) {
                open->dataPage()->setFolder(dataFolder);
            }
            return;
        }
        auto* wizard = new TrainingWizard(parent);
        wizard->setAttribute(Qt::WA_DeleteOnClose);
        wizard->setWindowModality(Qt::NonModal);
        QObject::connect(wizard, &TrainingWizard::useModel, wizard,
                         [onModelReady](const QString& runDir) { onModelReady(runDir); });
        open = wizard;
        if (!dataFolder.isEmpty()) {
            wizard->dataPage()->setFolder(dataFolder);  // e.g. the reviewed films just exported
        }
        wizard->show();
    });
}

}  // namespace cxr::ui
