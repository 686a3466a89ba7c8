#include "ui/common/message_page.h"

#include <QLabel>
#include <QVBoxLayout>

#include "ui/common/icons.h"

namespace cxr::ui {

MessagePage::MessagePage(QWidget* parent) : QWidget(parent) {
    m_icon = new QLabel(this);
    m_icon->setAlignment(Qt::AlignCenter);
    m_title = new QLabel(this);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    m_text = new QLabel(this);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 24, 48, 24);
    layout->addStretch(2);
    layout->addWidget(m_icon);
    layout->addWidget(m_title);
    layout->addWidget(m_text);
    layout->addStretch(3);
}

void MessagePage::setMessage(const QString& iconName, const QString& title, const QString& text) {
    const QIcon ic = icon(iconName);
    m_icon->setPixmap(ic.isNull() ? QPixmap() : ic.pixmap(64, 64));
    m_title->setText(title);
    m_text->setText(text);
}

QString MessagePage::title() const { return m_title->text(); }

QString MessagePage::text() const { return m_text->text(); }

}  // namespace cxr::ui
