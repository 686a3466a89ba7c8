#include "ui/common/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include "core/common/logging.h"

namespace cxr::ui {
namespace {

bool isAvailable(const QString& code) {
    for (const LanguageOption& l : availableLanguages()) {
        if (l.code == code) {
            return true;
        }
    }
    return false;
}

// Installs `file`_<language>.qm from `folder`; false when there is none.
bool install(QCoreApplication& app, const QString& file, const QString& language, const QString& folder) {
    auto* translator = new QTranslator(&app);
    if (!translator->load(file + QLatin1Char('_') + language, folder)) {
        delete translator;
        return false;
    }
    return QCoreApplication::installTranslator(translator);
}

}  // namespace

const QList<LanguageOption>& availableLanguages() {
    static const QList<LanguageOption> languages{
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")},
        {QStringLiteral("fr"), QStringLiteral("Français")},
    };
    return languages;
}

QString validLanguageChoice(const QString& stored) {
    if (stored.isEmpty() || isAvailable(stored)) {
        return stored;
    }
    logger()->warn("unknown interface language '{}' in the settings; following the system locale",
                   stored.toStdString());
    return {};
}

QString resolveLanguage(const QString& choice, const QLocale& system) {
    if (!choice.isEmpty()) {
        return choice;
    }
    // uiLanguages() lists the user's preferences in order ("de-AT", "de", "en-US", …): the first
    // one we ship wins, English included, so a user who prefers English never gets German.
    for (const QString& ui : system.uiLanguages()) {
        const QString code = QString(ui).replace(QLatin1Char('-'), QLatin1Char('_')).section(QLatin1Char('_'), 0, 0).toLower();
        if (isAvailable(code)) {
            return code;
        }
    }
    return QStringLiteral("en");
}

InstalledTranslations installTranslations(QCoreApplication& app, const QString& choice) {
    const QString valid = validLanguageChoice(choice);
    InstalledTranslations result;
    result.language = resolveLanguage(valid);
    if (!valid.isEmpty() && QLocale::system().language() != QLocale(valid).language()) {
        QLocale::setDefault(QLocale(valid));
    }
    if (result.language == QLatin1String("en")) {
        return result;
    }
    result.application = install(app, QStringLiteral("cxr_studio"), result.language, QStringLiteral(":/i18n"));
    result.qt = install(app, QStringLiteral("qtbase"), result.language,
                        QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (!result.application) {
        logger()->warn("no catalogue for the interface language '{}' in this build; the interface stays English",
                       result.language.toStdString());
    }
    if (!result.qt) {
        logger()->info("Qt's own catalogue qtbase_{} is not installed; Qt's standard buttons stay English",
                       result.language.toStdString());
    }
    return result;
}

}  // namespace cxr::ui
