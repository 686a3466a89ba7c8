#pragma once
// AppSettings: every persisted choice behind named accessors, so keys are spelled once.
// QSettings underneath (organisation and application names set by the executable).
#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

#include "ui/pacs/pacs_server.h"

namespace cxr::ui {

struct OverlaySettings {
    bool visible = true;
    double opacity = 0.45;
    QString colormap = QStringLiteral("jet");
    QString method = QStringLiteral("gradcam");
    QString layer = QStringLiteral("layer4");
};

class AppSettings {
public:
    static constexpr int kMaxRecent = 10;

    AppSettings();

    // Purposes: "films", "models", "exports".
    QString lastFolder(const QString& purpose) const;
    void setLastFolder(const QString& purpose, const QString& folder);

    QStringList recentFiles() const;
    void addRecentFile(const QString& path);
    QStringList recentModels() const;
    void addRecentModel(const QString& path);
    void removeRecent(const QString& list, const QString& path);  // list: "files" or "models"

    QString lastModel() const;
    void setLastModel(const QString& path);  // empty: none

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindowGeometry(const QByteArray& geometry, const QByteArray& state);
    QByteArray splitterState(const QString& name) const;
    void setSplitterState(const QString& name, const QByteArray& state);
    QByteArray headerState(const QString& name) const;
    void setHeaderState(const QString& name, const QByteArray& state);

    // The interface language as stored: "" follows the system locale, else a code such as
    // "de". Unchecked here: validLanguageChoice() (common/language.h) makes it safe to use.
    QString language() const;
    void setLanguage(const QString& code);

    // The arithmetic of diagnoses (diagnosis::DiagnoseOptions::precision): "fp32" (default) or "bf16".
    QString predictionPrecision() const;
    void setPredictionPrecision(const QString& precision);
    OverlaySettings overlay() const;
    void setOverlay(const OverlaySettings& overlay);

    // The DICOM nodes of File ▸ Settings ▸ PACS, in the user's order, and the listener.
    QList<PacsServer> pacsServers() const;
    void setPacsServers(const QList<PacsServer>& servers);
    ListenerPreferences listener() const;
    void setListener(const ListenerPreferences& listener);

    // Review records (Settings ▸ General): whether calls and verdicts are kept, the name verdicts
    // carry (empty: the OS user), and whether a verdict moves on to the next film.
    bool keepRecords() const;
    void setKeepRecords(bool keep);
    QString reviewerName() const;
    void setReviewerName(const QString& name);
    // Whether DICOM films' patient name and ID are kept in the records (off by default; off,
    // they never reach the database).
    bool keepPatientIdentity() const;
    void setKeepPatientIdentity(bool keep);
    bool nextFilmAfterVerdict() const;
    void setNextFilmAfterVerdict(bool next);
    // The triage list as it was left: "SHA256<TAB>PATH" per film (a bare path when unhashed).
    QStringList reviewSession() const;
    void setReviewSession(const QStringList& entries);

    void sync();

private:
    QStringList recent(const QString& list) const;
    void addRecent(const QString& list, const QString& path);

    mutable QSettings m_settings;
};

}  // namespace cxr::ui
