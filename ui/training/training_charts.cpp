#include "ui/training/training_charts.h"

#include <algorithm>
#include <cmath>

#include <QAreaSeries>
#include <QChart>
#include <QGraphicsSimpleTextItem>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPen>
#include <QScatterSeries>
#include <QValueAxis>

#include "ui/common/qt_convert.h"
#include "ui/common/term_text.h"

namespace cxr::ui {
namespace {

// Light, distinct washes so the curves stay readable on top of them.
const std::array<QColor, 4> kBandColours{QColor(70, 130, 220, 38), QColor(60, 170, 90, 38),
                                         QColor(230, 140, 40, 40), QColor(150, 90, 200, 38)};

QColor bandColour(int phase) {
    return kBandColours[static_cast<std::size_t>(phase) % kBandColours.size()];
}

}  // namespace

TrainingCharts::TrainingCharts(QObject* parent) : QObject(parent) {
    setUpPanel(m_loss, tr("Loss"), tr("cross-entropy"), false);
    setUpPanel(m_accuracy, tr("Accuracy"), tr("accuracy"), false);
    setUpPanel(m_lr, tr("Learning rate"), tr("learning rate"), true);

    m_batchLoss = addLine(m_loss, tr("running, per batch"), QColor(150, 150, 150), 1.0, false);
    m_trainLoss = addLine(m_loss, tr("train loss"), QColor(31, 119, 180), 2.0, true);
    m_valLoss = addLine(m_loss, tr("val loss"), QColor(214, 39, 40), 2.0, true);
    m_bestLoss = addMarkers(m_loss, tr("best checkpoint"), QColor(255, 200, 0), QScatterSeries::MarkerShapeStar);
    m_stopLoss = addMarkers(m_loss, tr("early stop"), QColor(120, 0, 0), QScatterSeries::MarkerShapeTriangle);

    m_batchAccuracy = addLine(m_accuracy, tr("running, per batch"), QColor(150, 150, 150), 1.0, false);
    m_trainAccuracy = addLine(m_accuracy, tr("train accuracy"), QColor(31, 119, 180), 2.0, true);
    m_valAccuracy = addLine(m_accuracy, tr("val accuracy"), QColor(214, 39, 40), 2.0, true);
    m_bestAccuracy = addMarkers(m_accuracy, tr("best checkpoint"), QColor(255, 200, 0), QScatterSeries::MarkerShapeStar);
    m_stopAccuracy = addMarkers(m_accuracy, tr("early stop"), QColor(120, 0, 0), QScatterSeries::MarkerShapeTriangle);

    m_learningRate = addLine(m_lr, tr("learning rate"), QColor(44, 160, 44), 2.0, true);

    m_accuracy.yMin = 0;
    m_accuracy.yMax = 1;
    m_accuracy.y->setRange(0, 1);
    update(training::TrainingHistory{});
}

TrainingCharts::~TrainingCharts() {
    // Charts a view took over are deleted by the view's scene; ours are not parented.
    for (Panel* p : {&m_loss, &m_accuracy, &m_lr})
        if (p->chart && !p->chart->scene())
            delete p->chart;
}

void TrainingCharts::setUpPanel(Panel& panel, const QString& title, const QString& yTitle, bool logY) {
    panel.chart = new QChart();
    panel.chart->setTitle(title);
    panel.chart->setAnimationOptions(QChart::NoAnimation);  // animations cost frames at 10 Hz
    panel.chart->legend()->setAlignment(Qt::AlignBottom);
    panel.chart->setMargins(QMargins(4, 4, 4, 4));
    panel.x = new QValueAxis();
    panel.x->setTitleText(tr("epoch"));
    panel.x->setLabelFormat(QStringLiteral("%d"));
    panel.chart->addAxis(panel.x, Qt::AlignBottom);
    if (logY) {
        panel.yLog = new QLogValueAxis();
        panel.yLog->setTitleText(yTitle);
        panel.yLog->setLabelFormat(QStringLiteral("%.0e"));
        panel.yLog->setBase(10);
        panel.chart->addAxis(panel.yLog, Qt::AlignLeft);
    } else {
        panel.y = new QValueAxis();
        panel.y->setTitleText(yTitle);
        panel.chart->addAxis(panel.y, Qt::AlignLeft);
    }
    QChart* chart = panel.chart;
    Panel* p = &panel;
    connect(chart, &QChart::plotAreaChanged, this, [this, p] { placeBandLabels(*p); });
}

QLineSeries* TrainingCharts::addLine(Panel& panel, const QString& name, const QColor& colour, qreal width,
                                     bool points) {
    auto* s = new QLineSeries();
    s->setName(name);
    QPen pen(colour);
    pen.setWidthF(width);
    s->setPen(pen);
    s->setPointsVisible(points);
    panel.chart->addSeries(s);
    s->attachAxis(panel.x);
    s->attachAxis(panel.y ? static_cast<QAbstractAxis*>(panel.y) : panel.yLog);
    return s;
}

QScatterSeries* TrainingCharts::addMarkers(Panel& panel, const QString& name, const QColor& colour, int shape) {
    auto* s = new QScatterSeries();
    s->setName(name);
    s->setMarkerShape(static_cast<QScatterSeries::MarkerShape>(shape));
    s->setMarkerSize(14);
    s->setColor(colour);
    s->setBorderColor(QColor(60, 60, 60));
    panel.chart->addSeries(s);
    s->attachAxis(panel.x);
    s->attachAxis(panel.y);
    return s;
}

void TrainingCharts::setXRange(const training::TrainingHistory& history) {
    const double right = std::max(1.0, std::ceil(history.extent()));
    for (Panel* p : {&m_loss, &m_accuracy, &m_lr}) {
        p->x->setRange(0, right);
        p->x->setTickCount(std::min(11, static_cast<int>(right) + 1));
    }
}

void TrainingCharts::update(const training::TrainingHistory& history) {
    QList<QPointF> batchLoss, batchAcc, trainLoss, valLoss, trainAcc, valAcc, lr, bestL, bestA, stopL, stopA;
    double lossMax = 0;
    for (const auto& b : history.batches()) {
        batchLoss.append({b.x, b.runningLoss});
        batchAcc.append({b.x, b.runningAccuracy});
        if (std::isfinite(b.runningLoss))
            lossMax = std::max(lossMax, b.runningLoss);
    }
    double lrMin = 1, lrMax = 1e-6;
    int k = 0;
    for (const auto& e : history.epochs()) {
        ++k;
        trainLoss.append({double(k), e.trainLoss});
        valLoss.append({double(k), e.valLoss});
        trainAcc.append({double(k), e.trainAccuracy});
        valAcc.append({double(k), e.valAccuracy});
        // A step plot: the rate holds over the whole epoch.
        if (e.learningRate > 0) {
            lr.append({double(k - 1), e.learningRate});
            lr.append({double(k), e.learningRate});
            lrMin = std::min(lrMin, e.learningRate);
            lrMax = std::max(lrMax, e.learningRate);
        }
        for (double v : {e.trainLoss, e.valLoss})
            if (std::isfinite(v))
                lossMax = std::max(lossMax, v);
    }
    for (const auto& m : history.bestMarkers()) {
        bestL.append({m.x, m.valLoss});
        bestA.append({m.x, m.valAccuracy});
    }
    for (const auto& m : history.earlyStopMarkers()) {
        stopL.append({m.x, m.valLoss});
        stopA.append({m.x, m.valAccuracy});
    }
    m_batchLoss->replace(batchLoss);
    m_batchAccuracy->replace(batchAcc);
    m_trainLoss->replace(trainLoss);
    m_valLoss->replace(valLoss);
    m_trainAccuracy->replace(trainAcc);
    m_valAccuracy->replace(valAcc);
    m_learningRate->replace(lr);
    m_bestLoss->replace(bestL);
    m_bestAccuracy->replace(bestA);
    m_stopLoss->replace(stopL);
    m_stopAccuracy->replace(stopA);

    m_loss.yMin = 0;
    m_loss.yMax = lossMax > 0 ? lossMax * 1.1 : 1.0;
    m_loss.y->setRange(m_loss.yMin, m_loss.yMax);
    m_loss.y->applyNiceNumbers();  // round ticks; the bands follow the axis as it ends up
    m_loss.yMin = m_loss.y->min();
    m_loss.yMax = m_loss.y->max();
    if (lr.isEmpty()) {
        lrMin = 1e-5;
        lrMax = 1e-2;
    }
    m_lr.yMin = std::pow(10.0, std::floor(std::log10(lrMin * 0.999)));  // a decade of room below
    m_lr.yMax = std::pow(10.0, std::ceil(std::log10(lrMax * 1.0001)));
    if (m_lr.yMax <= m_lr.yMin)
        m_lr.yMax = m_lr.yMin * 10;
    m_lr.yLog->setRange(m_lr.yMin, m_lr.yMax);
    setXRange(history);

    m_phaseNames.clear();
    for (const auto& p : history.phases())
        m_phaseNames.push_back(p.name);
    for (Panel* p : {&m_loss, &m_accuracy, &m_lr})
        updateBands(*p, history);
}

void TrainingCharts::updateBands(Panel& panel, const training::TrainingHistory& history) {
    const auto& phases = history.phases();
    QAbstractAxis* yAxis = panel.y ? static_cast<QAbstractAxis*>(panel.y) : panel.yLog;
    while (panel.bands.size() < phases.size()) {
        Band band;
        band.upper = new QLineSeries();
        band.lower = new QLineSeries();
        band.area = new QAreaSeries(band.upper, band.lower);
        band.upper->setParent(band.area);
        band.lower->setParent(band.area);
        const int index = static_cast<int>(panel.bands.size());
        band.area->setColor(bandColour(index));
        band.area->setBorderColor(Qt::transparent);
        QPen noPen(Qt::NoPen);
        band.area->setPen(noPen);
        // Bands go under the curves: series draw in insertion order, so insert and re-add the
        // curves after the band.
        const auto curves = panel.chart->series();
        for (QAbstractSeries* s : curves)
            panel.chart->removeSeries(s);
        panel.chart->addSeries(band.area);
        band.area->attachAxis(panel.x);
        band.area->attachAxis(yAxis);
        for (QAbstractSeries* s : curves) {
            panel.chart->addSeries(s);
            s->attachAxis(panel.x);
            s->attachAxis(yAxis);
        }
        band.label = new QGraphicsSimpleTextItem(panel.chart);
        band.label->setZValue(20);
        QFont f = band.label->font();
        f.setPointSizeF(8);
        band.label->setFont(f);
        band.label->setBrush(QColor(60, 60, 60));
        panel.bands.push_back(band);
        // Re-adding series recreates their legend markers: hide every band's again.
        for (const auto& b : panel.bands)
            for (QLegendMarker* m : panel.chart->legend()->markers(b.area))
                m->setVisible(false);
    }
    for (std::size_t i = 0; i < panel.bands.size(); ++i) {
        auto& band = panel.bands[i];
        if (i >= phases.size()) {
            band.upper->clear();
            band.lower->clear();
            band.text.clear();
            continue;
        }
        const auto& p = phases[i];
        band.area->setColor(bandColour(p.phase));
        band.upper->replace(QList<QPointF>{{p.start, panel.yMax}, {p.end, panel.yMax}});
        band.lower->replace(QList<QPointF>{{p.start, panel.yMin}, {p.end, panel.yMin}});
        band.text = tr("Phase %1: %2").arg(p.phase + 1).arg(termText(p.name));
    }
    placeBandLabels(panel);
}

void TrainingCharts::placeBandLabels(Panel& panel) {
    if (!panel.chart)
        return;
    const QRectF plot = panel.chart->plotArea();
    int index = 0;
    for (auto& band : panel.bands) {
        ++index;
        if (band.upper->count() < 2 || band.text.isEmpty()) {
            band.label->setVisible(false);
            continue;
        }
        const QPointF left = panel.chart->mapToPosition(band.upper->at(0), band.area);
        const QPointF right = panel.chart->mapToPosition(band.upper->at(1), band.area);
        const qreal width = right.x() - left.x();
        // A narrow band gets a short label rather than text spilling over its neighbour.
        band.label->setText(band.text);
        if (band.label->boundingRect().width() > width - 4)
            band.label->setText(tr("P%1").arg(index));
        band.label->setVisible(band.label->boundingRect().width() <= width - 2);
        band.label->setPos(left.x() + 3, plot.top() + 2);
    }
}

int TrainingCharts::pointCount(const QString& series) const {
    const std::vector<std::pair<QString, QXYSeries*>> all{
        {QStringLiteral("batch loss"), m_batchLoss},         {QStringLiteral("train loss"), m_trainLoss},
        {QStringLiteral("val loss"), m_valLoss},             {QStringLiteral("train accuracy"), m_trainAccuracy},
        {QStringLiteral("val accuracy"), m_valAccuracy},     {QStringLiteral("learning rate"), m_learningRate},
        {QStringLiteral("best"), m_bestLoss},                {QStringLiteral("early stop"), m_stopLoss},
        {QStringLiteral("batch accuracy"), m_batchAccuracy}};
    for (const auto& [name, s] : all)
        if (name == series)
            return s->count();
    return -1;
}

int TrainingCharts::phaseBandCount() const {
    int n = 0;
    for (const auto& b : m_loss.bands)
        n += b.upper->count() >= 2 ? 1 : 0;
    return n;
}

}  // namespace cxr::ui
