#include "ui/results/results_view.h"

#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/evaluation/classification_report.h"
#include "ui/common/notice_text.h"
#include "ui/common/qt_convert.h"
#include "ui/common/term_text.h"
#include "ui/results/cam_examples_widget.h"
#include "ui/results/confusion_matrix_widget.h"
#include "ui/results/result_charts.h"
#include "ui/results/threshold_picker.h"
#include "ui/training/training_charts.h"

namespace cxr::ui {
namespace {

QChartView* chartView(QWidget* parent, int minHeight) {
    auto* v = new QChartView(parent);
    v->setRenderHint(QPainter::Antialiasing);
    v->setMinimumHeight(minHeight);
    return v;
}

void fillReportTable(QTableWidget* table, const evaluation::ClassificationReport& r) {
    std::vector<evaluation::ClassMetrics> rows = r.perClass;
    rows.push_back(r.macroAvg);
    rows.push_back(r.weightedAvg);
    table->setRowCount(static_cast<int>(rows.size()) + 1);
    auto cell = [](const QString& text, bool right = true) {
        auto* item = new QTableWidgetItem(text);
        if (right)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return item;
    };
    int row = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i == r.perClass.size()) {
            table->setItem(row, 0, cell(QObject::tr("accuracy"), false));
            table->setItem(row, 1, cell({}));
            table->setItem(row, 2, cell({}));
            table->setItem(row, 3, cell(localeNumber(r.accuracy, 3)));
            table->setItem(row, 4, cell(QString::number(static_cast<qlonglong>(r.total))));
            ++row;
        }
        const auto& m = rows[i];
        table->setItem(row, 0, cell(termText(m.name), false));
        table->setItem(row, 1, cell(localeNumber(m.precision, 3)));
        table->setItem(row, 2, cell(localeNumber(m.recall, 3)));
        table->setItem(row, 3, cell(localeNumber(m.f1, 3)));
        table->setItem(row, 4, cell(QString::number(static_cast<qlonglong>(m.support))));
        ++row;
    }
}

// QChartView::setChart releases the previous chart without deleting it.
void replaceChart(QChartView* view, QChart* chart) {
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
}

}  // namespace

ResultsView::ResultsView(QWidget* parent) : QWidget(parent), m_curves(new TrainingCharts(this)) {
    m_headline = new QLabel(this);
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes = new QLabel(this);
    m_notes->setWordWrap(true);
    m_notes->setVisible(false);
    m_matrix = new ConfusionMatrixWidget(this);
    m_report = new QTableWidget(0, 5, this);
    m_report->setHorizontalHeaderLabels({tr("class"), tr("precision"), tr("recall"), tr("F1"), tr("support")});
    m_report->verticalHeader()->setVisible(false);
    m_report->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_report->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_report->setSelectionMode(QAbstractItemView::NoSelection);
    m_report->setMinimumHeight(180);
    m_picker = new ThresholdPicker(this);
    m_rocView = chartView(this, 300);
    m_calibrationView = chartView(this, 300);
    m_lossView = chartView(this, 240);
    m_accuracyView = chartView(this, 240);
    replaceChart(m_lossView, m_curves->lossChart());
    replaceChart(m_accuracyView, m_curves->accuracyChart());
    m_examples = new CamExamplesWidget(this);

    auto* content = new QWidget;
    auto* grid = new QGridLayout(content);
    grid->addWidget(m_headline, 0, 0, 1, 2);
    grid->addWidget(m_notes, 1, 0, 1, 2);
    grid->addWidget(m_picker, 2, 0, 1, 2);
    grid->addWidget(m_matrix, 3, 0);
    grid->addWidget(m_report, 3, 1);
    grid->addWidget(m_rocView, 4, 0);
    grid->addWidget(m_calibrationView, 4, 1);
    grid->addWidget(m_lossView, 5, 0);
    grid->addWidget(m_accuracyView, 5, 1);
    auto* examplesBox = new QGroupBox(tr("Example test films with their class activation maps"), content);
    auto* examplesLayout = new QVBoxLayout(examplesBox);
    examplesLayout->addWidget(m_examples);
    grid->addWidget(examplesBox, 6, 0, 1, 2);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(m_picker, &ThresholdPicker::thresholdChanged, this, &ResultsView::applyThreshold);
}

ResultsView::~ResultsView() = default;

double ResultsView::threshold() const {
    return m_picker->threshold();
}

void ResultsView::setResults(const workflows::RunResults& results) {
    m_results = results;
    m_curves->update(results.history);
    QStringList notes;
    for (const auto& n : results.notes)
        notes << toQString(n).toHtmlEscaped();
    m_notes->setText(notes.join(QStringLiteral("<br>")));
    m_notes->setVisible(!notes.isEmpty());
    const bool hasReport = results.report.has_value();
    m_picker->setEnabled(hasReport);
    if (hasReport) {
        const auto& r = *results.report;
        RocChartInput roc{r.test.roc, r.test.aucCi, 0, 0, r.threshold.threshold};
        replaceChart(m_rocView, makeRocChart(roc));
        replaceChart(m_calibrationView, makeReliabilityChart(evaluation::reliabilityDiagram(
                                            results.validation ? &*results.validation : nullptr, r.calibration)));
        m_picker->setChosen(r.threshold.threshold, toQString(r.threshold.rule));
    } else {
        applyThreshold(m_picker->threshold());
    }
    m_examples->setRun(results.runDir, results.examples(results.chosenThreshold()));
}

QString ResultsView::summaryText() const {
    return m_headline->text();
}

void ResultsView::applyThreshold(double threshold) {
    if (!m_results.report) {
        m_headline->setText(tr("<b>No test results yet.</b> The run has not finished its evaluation."));
        return;
    }
    const auto op = m_results.at(threshold);
    m_matrix->setMatrix(op.test, m_results.classes);
    fillReportTable(m_report, evaluation::classificationReport(op.test, m_results.classes));
    const auto& r = *m_results.report;
    QString ci;
    if (r.test.aucCi)
        ci = tr(" (95% CI %1–%2)").arg(localeNumber(r.test.aucCi->lower, 3)).arg(localeNumber(r.test.aucCi->upper, 3));
    m_headline->setText(tr("<b>Test split, %1 films, threshold %2:</b> accuracy %3 · sensitivity %4 · specificity %5 · "
                           "AUC %6%7<br>On validation at this threshold: sensitivity %8 · specificity %9")
                            .arg(static_cast<qulonglong>(r.test.films))
                            .arg(localeNumber(threshold, 3))
                            .arg(localeNumber(op.testAccuracy, 3))
                            .arg(localeNumber(op.testSensitivity, 3))
                            .arg(localeNumber(op.testSpecificity, 3))
                            .arg(localeNumber(r.test.roc.auc, 3))
                            .arg(ci)
                            .arg(localeNumber(op.valSensitivity, 3))
                            .arg(localeNumber(op.valSpecificity, 3)));
    if (m_rocView->chart())
        setRocOperatingPoint(m_rocView->chart(), op.testFpr, op.testSensitivity, threshold);
}

}  // namespace cxr::ui
