#include "ui/common/icons.h"

#include <QFile>

#include "core/common/logging.h"

// Q_INIT_RESOURCE must be used outside any namespace.
static void cxrInitStudioResources() { Q_INIT_RESOURCE(cxr_studio); }

namespace cxr::ui {

void initResources() {
    static const bool done = [] {
        cxrInitStudioResources();
        return true;
    }();
    (void)done;
}

QIcon icon(const QString& name) {
    initResources();
    const QString path = QStringLiteral(":/icons/%1.svg").arg(name);
    if (!QFile::exists(path)) {
        cxr::logger()->warn("missing icon {}", name.toStdString());
        return {};
    }
    return QIcon(path);
}

}  // namespace cxr::ui
