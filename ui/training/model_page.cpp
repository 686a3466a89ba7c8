#include "ui/training/model_page.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include "core/common/error.h"
#include "core/common/population.h"
#include "ui/common/notice_text.h"
#include "ui/common/qt_convert.h"
#include "ui/training/wizard_plan.h"

namespace cxr::ui {

ModelPage::ModelPage(WizardPlan* plan, QWidget* parent) : QWizardPage(parent), m_plan(plan) {
    setTitle(tr("Model"));
    setSubTitle(tr("ResNet18 with a two-class head. Three-phase fine-tuning works best from "
                   "ImageNet-pretrained weights."));

    m_pretrained = new QRadioButton(tr("Start from ImageNet weights (torchvision resnet18 .pth file)"), this);
    m_scratch = new QRadioButton(tr("Train from scratch (random weights)"), this);
    auto* group = new QButtonGroup(this);
    group->addButton(m_pretrained);
    group->addButton(m_scratch);
    m_scratch->setChecked(true);

    m_weights = new QLineEdit(this);
    m_weights->setPlaceholderText(tr("e.g. resnet18-f37072fd.pth"));
    m_browse = new QPushButton(tr("Browse…"), this);
    auto* weightsRow = new QHBoxLayout;
    weightsRow->setContentsMargins(24, 0, 0, 0);
    weightsRow->addWidget(m_weights, 1);
    weightsRow->addWidget(m_browse);

    m_warning = new QLabel(this);
    m_warning->setWordWrap(true);
    m_warning->setText(
        tr("<b>Training from scratch.</b> The seed's phases assume a pretrained backbone, so without "
           "one every phase trains all layers, keeping its learning rate and epochs. Expect lower "
           "accuracy than fine-tuning and more epochs; use it to try the workflow, not to judge the "
           "method."));
    m_warning->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff4e5; border: 1px solid #e0a040; border-radius: 4px; padding: 6px; }"));

    m_weighting = new QComboBox(this);
    m_weighting->addItem(tr("None (plain cross-entropy, as the seed script)"), QStringLiteral("none"));
    m_weighting->addItem(tr("Class-weighted loss (inverse class frequency)"), QStringLiteral("loss"));
    m_weighting->addItem(tr("Class-balanced sampling"), QStringLiteral("sampler"));
    m_balance = new QLabel(this);
    m_balance->setWordWrap(true);

    m_populationAge = new QLineEdit(this);
    m_populationAge->setPlaceholderText(tr("e.g. 1-5 (completed years)"));
    m_populationAge->setToolTip(tr("Ages of the patients the films came from. Films of patients outside "
                                   "this range get a warning when the model is used."));
    m_population = new QLineEdit(this);
    m_population->setPlaceholderText(tr("e.g. children, one hospital's paediatric ward"));
    m_populationError = new QLabel(this);
    m_populationError->setWordWrap(true);
    m_populationError->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    m_populationError->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("Class weighting:"), m_weighting);
    form->addRow(tr("Patient ages:"), m_populationAge);
    form->addRow(tr("Population:"), m_population);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pretrained);
    layout->addLayout(weightsRow);
    layout->addWidget(m_scratch);
    layout->addWidget(m_warning);
    layout->addSpacing(12);
    layout->addLayout(form);
    layout->addWidget(m_balance);
    layout->addWidget(m_populationError);
    layout->addStretch(1);

    connect(m_pretrained, &QRadioButton::toggled, this, &ModelPage::updateState);
    connect(m_weights, &QLineEdit::textChanged, this, &ModelPage::updateState);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("ImageNet ResNet18 weights"), m_weights->text(),
                                                          tr("PyTorch weights (*.pth *.pt);;All files (*)"));
        if (!file.isEmpty())
            setWeightsFile(file);
    });
    updateState();
}

void ModelPage::initializePage() {
    if (m_plan->dataset) {
        const double ratio = m_plan->dataset->imbalance();
        m_balance->setText(ratio > 0 ? tr("Training split: %1 films of the larger class per film of the smaller.")
                                           .arg(localeNumber(ratio, 1))
                                     : QString());
    }
}

void ModelPage::setWeightsFile(const QString& file) {
    m_weights->setText(file);
    (file.isEmpty() ? m_scratch : m_pretrained)->setChecked(true);
    updateState();
}

void ModelPage::setClassWeighting(const QString& mode) {
    const int i = m_weighting->findData(mode);
    if (i >= 0)
        m_weighting->setCurrentIndex(i);
}

void ModelPage::setPopulation(const QString& ages, const QString& description) {
    m_populationAge->setText(ages);
    m_population->setText(description);
}

void ModelPage::updateState() {
    const bool pretrained = m_pretrained->isChecked();
    m_weights->setEnabled(pretrained);
    m_browse->setEnabled(pretrained);
    m_warning->setVisible(!pretrained);
    Q_EMIT completeChanged();
}

bool ModelPage::isComplete() const {
    if (!m_pretrained->isChecked())
        return true;
    const QFileInfo info(m_weights->text().trimmed());
    return info.isFile() && info.isReadable();
}

bool ModelPage::validatePage() {
    if (m_pretrained->isChecked())
        m_plan->request.weights = toPath(m_weights->text().trimmed());
    else
        m_plan->request.weights.reset();
    m_plan->request.config.classWeighting = m_weighting->currentData().toString().toStdString();
    Population population;
    const QString ages = m_populationAge->text().trimmed();
    if (!ages.isEmpty()) {
        try {
            population.age = parseAgeRange(ages.toStdString(), std::string());
        } catch (const Error&) {
            m_populationError->setText(tr("Patient ages: “%1” is not an age range; write the youngest and the "
                                          "oldest age in completed years, such as 1-5.")
                                           .arg(ages));
            m_populationError->show();
            m_populationAge->setFocus();
            return false;
        }
    }
    m_populationError->hide();
    population.description = m_population->text().trimmed().toStdString();
    m_plan->request.population = population;
    return true;
}

}  // namespace cxr::ui
