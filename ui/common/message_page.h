#pragma once
// MessagePage: a centred icon, title and explanation, for the places where a view has nothing
// to show and must say why (no film yet, no model yet, a film that failed to load).
#include <QWidget>

class QLabel;

namespace cxr::ui {

class MessagePage : public QWidget {
public:
    explicit MessagePage(QWidget* parent = nullptr);

    void setMessage(const QString& iconName, const QString& title, const QString& text);
    QString title() const;
    QString text() const;

private:
    QLabel* m_icon = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_text = nullptr;
};

}  // namespace cxr::ui
