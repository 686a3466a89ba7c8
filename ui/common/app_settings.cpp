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

bool AppSettings::keepRecords() const { return m_settings.value(QStringLiteral("records/keep"), true).toBool(); }

void AppSettings::setKeepRecords(bool keep) { m_settings.setValue(QStringLiteral("records/keep"), keep); }

QString AppSettings::reviewerName() const { return m_settings.value(QStringLiteral("records/reviewer")).toString(); }

void AppSettings::setReviewerName(const QString& name) { m_settings.setValue(QStringLiteral("records/reviewer"), name.trimmed()); }

bool AppSettings::keepPatientIdentity() const {
    return m_settings.value(QStringLiteral("records/keepPatientIdentity"), false).toBool();
}

void AppSettings::setKeepPatientIdentity(bool keep) {
    m_settings.setValue(QStringLiteral("records/keepPatientIdentity"), keep);
}

bool AppSettings::nextFilmAfterVerdict() const {
    return m_settings.value(QStringLiteral("records/nextFilmAfterVerdict"), true).toBool();
}

void AppSettings::setNextFilmAfterVerdict(bool next) {
    m_settings.setValue(QStringLiteral("records/nextFilmAfterVerdict"), next);
}

QStringList AppSettings::reviewSession() const { return m_settings.value(QStringLiteral("records/session")).toStringList(); }

void AppSettings::setReviewSession(const QStringList& entries) {
    m_settings.setValue(QStringLiteral("records/session"), entries);
}

QString AppSettings::predictionPrecision() const {
    const QString stored = m_settings.value(QStringLiteral("prediction/precision"), QStringLiteral("fp32")).toString();
    return stored == QStringLiteral("bf16") ? stored : QStringLiteral("fp32");
}

void AppSettings::setPredictionPrecision(const QString& precision) {
    m_settings.setValue(QStringLiteral("prediction/precision"), precision);
}

QList<PacsServer> AppSettings::pacsServers() const {
    QList<PacsServer> servers;
    const int n = m_settings.beginReadArray(QStringLiteral("pacs/servers"));
    for (int i = 0; i < n; ++i) {
        m_settings.setArrayIndex(i);
        PacsServer s;
        s.name = m_settings.value(QStringLiteral("name")).toString();
        s.aeTitle = m_settings.value(QStringLiteral("aeTitle")).toString();
        s.host = m_settings.value(QStringLiteral("host")).toString();
        s.port = m_settings.value(QStringLiteral("port"), s.port).toInt();
        s.callingAeTitle = m_settings.value(QStringLiteral("callingAeTitle"), s.callingAeTitle).toString();
        s.connectTimeoutSeconds = m_settings.value(QStringLiteral("connectTimeout"), s.connectTimeoutSeconds).toInt();
        s.dimseTimeoutSeconds = m_settings.value(QStringLiteral("dimseTimeout"), s.dimseTimeoutSeconds).toInt();
        s.retrieveMethod = m_settings.value(QStringLiteral("retrieve"), s.retrieveMethod).toString() == QStringLiteral("move")
                               ? QStringLiteral("move")
                               : QStringLiteral("get");
        s.movePort = m_settings.value(QStringLiteral("movePort"), s.movePort).toInt();
        s.sendResults = m_settings.value(QStringLiteral("sendResults"), s.sendResults).toBool();
        servers.append(s);
    }
    m_settings.endArray();
    return servers;
}

void AppSettings::setPacsServers(const QList<PacsServer>& servers) {
    m_settings.remove(QStringLiteral("pacs/servers"));
    m_settings.beginWriteArray(QStringLiteral("pacs/servers"), static_cast<int>(servers.size()));
    for (int i = 0; i < servers.size(); ++i) {
        const PacsServer& s = servers[i];
        m_settings.setArrayIndex(i);
        m_settings.setValue(QStringLiteral("name"), s.name);
        m_settings.setValue(QStringLiteral("aeTitle"), s.aeTitle);
        m_settings.setValue(QStringLiteral("host"), s.host);
        m_settings.setValue(QStringLiteral("port"), s.port);
        m_settings.setValue(QStringLiteral("callingAeTitle"), s.callingAeTitle);
        m_settings.setValue(QStringLiteral("connectTimeout"), s.connectTimeoutSeconds);
        m_settings.setValue(QStringLiteral("dimseTimeout"), s.dimseTimeoutSeconds);
        m_settings.setValue(QStringLiteral("retrieve"), s.retrieveMethod);
        m_settings.setValue(QStringLiteral("movePort"), s.movePort);
        m_settings.setValue(QStringLiteral("sendResults"), s.sendResults);
    }
    m_settings.endArray();
}

ListenerPreferences AppSettings::listener() const {
    ListenerPreferences l;
    l.enabled = m_settings.value(QStringLiteral("listener/enabled"), l.enabled).toBool();
    l.aeTitle = m_settings.value(QStringLiteral("listener/aeTitle"), l.aeTitle).toString();
    l.port = m_settings.value(QStringLiteral("listener/port"), l.port).toInt();
    l.folder = m_settings.value(QStringLiteral("listener/folder"), l.folder).toString();
    return l;
}

void AppSettings::setListener(const ListenerPreferences& l) {
    m_settings.setValue(QStringLiteral("listener/enabled"), l.enabled);
    m_settings.setValue(QStringLiteral("listener/aeTitle"), l.aeTitle);
    m_settings.setValue(QStringLiteral("listener/port"), l.port);
    m_settings.setValue(QStringLiteral("listener/folder"), l.folder);
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
