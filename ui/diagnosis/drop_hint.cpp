#include "ui/diagnosis/drop_hint.h"

#include <QEvent>

namespace cxr::ui {

DropHint::DropHint(QWidget* parent) : QLabel(parent) {
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    setFont(f);
    parent->installEventFilter(this);
    hide();
}

void DropHint::showAccepting(const QString& text) {
    m_accepting = true;
    setStyleSheet(QStringLiteral("QLabel { background: rgba(46,134,193,170); color: white; "
                                 "border: 3px dashed white; border-radius: 12px; padding: 40px; }"));
    setText(text);
    cover();
    show();
    raise();
}

void DropHint::showRefusing(const QString& reason) {
    m_accepting = false;
    setStyleSheet(QStringLiteral("QLabel { background: rgba(120,40,31,190); color: white; "
                                 "border: 3px dashed #f5b7b1; border-radius: 12px; padding: 40px; }"));
    setText(reason);
    cover();
    show();
    raise();
}

void DropHint::cover() { setGeometry(parentWidget()->rect().adjusted(24, 24, -24, -24)); }

bool DropHint::eventFilter(QObject* watched, QEvent* event) {
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible()) {
        cover();
    }
    return QLabel::eventFilter(watched, event);
}

}  // namespace cxr::ui
