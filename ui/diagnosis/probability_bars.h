#pragma once
// ProbabilityBars: one horizontal bar per class probability, the positive class's bar marked
// with the operating threshold, so the distance from the call's boundary is visible at a glance.
#include <vector>

#include <QStringList>
#include <QWidget>

namespace cxr::ui {

class ProbabilityBars : public QWidget {
public:
    explicit ProbabilityBars(QWidget* parent = nullptr);

    void setValues(const QStringList& titles, const std::vector<double>& probabilities, int positiveIndex,
                   double threshold);
    void clear();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int rowHeight() const;

    QStringList m_titles;
    std::vector<double> m_values;
    int m_positive = -1;
    double m_threshold = 0.5;
};

}  // namespace cxr::ui
