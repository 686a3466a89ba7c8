#include "ui/diagnosis/result_panel.h"

#include <QAction>
#include <QFileInfo>
#include <QFrame>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/evaluation/call_rule.h"
#include "core/workflows/about.h"
#include "ui/common/notice_text.h"
#include "ui/common/qt_convert.h"
#include "ui/common/term_text.h"
#include "ui/diagnosis/probability_bars.h"
#include "ui/diagnosis/review_item.h"

namespace cxr::ui {
namespace {

QLabel* makeLabel(QWidget* parent, bool wrap = true) {
    auto* label = new QLabel(parent);
    label->setWordWrap(wrap);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString callStyle(bool positive) {
    return positive ? QStringLiteral("QLabel { background: #c0392b; color: white; border-radius: 4px; padding: 6px; }")
                    : QStringLiteral("QLabel { background: #2e86c1; color: white; border-radius: 4px; padding: 6px; }");
}

}  // namespace

ResultPanel::ResultPanel(QWidget* parent) : QWidget(parent) {
    m_title = makeLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_noModel = new QFrame(this);
    m_noModel->setFrameShape(QFrame::StyledPanel);
    m_noModel->setObjectName(QStringLiteral("noModelNotice"));
    m_noModel->setStyleSheet(
        QStringLiteral("#noModelNotice { background: rgba(46,134,193,30); border: 1px solid rgba(46,134,193,90); border-radius: 4px; }"));
    m_noModelText = makeLabel(m_noModel);
    m_loadButton = new QToolButton(m_noModel);
    m_trainButton = new QToolButton(m_noModel);
    for (QToolButton* b : {m_loadButton, m_trainButton}) {
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    }
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_loadButton);
    buttons->addWidget(m_trainButton);
    buttons->addStretch(1);
    auto* noModelLayout = new QVBoxLayout(m_noModel);
    noModelLayout->addWidget(m_noModelText);
    noModelLayout->addLayout(buttons);

