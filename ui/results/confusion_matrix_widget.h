#pragma once
// ConfusionMatrixWidget: the confusion matrix drawn as a coloured grid — counts and row
// percentages, rows the truth, columns the call — and the painter behind it, which the PDF
// report uses too so screen and paper look the same.
#include <string>
#include <vector>

#include <QWidget>

#include "core/evaluation/confusion_matrix.h"

namespace cxr::ui {

// Draws the matrix with its axis captions into `rect`.
void paintConfusionMatrix(QPainter& painter, const QRectF& rect, const evaluation::ConfusionMatrix& matrix,
                          const std::vector<std::string>& classes);

class ConfusionMatrixWidget : public QWidget {
    Q_OBJECT
public:
    explicit ConfusionMatrixWidget(QWidget* parent = nullptr);
    void setMatrix(const evaluation::ConfusionMatrix& matrix, const std::vector<std::string>& classes);
    const evaluation::ConfusionMatrix& matrix() const { return m_matrix; }
    QSize sizeHint() const override { return {320, 240}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    evaluation::ConfusionMatrix m_matrix{2};
    std::vector<std::string> m_classes;
};

}  // namespace cxr::ui
