#pragma once
// PhasesPage: the training plan — the three phases (what trains, epochs, learning rate, StepLR
// step and gamma, early-stop patience) with the seed script's defaults and a reset, and the
// run-wide settings: batch size, image size, device (as detected, with the GPU's name), seed,
// which best early stopping compares with, frozen BatchNorm statistics and the run's output
// folder.
#include <QWizardPage>

#include "core/training/training_config.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace cxr::ui {

struct WizardPlan;

class PhasesPage : public QWizardPage {
    Q_OBJECT
public:
    PhasesPage(WizardPlan* plan, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    // Fills every control from `config` (the table, batch, image size, device, seed).
    void setConfig(const training::TrainingConfig& config);
    // The config as the controls say now, on top of the plan's.
    training::TrainingConfig config() const;
    void setOutputFolder(const QString& folder);
    QTableWidget* phaseTable() const { return m_table; }

private:
    void updateOutputState();

    WizardPlan* m_plan;
    QTableWidget* m_table;
    QSpinBox* m_batch;
    QSpinBox* m_imageSize;
    QComboBox* m_device;
    QComboBox* m_precision;
    QSpinBox* m_seed;
    QComboBox* m_earlyStopOn;
    QCheckBox* m_freezeBatchNorm;
    QLineEdit* m_output;
    QCheckBox* m_resume;
    QLabel* m_outputState;
    QLabel* m_total;
    bool m_outputTouched = false;
};

}  // namespace cxr::ui
