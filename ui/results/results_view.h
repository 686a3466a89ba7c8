#pragma once
// ResultsView: a finished run's test results in one scrollable view — accuracy, sensitivity
// and specificity, the confusion matrix, the classification report, the ROC curve with its
// AUC, CI and operating point, the threshold picker (matrix, report and rates follow it live),
// calibration, the training curves, and example test films with their class activation maps.
#include <memory>

#include <QWidget>

#include "core/workflows/run_results.h"

class QChartView;
class QLabel;
class QTableWidget;

namespace cxr::ui {

class CamExamplesWidget;
class ConfusionMatrixWidget;
class ThresholdPicker;
class TrainingCharts;

class ResultsView : public QWidget {
    Q_OBJECT
public:
    explicit ResultsView(QWidget* parent = nullptr);
    ~ResultsView() override;

    void setResults(const workflows::RunResults& results);
    const workflows::RunResults& results() const { return m_results; }
    double threshold() const;
    ThresholdPicker* thresholdPicker() const { return m_picker; }
    ConfusionMatrixWidget* confusionMatrix() const { return m_matrix; }
    CamExamplesWidget* camExamples() const { return m_examples; }
    QString summaryText() const;

private:
    void applyThreshold(double threshold);

    workflows::RunResults m_results;
    QLabel* m_headline;
    QLabel* m_notes;
    ConfusionMatrixWidget* m_matrix;
    QTableWidget* m_report;
    ThresholdPicker* m_picker;
    QChartView* m_rocView;
    QChartView* m_calibrationView;
    QChartView* m_lossView;
    QChartView* m_accuracyView;
    TrainingCharts* m_curves;
    CamExamplesWidget* m_examples;
};

}  // namespace cxr::ui
