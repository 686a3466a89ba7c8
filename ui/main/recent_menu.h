#pragma once
// RecentMenu: a submenu listing recent films or models from the settings, rebuilt each time it
// opens so it is never stale; entries whose file has gone are shown disabled.
#include <functional>

#include <QMenu>

namespace cxr::ui {

class RecentMenu : public QMenu {
    Q_OBJECT
public:
    // `list` is "files" or "models" (AppSettings' recent lists).
    RecentMenu(const QString& title, const QString& list, QWidget* parent = nullptr);

Q_SIGNALS:
    void pathChosen(const QString& path);

private:
    void rebuild();

    QString m_list;
};

}  // namespace cxr::ui
