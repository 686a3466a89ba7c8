#pragma once
// ThresholdPicker: the operating threshold on P(PNEUMONIA) as a slider and a spin box, with a
// button back to the threshold the run chose on validation. Emits thresholdChanged while the
// user drags, so the matrix and rates follow live. The threshold is kept as the exact double it
// was set to: the slider (1/1000) and the spin box (3 decimals) only show it, so the chosen
// threshold reproduces the run's own calls, including a film exactly at it.
#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;

namespace cxr::ui {

class ThresholdPicker : public QWidget {
    Q_OBJECT
public:
    explicit ThresholdPicker(QWidget* parent = nullptr);

    // `rule` says how `chosen` was found ("argmax", "youden", "sensitivity:0.95").
    void setChosen(double chosen, const QString& rule);
    double threshold() const;
    void setThreshold(double threshold);

Q_SIGNALS:
    void thresholdChanged(double threshold);

private:
    QSlider* m_slider;
    QDoubleSpinBox* m_spin;
    QPushButton* m_reset;
    QLabel* m_rule;
    double m_chosen = 0.5;
    double m_threshold = 0.5;
    bool m_syncing = false;
};

}  // namespace cxr::ui
