#include "ui/results/result_charts.h"

#include "ui/common/notice_text.h"

#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QPen>
#include <QScatterSeries>
#include <QValueAxis>

namespace cxr::ui {
namespace {

QValueAxis* unitAxis(const QString& title) {
    auto* a = new QValueAxis;
    a->setRange(0, 1);
    a->setTickCount(6);
    a->setLabelFormat(QStringLiteral("%.1f"));
    a->setTitleText(title);
    return a;
}

QLineSeries* line(const QString& name, const QColor& colour, qreal width, Qt::PenStyle style = Qt::SolidLine) {
    auto* s = new QLineSeries;
    s->setName(name);
    QPen pen(colour);
    pen.setWidthF(width);
    pen.setStyle(style);
    s->setPen(pen);
    return s;
}

const char* kOperatingName = "operating point";

}  // namespace

QChart* makeRocChart(const RocChartInput& in) {
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    QString title = QObject::tr("ROC on test — AUC %1").arg(localeNumber(in.roc.auc, 3));
    if (in.ci)
        title += QObject::tr(" (95% CI %1–%2)").arg(localeNumber(in.ci->lower, 3)).arg(localeNumber(in.ci->upper, 3));
    chart->setTitle(title);
    auto* x = unitAxis(QObject::tr("1 − specificity"));
    auto* y = unitAxis(QObject::tr("sensitivity"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);

    auto* chance = line(QObject::tr("chance"), QColor(150, 150, 150), 1.0, Qt::DashLine);
    chance->append(0, 0);
    chance->append(1, 1);
    auto* curve = line(QObject::tr("ROC"), QColor(31, 119, 180), 2.5);
    for (std::size_t i = 0; i < in.roc.fpr.size() && i < in.roc.tpr.size(); ++i)
        curve->append(in.roc.fpr[i], in.roc.tpr[i]);
    auto* op = new QScatterSeries;
    op->setName(QObject::tr("operating point"));
    op->setObjectName(QString::fromLatin1(kOperatingName));
    op->setMarkerSize(13);
    op->setColor(QColor(214, 39, 40));
    op->setBorderColor(Qt::black);
    for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{chance, curve, op}) {
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    setRocOperatingPoint(chart, in.operatingFpr, in.operatingTpr, in.threshold);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

void setRocOperatingPoint(QChart* chart, double fpr, double tpr, double threshold) {
    for (QAbstractSeries* s : chart->series()) {
        if (s->objectName() != QLatin1String(kOperatingName))
            continue;
        auto* op = static_cast<QScatterSeries*>(s);
        op->replace(QList<QPointF>{{fpr, tpr}});
        op->setName(QObject::tr("operating point (threshold %1)").arg(localeNumber(threshold, 3)));
    }
}

QChart* makeReliabilityChart(const evaluation::ReliabilityDiagram& in) {
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTitle(QObject::tr("Reliability (validation): ECE %1 → %2 at T = %3")
                        .arg(localeNumber(in.eceBefore, 3))
                        .arg(localeNumber(in.eceAfter, 3))
                        .arg(localeNumber(in.temperature, 2)));
    auto* x = unitAxis(QObject::tr("confidence (top class)"));
    auto* y = unitAxis(QObject::tr("accuracy"));
    x->setRange(0.5, 1.0);
    y->setRange(0.0, 1.0);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    auto* ideal = line(QObject::tr("perfect calibration"), QColor(150, 150, 150), 1.0, Qt::DashLine);
    ideal->append(0.5, 0.5);
    ideal->append(1, 1);
    auto add = [&](const std::vector<evaluation::ReliabilityBin>& bins, const QString& name, const QColor& colour) {
        auto* s = line(name, colour, 2.0);
        s->setPointsVisible(true);
        for (const auto& b : bins)
            if (b.count > 0)
                s->append(b.confidence, b.accuracy);
        return s;
    };
    auto* before = add(in.before, QObject::tr("before (T = 1)"), QColor(214, 39, 40));
    auto* after = add(in.after, QObject::tr("after (T = %1)").arg(localeNumber(in.temperature, 2)), QColor(31, 119, 180));
    for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{ideal, before, after}) {
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

}  // namespace cxr::ui
