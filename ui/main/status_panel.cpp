#include "ui/main/status_panel.h"

#include <QLabel>
#include <QStatusBar>

#include "core/workflows/about.h"
#include "ui/common/notice_text.h"
#include "ui/common/term_text.h"

namespace cxr::ui {

StatusPanel::StatusPanel(QStatusBar* bar) : QObject(bar) {
    m_progress = new QLabel(bar);
    m_timing = new QLabel(bar);
    m_model = new QLabel(bar);
    m_device = new QLabel(bar);
    m_records = new QLabel(bar);
    m_records->setObjectName(QStringLiteral("recordsNote"));
    m_records->setStyleSheet(
        QStringLiteral("QLabel { background: #fadbd8; color: #78281f; padding: 1px 6px; border-radius: 3px; }"));
    m_intendedUse = new QLabel(tr("Research and teaching only, not for diagnostic use"), bar);
    m_intendedUse->setToolTip(termText(workflows::kIntendedUse));
    m_intendedUse->setStyleSheet(
        QStringLiteral("QLabel { background: #fcf3cf; color: #7e5109; padding: 1px 6px; border-radius: 3px; }"));
    for (QLabel* l : {m_progress, m_timing, m_model, m_device}) {
        l->setFrameShape(QFrame::StyledPanel);
        l->setContentsMargins(4, 0, 4, 0);
        bar->addPermanentWidget(l);
    }
    bar->addPermanentWidget(m_records);
    bar->addPermanentWidget(m_intendedUse);
    m_records->hide();
    m_progress->hide();
    m_timing->hide();
}

void StatusPanel::setModel(const ModelSummary& model) {
    m_model->setText(tr("Model %1 · %2 · SHA-256 %3 · threshold %4")
                         .arg(model.name, model.classes.join(QLatin1Char('/')), model.sha256.left(8))
                         .arg(localeNumber(model.threshold, 3)));
    m_model->setToolTip(tr("%1\nSHA-256 of the weights: %2").arg(model.source, model.sha256));
    m_device->setText(model.device);
    m_device->setVisible(!model.device.isEmpty());
}

void StatusPanel::setNoModel(const QString& note) {
    m_model->setText(note);
    m_model->setToolTip(tr("Load a trained model (File ▸ Load Model…) or train one (Model ▸ Train Model…)."));
    m_device->hide();
}

void StatusPanel::setTiming(const QString& action, double milliseconds) {
    m_timing->setText(tr("%1: %2 ms").arg(action).arg(localeNumber(milliseconds, 0)));
    m_timing->show();
}

void StatusPanel::setProgress(int finished, int total) {
    m_progress->setText(tr("Analysed %1 of %2").arg(finished).arg(total));
    m_progress->setVisible(total > 0 && finished < total);
}

void StatusPanel::setRecordsNote(const QString& note, const QString& details) {
    m_records->setText(note);
    m_records->setToolTip(details.isEmpty() ? note : details);
    m_records->setVisible(!note.isEmpty());
}

QString StatusPanel::recordsNote() const { return m_records->isHidden() ? QString() : m_records->text(); }

QString StatusPanel::modelText() const { return m_model->text(); }

QString StatusPanel::timingText() const { return m_timing->text(); }

}  // namespace cxr::ui
