#include "ui/main/recent_menu.h"

#include <QDir>
#include <QFileInfo>

#include "ui/common/app_settings.h"

namespace cxr::ui {

RecentMenu::RecentMenu(const QString& title, const QString& list, QWidget* parent) : QMenu(title, parent), m_list(list) {
    connect(this, &QMenu::aboutToShow, this, &RecentMenu::rebuild);
    rebuild();
}

void RecentMenu::rebuild() {
    clear();
    AppSettings settings;
    const QStringList items = m_list == QLatin1String("models") ? settings.recentModels() : settings.recentFiles();
    int n = 1;
    for (const QString& path : items) {
        const QFileInfo info(path);
        const QString shown = QStringLiteral("&%1 %2").arg(n++ % 10).arg(info.fileName().isEmpty() ? path : info.fileName());
        QAction* action = addAction(shown);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setEnabled(info.exists());
        connect(action, &QAction::triggered, this, [this, path] { Q_EMIT pathChosen(path); });
    }
    if (items.isEmpty()) {
        addAction(tr("(none yet)"))->setEnabled(false);
        return;
    }
    addSeparator();
    connect(addAction(tr("&Clear List")), &QAction::triggered, this, [this, items] {
        AppSettings s;
        for (const QString& p : items) {
            s.removeRecent(m_list, p);
        }
    });
}

}  // namespace cxr::ui
