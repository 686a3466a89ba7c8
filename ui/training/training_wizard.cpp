#include "ui/training/training_wizard.h"

#include <QEventLoop>
#include <QMessageBox>

#include "ui/common/error_reporter.h"
#include "ui/results/results_page.h"
#include "ui/training/data_page.h"
#include "ui/training/model_page.h"
#include "ui/training/phases_page.h"
#include "ui/training/train_page.h"
#include "ui/training/training_session.h"

namespace cxr::ui {

TrainingWizard::TrainingWizard(QWidget* parent)
    : QWizard(parent),
      m_data(new DataPage(&m_plan, this)),
      m_model(new ModelPage(&m_plan, this)),
      m_phases(new PhasesPage(&m_plan, this)),
      m_train(new TrainPage(&m_plan, this)),
      m_results(new ResultsPage(this)) {
    setWindowTitle(tr("Train a pneumonia model"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setOption(QWizard::HaveHelpButton, false);
    setPage(Data, m_data);
    setPage(Model, m_model);
    setPage(Phases, m_phases);
    setPage(Train, m_train);
    setPage(Results, m_results);
    setStartId(Data);
    resize(1100, 820);
    connect(m_results, &ResultsPage::useModel, this, &TrainingWizard::useModel);
}

TrainingWizard::~TrainingWizard() = default;

void TrainingWizard::initializePage(int id) {
    if (id == Results)
        m_results->setRunDirectory(m_plan.request.runDir);
    QWizard::initializePage(id);
}

void TrainingWizard::reject() {
    if (m_train->isRunning()) {
        if (ErrorReporter::isInteractive()) {
            const auto answer = QMessageBox::question(
                this, tr("Stop training?"),
                tr("Training is still running. Stop it now? The best checkpoint so far is kept and the run "
                   "can be resumed later from the same output folder."));
            if (answer != QMessageBox::Yes)
                return;
        }
        m_train->cancel();
        // Wait for the engine to stop within its batch, keeping the GUI painting meanwhile.
        QEventLoop loop;
        connect(m_train->session(), &TrainingSession::stopped, &loop, &QEventLoop::quit);
        if (m_train->isRunning())
            loop.exec();
    }
    QWizard::reject();
}

}  // namespace cxr::ui
