#pragma once
// ModelPage: where the network starts from — torchvision's ImageNet resnet18 weights (a .pth
// file the user has; nothing is downloaded) or random weights, with a plain warning about
// what that means — and how the class imbalance is handled.
#include <QWizardPage>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace cxr::ui {

struct WizardPlan;

class ModelPage : public QWizardPage {
    Q_OBJECT
public:
    ModelPage(WizardPlan* plan, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    void setWeightsFile(const QString& file);  // empty: from scratch
    void setClassWeighting(const QString& mode);  // "none" | "loss" | "sampler"
    // The training population: ages in completed years ("1-5", empty: not recorded) and words.
    void setPopulation(const QString& ages, const QString& description);

private:
    void updateState();

    WizardPlan* m_plan;
    QRadioButton* m_pretrained;
    QRadioButton* m_scratch;
    QLineEdit* m_weights;
    QPushButton* m_browse;
    QLabel* m_warning;
    QComboBox* m_weighting;
    QLabel* m_balance;
    QLineEdit* m_populationAge;
    QLineEdit* m_population;
    QLabel* m_populationError;
};

}  // namespace cxr::ui
