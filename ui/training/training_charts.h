#pragma once
// TrainingCharts: the three charts of a training run — loss, accuracy, learning rate — kept in
// step with a training::TrainingHistory. Phase bands are shaded and labelled on every chart; the loss and
// accuracy charts mark each new best checkpoint and each early stop. The charts are plain
// QChart objects, so the live page shows them in views and the PDF report renders them through
// a QGraphicsScene. Only the GUI thread may call update().
#include <array>
#include <vector>

#include <QChart>
#include <QObject>
#include <QPointer>
#include <QString>

#include "core/training/training_history.h"

class QColor;
class QAreaSeries;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
class QLogValueAxis;
class QGraphicsSimpleTextItem;

namespace cxr::ui {

class TrainingCharts : public QObject {
    Q_OBJECT
public:
    explicit TrainingCharts(QObject* parent = nullptr);
    ~TrainingCharts() override;

    // A view that shows a chart takes it over (QChartView::setChart); charts no view took are
    // deleted with this object.
    QChart* lossChart() const { return m_loss.chart; }
    QChart* accuracyChart() const { return m_accuracy.chart; }
    QChart* learningRateChart() const { return m_lr.chart; }

    // Replaces every series' points with the history's (one signal per series).
    void update(const training::TrainingHistory& history);

    // Points currently in the named series, for tests: "batch loss", "train loss", "val loss",
    // "train accuracy", "val accuracy", "learning rate", "best", "early stop".
    int pointCount(const QString& series) const;
    int phaseBandCount() const;

private:
    struct Band {
        QAreaSeries* area = nullptr;
        QLineSeries* upper = nullptr;
        QLineSeries* lower = nullptr;
        QGraphicsSimpleTextItem* label = nullptr;
        QString text;  // full label; narrow bands show a short one
    };
    struct Panel {
        QPointer<QChart> chart;
        QValueAxis* x = nullptr;
        QValueAxis* y = nullptr;
        QLogValueAxis* yLog = nullptr;
        std::vector<Band> bands;
        double yMin = 0, yMax = 1;
    };

    void setUpPanel(Panel& panel, const QString& title, const QString& yTitle, bool logY);
    QLineSeries* addLine(Panel& panel, const QString& name, const QColor& colour, qreal width, bool points);
    QScatterSeries* addMarkers(Panel& panel, const QString& name, const QColor& colour, int shape);
    void updateBands(Panel& panel, const training::TrainingHistory& history);
    void placeBandLabels(Panel& panel);
    void setXRange(const training::TrainingHistory& history);

    Panel m_loss, m_accuracy, m_lr;
    QLineSeries* m_batchLoss = nullptr;
    QLineSeries* m_trainLoss = nullptr;
    QLineSeries* m_valLoss = nullptr;
    QScatterSeries* m_bestLoss = nullptr;
    QScatterSeries* m_stopLoss = nullptr;
    QLineSeries* m_batchAccuracy = nullptr;
    QLineSeries* m_trainAccuracy = nullptr;
    QLineSeries* m_valAccuracy = nullptr;
    QScatterSeries* m_bestAccuracy = nullptr;
    QScatterSeries* m_stopAccuracy = nullptr;
    QLineSeries* m_learningRate = nullptr;
    std::vector<std::string> m_phaseNames;
};

}  // namespace cxr::ui
