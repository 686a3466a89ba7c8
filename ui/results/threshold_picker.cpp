#include "ui/results/threshold_picker.h"

#include "ui/common/notice_text.h"

#include <cmath>

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>

namespace cxr::ui {

ThresholdPicker::ThresholdPicker(QWidget* parent) : QWidget(parent) {
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setRange(0, 1000);
    m_spin = new QDoubleSpinBox(this);
    m_spin->setRange(0.0, 1.0);
    m_spin->setDecimals(3);
    m_spin->setSingleStep(0.01);
    m_reset = new QPushButton(tr("Back to the chosen threshold"), this);
    m_rule = new QLabel(this);
    m_rule->setWordWrap(true);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Threshold on P(PNEUMONIA):"), this));
    row->addWidget(m_slider, 1);
    row->addWidget(m_spin);
    row->addWidget(m_reset);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_rule);

    connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
        if (m_syncing)
            return;
        setThreshold(v / 1000.0);
    });
    connect(m_spin, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (m_syncing)
            return;
        setThreshold(v);
    });
    connect(m_reset, &QPushButton::clicked, this, [this] { setThreshold(m_chosen); });
    setThreshold(0.5);
}

void ThresholdPicker::setChosen(double chosen, const QString& rule) {
    m_chosen = chosen;
    m_rule->setText(tr("Chosen on the validation split by the rule “%1”: %2. Moving it here shows its effect "
                       "on the test split; the exported model keeps the chosen threshold.")
                        .arg(rule)
                        .arg(localeNumber(chosen, 3)));
    setThreshold(chosen);
}

double ThresholdPicker::threshold() const {
    return m_threshold;
}

void ThresholdPicker::setThreshold(double t) {
    t = std::clamp(t, 0.0, 1.0);
    m_threshold = t;
    m_syncing = true;
    m_slider->setValue(static_cast<int>(std::lround(t * 1000)));
    m_spin->setValue(t);
    m_syncing = false;
    m_reset->setEnabled(std::abs(t - m_chosen) > 1e-9);
    Q_EMIT thresholdChanged(t);
}

}  // namespace cxr::ui
