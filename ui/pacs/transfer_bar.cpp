#include "ui/pacs/transfer_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

#include "ui/common/eta_text.h"

namespace cxr::ui {

TransferBar::TransferBar(QWidget* parent) : QWidget(parent) {
    m_listener = new QLabel(this);
    m_listener->setObjectName(QStringLiteral("listenerIndicator"));
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_retrieve = new QLabel(this);
    m_retrieve->setObjectName(QStringLiteral("retrieveStatus"));
    m_cancel = new QToolButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelRetrieve"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the retrieve; the films that arrived stay in the list"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_retrieve);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    layout->addWidget(m_listener);
    connect(m_cancel, &QToolButton::clicked, this, &TransferBar::cancelRequested);
    m_progress->hide();
    m_cancel->hide();
    m_listener->hide();
}

void TransferBar::setListener(bool listening, const QString& text) {
    m_listener->setText(listening ? QStringLiteral("● ") + text : text);
    m_listener->setStyleSheet(listening ? QStringLiteral("color: #1b5e20") : QString());
    m_listener->setVisible(listening);
}

void TransferBar::showRetrieve(int done, int total, double etaSeconds) {
    m_progress->setRange(0, std::max(total, 0));
    m_progress->setValue(done);
    m_retrieve->setText(total > 0 ? tr("Retrieving: %1 of %2, %3").arg(done).arg(total).arg(etaText(etaSeconds))
                                  : tr("Retrieving: %1, %2").arg(done).arg(etaText(etaSeconds)));
    m_progress->show();
    m_cancel->show();
    m_cancel->setEnabled(true);
}

void TransferBar::finishRetrieve(const QString& summary) {
    m_progress->hide();
    m_cancel->hide();
    m_retrieve->setText(summary);
}

QString TransferBar::listenerText() const { return m_listener->text(); }
QString TransferBar::retrieveText() const { return m_retrieve->text(); }

}  // namespace cxr::ui
