#pragma once
// Language: the user-interface languages CXR Studio ships, what a stored choice means, and
// installing the translators for it — ours (cxr_studio_<lang>.qm under :/i18n, compiled into
// the executable) and Qt's own (qtbase_<lang>.qm from Qt's translations folder: standard
// buttons, file dialogs). The choice is read once at start-up; a change applies at the next start.
#include <QList>
#include <QLocale>
#include <QString>

class QCoreApplication;

namespace cxr::ui {

struct LanguageOption {
    QString code;        // "en", "de", …; an empty choice means "follow the system locale"
    QString nativeName;  // the language's name in itself ("Deutsch"), never translated
};

// The languages with a catalogue, English (the source language) first. "System default" is
// not in the list: it is the empty choice.
const QList<LanguageOption>& availableLanguages();

// A stored choice made safe: "" (system) or one of availableLanguages()' codes. Anything else
// (a typo in the settings file, a language this build no longer ships) is logged as a warning
// and becomes "" (system).
QString validLanguageChoice(const QString& stored);

// The language a valid choice speaks: the choice itself, or for "" the first of the system's
// preferred languages that CXR Studio ships ("en" when none is).
QString resolveLanguage(const QString& choice, const QLocale& system = QLocale::system());

struct InstalledTranslations {
    QString language;          // the code resolveLanguage() gave
    bool application = false;  // cxr_studio_<language> found and installed
    bool qt = false;           // qtbase_<language> found and installed
};

// Installs the translators for `choice` (validated as above) on the application. English
// installs nothing: the sources are English. An explicit choice other than the system's
// language also becomes QLocale's default, so numbers and dates match the words.
InstalledTranslations installTranslations(QCoreApplication& app, const QString& choice);

}  // namespace cxr::ui
