#include "ui/common/eta_text.h"

#include <cmath>

#include <QObject>

namespace cxr::ui {

QString etaText(double seconds) {
    if (seconds < 0 || !std::isfinite(seconds))
        return QObject::tr("ETA unknown");
    const qint64 s = static_cast<qint64>(std::llround(seconds));
    if (s < 60)
        return QObject::tr("ETA %1 s").arg(s);
    if (s < 3600)
        return QObject::tr("ETA %1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QObject::tr("ETA %1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

}  // namespace cxr::ui