    m_call = new QLabel(this);
    m_call->setAlignment(Qt::AlignCenter);
    QFont big = m_call->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_call->setFont(big);
    m_callDetail = makeLabel(this);
    m_bars = new ProbabilityBars(this);
    m_warnings = makeLabel(this);
    m_warnings->setStyleSheet(QStringLiteral("QLabel { background: #fcf3cf; color: #7e5109; border-radius: 4px; padding: 6px; }"));
    m_error = makeLabel(this);
    m_error->setStyleSheet(QStringLiteral("QLabel { background: #fadbd8; color: #78281f; border-radius: 4px; padding: 6px; }"));
    m_timing = makeLabel(this);
    m_model = makeLabel(this);
    for (QLabel* small : {m_timing, m_model}) {
        QFont f = small->font();
        f.setPointSizeF(f.pointSizeF() * 0.9);
        small->setFont(f);
        small->setForegroundRole(QPalette::PlaceholderText);
    }
    auto* intendedUse = makeLabel(this);
    intendedUse->setText(tr("Research and teaching only. Not for diagnostic use."));
    intendedUse->setToolTip(termText(workflows::kIntendedUse));
    QFont italic = intendedUse->font();
    italic.setItalic(true);
    italic.setPointSizeF(italic.pointSizeF() * 0.9);
    intendedUse->setFont(italic);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addWidget(m_noModel);
    layout->addWidget(m_call);
    layout->addWidget(m_callDetail);
    layout->addWidget(m_bars);
    layout->addWidget(m_warnings);
    layout->addWidget(m_error);
    layout->addWidget(m_timing);
    layout->addWidget(m_model);
    layout->addStretch(1);
    layout->addWidget(intendedUse);
    setModelLoaded(false);
    showNothing();
}

void ResultPanel::setModelActions(QAction* load, QAction* train) {
    m_loadButton->setDefaultAction(load);
    m_trainButton->setDefaultAction(train);
}

void ResultPanel::setModelLoaded(bool loaded, const QString& loadingPath) {
    m_noModel->setVisible(!loaded);
    if (!loadingPath.isEmpty()) {
        m_noModelText->setText(tr("Loading the model %1…\nFilms open meanwhile; their calls follow.")
                                   .arg(QFileInfo(loadingPath).fileName()));
    } else {
        m_noModelText->setText(
            tr("No model loaded, so films open without a call.\n\n"
               "Load a trained model: a run folder written by Train Model… or `cxr train`, "
               "or a seed X_ray_classifier.pth with class_to_index.pth beside it.\n\n"
               "Or train one now on a folder of films (NORMAL/ and PNEUMONIA/ subfolders)."));
    }
}

void ResultPanel::setTitle(const QString& path) {
    m_title->setText(path.isEmpty() ? QString() : QFileInfo(path).fileName());
    m_title->setToolTip(path);
}

void ResultPanel::showNothing() {
    setTitle({});
    m_call->hide();
    m_callDetail->setText(tr("Open or drop a film to see the model's call."));
    m_callDetail->show();
    m_bars->hide();
    m_warnings->hide();
    m_error->hide();
    m_timing->hide();
    m_model->hide();
}

void ResultPanel::showBusy(const QString& path) {
    setTitle(path);
    m_call->hide();
    m_callDetail->setText(tr("Analysing…"));
    m_callDetail->show();
    m_bars->hide();
    m_warnings->hide();
    m_error->hide();
    m_timing->hide();
}

void ResultPanel::showResult(const FilmJobResult& result) {
    setTitle(result.path);
    m_error->setVisible(!result.ok());
    m_error->setText(result.ok() ? QString() : tr("Diagnosis failed: %1").arg(result.error));
    if (!result.diagnosis) {
        m_call->hide();
        m_bars->hide();
        m_warnings->hide();
        m_model->hide();
        m_callDetail->setVisible(result.ok());
        m_callDetail->setText(tr("Opened without a model: no call."));
        m_timing->setText(tr("Opened in %1 ms").arg(localeNumber(result.loadMs, 0)));
        m_timing->setVisible(result.loadMs > 0);
        return;
    }
    const diagnosis::Diagnosis& d = *result.diagnosis;
    QStringList classes, titles;
    for (const std::string& c : d.classes) {
        classes << toQString(c);
        titles << classTitle(toQString(c));
    }
    const int positive = positiveClassIndex(classes);
    const bool positiveCall = positive >= 0 && toQString(d.label) == classes[positive];
    m_call->setText(classTitle(toQString(d.label)));
    m_call->setStyleSheet(callStyle(positiveCall));
    m_call->show();
    if (positive >= 0 && positive < static_cast<int>(d.probabilities.size())) {
        const double p = d.probabilities[static_cast<std::size_t>(positive)];
        m_callDetail->setText(tr("P(%1) = %2, %3 the model's threshold %4")
                                  .arg(titles[positive])
                                  .arg(localeNumber(p, 3))
                                  .arg(evaluation::callsPositive(p, d.threshold) ? tr("at or above") : tr("below"))
                                  .arg(localeNumber(d.threshold, 3)));
    }
    m_callDetail->show();
    m_bars->setValues(titles, d.probabilities, positive, d.threshold);
    m_bars->show();

    QStringList warnings;
    for (const Notice& w : d.warnings) {
        warnings << QStringLiteral("⚠ ") + noticeText(w).toHtmlEscaped();
    }
    m_warnings->setText(warnings.join(QStringLiteral("<br>")));
    m_warnings->setVisible(!warnings.isEmpty());

    QStringList stages;
    for (const auto& [stage, ms] : d.timingsMs) {
        stages << QStringLiteral("%1 %2").arg(termText(stage), localeNumber(ms, 0));
    }
    QString timing = tr("Analysed in %1 ms").arg(localeNumber(result.diagnoseMs, 0));
    if (result.loadMs > 0) {
        timing = tr("Opened in %1 ms, analysed in %2 ms").arg(localeNumber(result.loadMs, 0)).arg(localeNumber(result.diagnoseMs, 0));
    }
    if (!stages.isEmpty()) {
        timing += QStringLiteral(" (") + stages.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    m_timing->setText(timing);
    m_timing->show();
    m_model->setText(tr("Explanation: %1 on %2 · model %3")
                         .arg(toQString(result.options.method), toQString(result.options.layer),
                              toQString(d.modelSha256).left(12)));
    m_model->show();
}

void ResultPanel::showFailure(const QString& path, const QString& message) {
    setTitle(path);
    m_call->hide();
    m_callDetail->hide();
    m_bars->hide();
    m_warnings->hide();
    m_timing->hide();
    m_model->hide();
    m_error->setText(message);
    m_error->show();
}

QString ResultPanel::callText() const { return !m_call->isHidden() ? m_call->text() : QString(); }

QString ResultPanel::warningsText() const { return !m_warnings->isHidden() ? m_warnings->text() : QString(); }

}  // namespace cxr::ui
