#pragma once
// TrainingWizard: the five pages from a data folder to a trained, evaluated model — Data,
// Model, Phases, Train, Results. The main window opens it from "Train model…" and connects
// useModel() to load the finished run as the review model. Closing it while training cancels
// the run (the best checkpoint stays; the run can be resumed later).
#include <QWizard>

#include "ui/training/wizard_plan.h"

namespace cxr::ui {

class DataPage;
class ModelPage;
class PhasesPage;
class ResultsPage;
class TrainPage;

class TrainingWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { Data, Model, Phases, Train, Results };

    explicit TrainingWizard(QWidget* parent = nullptr);
    ~TrainingWizard() override;

    DataPage* dataPage() const { return m_data; }
    ModelPage* modelPage() const { return m_model; }
    PhasesPage* phasesPage() const { return m_phases; }
    TrainPage* trainPage() const { return m_train; }
    ResultsPage* resultsPage() const { return m_results; }
    WizardPlan& plan() { return m_plan; }

    void reject() override;

protected:
    void initializePage(int id) override;

Q_SIGNALS:
    // "Use this model": the run folder to load as the review model.
    void useModel(const QString& runDir);

private:
    WizardPlan m_plan;
    DataPage* m_data;
    ModelPage* m_model;
    PhasesPage* m_phases;
    TrainPage* m_train;
    ResultsPage* m_results;
};

}  // namespace cxr::ui
