#include "ui/common/app_settings.h"

#include <QDir>

namespace cxr::ui {

AppSettings::AppSettings() = default;

QString AppSettings::lastFolder(const QString& purpose) const {
    return m_settings.value(QStringLiteral("folders/") + purpose, QDir::homePath()).toString();
}

void AppSettings::setLastFolder(const QString& purpose, const QString& folder) {
    m_settings.setValue(QStringLiteral("folders/") + purpose, folder);
}

QStringList AppSettings::recent(const QString& list) const {
    return m_settings.value(QStringLiteral("recent/") + list).toStringList();
}

void AppSettings::addRecent(const QString& list, const QString& path) {
    QStringList items = recent(list);
    items.removeAll(path);
    items.prepend(path);
    while (items.size() > kMaxRecent) {
        items.removeLast();
    }
    m_settings.setValue(QStringLiteral("recent/") + list, items);
}

void AppSettings::removeRecent(const QString& list, const QString& path) {
    QStringList items = recent(list);
    items.removeAll(path);
    m_settings.setValue(QStringLiteral("recent/") + list, items);
}

QStringList AppSettings::recentFiles() const { return recent(QStringLiteral("files")); }

void AppSettings::addRecentFile(const QString& path) { addRecent(QStringLiteral("files"), path); }

QStringList AppSettings::recentModels() const { return recent(QStringLiteral("models")); }

void AppSettings::addRecentModel(const QString& path) { addRecent(QStringLiteral("models"), path); }

QString AppSettings::lastModel() const { return m_settings.value(QStringLiteral("model/last")).toString(); }

void AppSettings::setLastModel(const QString& path) { m_settings.setValue(QStringLiteral("model/last"), path); }

QByteArray AppSettings::windowGeometry() const { return m_settings.value(QStringLiteral("window/geometry")).toByteArray(); }

QByteArray AppSettings::windowState() const { return m_settings.value(QStringLiteral("window/state")).toByteArray(); }

void AppSettings::setWindowGeometry(const QByteArray& geometry, const QByteArray& state) {
    m_settings.setValue(QStringLiteral("window/geometry"), geometry);
    m_settings.setValue(QStringLiteral("window/state"), state);
}

QByteArray AppSettings::splitterState(const QString& name) const {
    return m_settings.value(QStringLiteral("splitters/") + name).toByteArray();
}

void AppSettings::setSplitterState(const QString& name, const QByteArray& state) {
    m_settings.setValue(QStringLiteral("splitters/") + name, state);
}

QByteArray AppSettings::headerState(const QString& name) const {
    return m_settings.value(QStringLiteral("headers/") + name).toByteArray();
}

void AppSettings::setHeaderState(const QString& name, const QByteArray& state) {
    m_settings.setValue(QStringLiteral("headers/") + name, state);
}

QString AppSettings::language() const { return m_settings.value(QStringLiteral("ui/language")).toString(); }

void AppSettings::setLanguage(const QString& code) { m_settings.setValue(QStringLiteral("ui/language"), code); }

QString AppSettings::predictionPrecision() const {
    const QString stored = m_settings.value(QStringLiteral("prediction/precision"), QStringLiteral("fp32")).toString();
    return stored == QStringLiteral("bf16") ? stored : QStringLiteral("fp32");
}

void AppSettings::setPredictionPrecision(const QString& precision) {
    m_settings.setValue(QStringLiteral("prediction/precision"), precision);
}

OverlaySettings AppSettings::overlay() const {
    OverlaySettings o;
    o.visible = m_settings.value(QStringLiteral("overlay/visible"), o.visible).toBool();
    o.opacity = m_settings.value(QStringLiteral("overlay/opacity"), o.opacity).toDouble();
    o.colormap = m_settings.value(QStringLiteral("overlay/colormap"), o.colormap).toString();
    o.method = m_settings.value(QStringLiteral("overlay/method"), o.method).toString();
    o.layer = m_settings.value(QStringLiteral("overlay/layer"), o.layer).toString();
    return o;
}

void AppSettings::setOverlay(const OverlaySettings& o) {
    m_settings.setValue(QStringLiteral("overlay/visible"), o.visible);
    m_settings.setValue(QStringLiteral("overlay/opacity"), o.opacity);
    m_settings.setValue(QStringLiteral("overlay/colormap"), o.colormap);
    m_settings.setValue(QStringLiteral("overlay/method"), o.method);
    m_settings.setValue(QStringLiteral("overlay/layer"), o.layer);
}

void AppSettings::sync() { m_settings.sync(); }

}  // namespace cxr::ui
