#pragma once
// DropHint: the translucent panel over the window while films are dragged over it, saying what
// a drop will open, or why it cannot be opened.
#include <QLabel>

namespace cxr::ui {

class DropHint : public QLabel {
public:
    explicit DropHint(QWidget* parent);

    void showAccepting(const QString& text);
    void showRefusing(const QString& reason);
    bool isAccepting() const { return !isHidden() && m_accepting; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void cover();

    bool m_accepting = false;
};

}  // namespace cxr::ui
