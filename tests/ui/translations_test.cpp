// The translations: every .ts file in translations/ complete (nothing unfinished, obsolete or
// vanished), each translation keeping its source's placeholders, accelerator and trailing
// ellipsis or colon, and in step with the sources (lupdate run on copies with the arguments of
// `ninja cxr_studio_lupdate` changes no message). The checks are shown to fail on broken
// copies. Then the language choice: validation, system resolution, the catalogues it installs
// (ours and Qt's), and the settings dialog that stores it.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QtTest>

#include <spdlog/sinks/ostream_sink.h>

#include "core/common/logging.h"
#include "core/diagnosis/domain_checks.h"
#include "core/imaging/film.h"
#include "core/model/device.h"
#include "core/training/training_config.h"
#include "ui/common/app_settings.h"
#include "ui/common/language.h"
#include "ui/common/notice_text.h"
#include "ui/common/qt_convert.h"
#include "ui/common/term_text.h"
#include "ui/diagnosis/review_item.h"
#include "ui/main/settings_dialog.h"
#include "core/workflows/dataset_summary.h"
#include "training_test_support.h"
#include "ui_test_support.h"
#include "core/workflows/about.h"

using namespace cxr;

namespace {

struct TsMessage {
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;                 // the translation's type attribute: "", unfinished, obsolete, vanished
    QStringList translations;     // one, or one per numerus form

    QString key() const { return context + QStringLiteral(" | ") + source + QStringLiteral(" | ") + comment; }
};

struct TsFile {
    QString language;
    std::vector<TsMessage> messages;
    QString error;  // XML that could not be read
};

TsFile parseTs(const QByteArray& xml) {
    TsFile file;
    QXmlStreamReader r(xml);
    QString context;
    TsMessage* m = nullptr;
    while (!r.atEnd()) {
        r.readNext();
        if (!r.isStartElement()) {
            if (r.isEndElement() && r.name() == QLatin1String("message")) {
                m = nullptr;
            }
            continue;
        }
        const auto name = r.name();
        if (name == QLatin1String("TS")) {
            file.language = r.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name") && m == nullptr) {
            context = r.readElementText();
        } else if (name == QLatin1String("message")) {
            file.messages.emplace_back();
            m = &file.messages.back();
            m->context = context;
            m->numerus = r.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (m && name == QLatin1String("source")) {
            m->source = r.readElementText();
        } else if (m && name == QLatin1String("comment")) {
            m->comment = r.readElementText();
        } else if (m && name == QLatin1String("translation")) {
            m->type = r.attributes().value(QLatin1String("type")).toString();
            if (!m->numerus) {
                m->translations << r.readElementText();
            }
        } else if (m && name == QLatin1String("numerusform")) {
            m->translations << r.readElementText();
        }
    }
    if (r.hasError()) {
        file.error = r.errorString();
    }
    return file;
}

TsFile readTs(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        TsFile file;
        file.error = QStringLiteral("cannot open %1").arg(path);
        return file;
    }
    return parseTs(f.readAll());
}

// %1..%99 (also %L1), %n and a notice's {name}, as a sorted multiset: a translation may
// reorder them.
QStringList placeholders(const QString& text) {
    static const QRegularExpression re(QStringLiteral("%L?[0-9]{1,2}|%n|\\{[a-z_]+\\}"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        found << it.next().captured().remove(QLatin1Char('L'));
    }
    found.sort();
    return found;
}

// Menu and button accelerators: "&Quit", never "&&".
int accelerators(const QString& text) {
    return static_cast<int>(QString(text).remove(QStringLiteral("&&")).count(QLatin1Char('&')));
}

// Qt's plural rules: German and French have two forms (French: 0 and 1 are singular).
int numerusForms(const QString& language) {
    const QString lang = language.section(QLatin1Char('_'), 0, 0);
    if (lang == QLatin1String("de") || lang == QLatin1String("fr") || lang == QLatin1String("en")) {
        return 2;
    }
    return -1;  // unknown here: any number of forms, each filled
}

// Every problem in a file, one line each; empty when the file is complete and consistent.
QStringList checkTs(const TsFile& file) {
    QStringList problems;
    if (!file.error.isEmpty()) {
        return {QStringLiteral("not readable: ") + file.error};
    }
    if (file.language.isEmpty()) {
        problems << QStringLiteral("no language attribute");
    }
    if (file.messages.empty()) {
        problems << QStringLiteral("no messages");
    }
    std::set<QString> seen;
    for (const TsMessage& m : file.messages) {
        const QString where = QStringLiteral("[%1] \"%2\": ").arg(m.context, m.source.left(60));
        if (!seen.insert(m.key()).second) {
            problems << where + QStringLiteral("listed twice");
        }
        if (!m.type.isEmpty()) {
            problems << where + m.type;
            continue;
        }
        const int forms = numerusForms(file.language);
        if (m.numerus && forms > 0 && m.translations.size() != forms) {
            problems << where + QStringLiteral("%1 plural forms, %2 expected").arg(m.translations.size()).arg(forms);
        }
        if (m.translations.isEmpty()) {
            problems << where + QStringLiteral("no translation");
        }
        for (const QString& t : m.translations) {
            if (t.trimmed().isEmpty()) {
                problems << where + QStringLiteral("empty translation");
                continue;
            }
            if (placeholders(t) != placeholders(m.source)) {
                problems << where + QStringLiteral("placeholders %1 in the translation, %2 in the source")
                                        .arg(placeholders(t).join(QLatin1Char(',')), placeholders(m.source).join(QLatin1Char(',')));
            }
            if ((accelerators(t) > 0) != (accelerators(m.source) > 0)) {
                problems << where + QStringLiteral("accelerator (&) in only one of source and translation");
            }
            for (const QString& end : {QStringLiteral("…"), QStringLiteral(":")}) {
                if (m.source.endsWith(end) != t.endsWith(end)) {
                    problems << where + QStringLiteral("the source ends with \"%1\" and the translation does not, or the other way")
                                            .arg(end);
                }
            }
        }
    }
    return problems;
}

// The messages lupdate would have in the file: runs lupdate as `ninja cxr_studio_lupdate` does,
// on a copy, and returns what it added or dropped ("+ key" / "- key"); empty when in step.
QStringList staleMessages(const QString& tsPath, const QString& scratch, QString* error) {
    const QString copy = QDir(scratch).filePath(QFileInfo(tsPath).fileName());
    QFile::remove(copy);
    if (!QFile::copy(tsPath, copy)) {
        *error = QStringLiteral("cannot copy %1 to %2").arg(tsPath, copy);
        return {};
    }
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(CXR_SOURCE_DIR));
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    QStringList args = QStringLiteral(CXR_LUPDATE_ARGS).split(QLatin1Char('|'));
    args << QStringLiteral("-ts") << copy;
    lupdate.start(QStringLiteral(CXR_LUPDATE), args);
    if (!lupdate.waitForFinished(60000) || lupdate.exitStatus() != QProcess::NormalExit || lupdate.exitCode() != 0) {
        *error = QStringLiteral("lupdate failed: ") + QString::fromLocal8Bit(lupdate.readAll());
        return {};
    }
    std::set<QString> before, after;
    for (const TsMessage& m : readTs(tsPath).messages) {
        before.insert(m.key());
    }
    for (const TsMessage& m : readTs(copy).messages) {
        after.insert(m.key());
    }
    QStringList diff;
    for (const QString& k : after) {
        if (!before.count(k)) {
            diff << QStringLiteral("+ ") + k;
        }
    }
    for (const QString& k : before) {
        if (!after.count(k)) {
            diff << QStringLiteral("- ") + k;
        }
    }
    return diff;
}

QStringList tsFiles() {
    QDir dir(QStringLiteral(CXR_SOURCE_DIR "/translations"));
    QStringList files;
    for (const QString& f : dir.entryList({QStringLiteral("*.ts")}, QDir::Files, QDir::Name)) {
        files << dir.filePath(f);
    }
    return files;
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Applies `edit` to the <message> block whose source is `source` (XML-escaped as in the file).
QByteArray editMessage(QByteArray xml, const QByteArray& source, const std::function<void(QByteArray&)>& edit) {
    const qsizetype at = xml.indexOf("<source>" + source + "</source>");
    if (at < 0) {
        qFatal("no message \"%s\" to break", source.constData());
    }
    const qsizetype begin = xml.lastIndexOf("<message", at);
    const qsizetype end = xml.indexOf("</message>", at) + qsizetype(sizeof("</message>") - 1);
    QByteArray block = xml.mid(begin, end - begin);
    edit(block);
    return xml.replace(begin, end - begin, block);
}

bool anyContains(const QStringList& lines, const QString& a, const QString& b) {
    for (const QString& l : lines) {
        if (l.contains(a) && l.contains(b)) {
            return true;
        }
    }
    return false;
}

}  // namespace

class TranslationsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyTsFileIsCompiledIn();
    void tsFilesAreComplete();
    void tsFilesMatchTheSources();
    void checksFailOnBrokenFiles();
    void termsAndNoticesMatchCore();
    void languageChoiceIsValidatedAndResolved();
    void chosenLanguageTranslatesOursAndQts();
    void settingsDialogStoresTheLanguage();
    void settingsDialogStoresThePredictionPrecision();
};

// A .ts in translations/ that CMake does not compile would never reach the user; a language
// in the settings without a file would show English under its name.
void TranslationsTest::everyTsFileIsCompiledIn() {
    QStringList compiled = QStringLiteral(CXR_TS_FILES).split(QLatin1Char('|'));
    for (QString& f : compiled) {
        f = QFileInfo(f).fileName();
    }
    QStringList present;
    for (const QString& f : tsFiles()) {
        present << QFileInfo(f).fileName();
    }
    compiled.sort();
    QCOMPARE(present, compiled);
    for (const ui::LanguageOption& l : ui::availableLanguages()) {
        if (l.code != QLatin1String("en")) {
            QVERIFY2(present.contains(QStringLiteral("cxr_studio_%1.ts").arg(l.code)), qPrintable(l.code));
            QVERIFY2(QFile::exists(QStringLiteral(":/i18n/cxr_studio_%1.qm").arg(l.code)), qPrintable(l.code));
        }
    }
    QVERIFY(present.size() >= 2);  // German and French
}

void TranslationsTest::tsFilesAreComplete() {
    for (const QString& path : tsFiles()) {
        const TsFile file = readTs(path);
        const QStringList problems = checkTs(file);
        QVERIFY2(problems.isEmpty(), qPrintable(QFileInfo(path).fileName() + QStringLiteral(":\n  ") +
                                                problems.mid(0, 40).join(QStringLiteral("\n  "))));
        QVERIFY(file.messages.size() > 400);
    }
}

void TranslationsTest::tsFilesMatchTheSources() {
    const QString scratch = test::scratchDir(QStringLiteral("ts-sources"));
    for (const QString& path : tsFiles()) {
        QString error;
        const QStringList stale = staleMessages(path, scratch, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(stale.isEmpty(), qPrintable(QFileInfo(path).fileName() +
                                             QStringLiteral(" is out of date with the sources (run `ninja "
                                                            "cxr_studio_lupdate`, then translate):\n  ") +
                                             stale.mid(0, 40).join(QStringLiteral("\n  "))));
    }
}

// Each check on a copy of the German file broken in one way: the check must name the message.
void TranslationsTest::checksFailOnBrokenFiles() {
    const QString german = QStringLiteral(CXR_SOURCE_DIR "/translations/cxr_studio_de.ts");
    const QByteArray good = readAll(german);
    QVERIFY(!good.isEmpty());
    QVERIFY(checkTs(parseTs(good)).isEmpty());

    auto setType = [](const QByteArray& type) {
        return [type](QByteArray& b) { b.replace("<translation>", "<translation type=\"" + type + "\">"); };
    };
    QByteArray broken = good;
    broken = editMessage(broken, "&amp;Quit", setType("unfinished"));
    broken = editMessage(broken, "&amp;About CXR Studio", setType("obsolete"));
    broken = editMessage(broken, "Open &amp;Folder…", setType("vanished"));
    // A dropped placeholder, an added one, a lost accelerator, a lost ellipsis.
    auto text = [](const std::function<void(QByteArray&)>& edit) {
        return [edit](QByteArray& b) {
            const qsizetype from = b.indexOf("<translation>") + qsizetype(sizeof("<translation>") - 1);
            QByteArray t = b.mid(from, b.indexOf("</translation>") - from);
            edit(t);
            b.replace(from, b.indexOf("</translation>") - from, t);
        };
    };
    broken = editMessage(broken, "Model: %1", text([](QByteArray& t) { t.replace("%1", ""); }));
    broken = editMessage(broken, "Result", text([](QByteArray& t) { t.append(" %2"); }));
    broken = editMessage(broken, "&amp;Help", text([](QByteArray& t) { t.replace("&amp;", ""); }));
    broken = editMessage(broken, "&amp;Settings…", text([](QByteArray& t) { t.replace("…", ""); }));
    // A notice whose translation lost one of its named values.
    broken = editMessage(broken, "multi-frame file ({frames} frames): showing the first",
                         text([](QByteArray& t) { t.replace("{frames}", "mehreren"); }));
    // A plural message with one form only.
    broken = editMessage(broken, "%n film(s) in %1", [](QByteArray& b) {
        b.remove(b.indexOf("<numerusform>"), b.indexOf("</numerusform>") + 14 - b.indexOf("<numerusform>"));
    });
    const QStringList problems = checkTs(parseTs(broken));
    QVERIFY2(anyContains(problems, QStringLiteral("\"&Quit\""), QStringLiteral("unfinished")), qPrintable(problems.join('\n')));
    QVERIFY(anyContains(problems, QStringLiteral("\"&About CXR Studio\""), QStringLiteral("obsolete")));
    QVERIFY(anyContains(problems, QStringLiteral("\"Open &Folder…\""), QStringLiteral("vanished")));
    QVERIFY(anyContains(problems, QStringLiteral("\"Model: %1\""), QStringLiteral("placeholders")));
    QVERIFY(anyContains(problems, QStringLiteral("\"Result\""), QStringLiteral("placeholders")));
    QVERIFY(anyContains(problems, QStringLiteral("\"&Help\""), QStringLiteral("accelerator")));
    QVERIFY(anyContains(problems, QStringLiteral("\"&Settings…\""), QStringLiteral("…")));
    QVERIFY(anyContains(problems, QStringLiteral("\"%n film(s) in %1\""), QStringLiteral("plural forms")));
    QVERIFY(anyContains(problems, QStringLiteral("showing the first"), QStringLiteral("placeholders")));
    QCOMPARE(problems.size(), 9);

    // Out of step with the sources: a message the sources no longer have, and one they have
    // that the file lacks. lupdate on the copy adds the one and drops the other.
    const QString scratch = test::scratchDir(QStringLiteral("ts-broken"));
    QByteArray stale = good;
    stale.replace("<source>&amp;Quit</source>", "<source>&amp;Exit for good</source>");
    const QString stalePath = QDir(scratch).filePath(QStringLiteral("cxr_studio_de.ts"));
    {
        QFile f(stalePath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(stale);
    }
    const QString work = QDir(scratch).filePath(QStringLiteral("lupdate"));
    QVERIFY(QDir().mkpath(work));
    QString error;
    const QStringList diff = staleMessages(stalePath, work, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(diff.contains(QStringLiteral("+ cxr::ui::MainActions | &Quit | ")), qPrintable(diff.join('\n')));
    QVERIFY2(diff.contains(QStringLiteral("- cxr::ui::MainActions | &Exit for good | ")), qPrintable(diff.join('\n')));
    QCOMPARE(diff.size(), 2);
}

// termText() translates core's fixed words by their English text: what core writes must be
// among them, or the interface shows it untranslated. Notices are worded by code: every code
// core reports has a finished German and French translation, and the warnings a call or a
// split can carry are notices with a code the wordings know.
void TranslationsTest::termsAndNoticesMatchCore() {
    QVERIFY(ui::isTerm(workflows::kIntendedUse));
    training::TrainingConfig config;
    for (const auto& phase : config.phases) {
        QVERIFY2(ui::isTerm(phase.name), phase.name.c_str());
    }
    QVERIFY(ui::isTerm(config.classWeighting));
    QVERIFY(!ui::isTerm("val has many films"));

    // Every notice code: its English wording is a source text of each .ts (context = the code),
    // translated and finished; tsFilesAreComplete checks that it names the same {values}.
    const QDir source(QStringLiteral(CXR_SOURCE_DIR));
    for (const QString& ts : {QStringLiteral("translations/cxr_studio_de.ts"), QStringLiteral("translations/cxr_studio_fr.ts")}) {
        const TsFile file = readTs(source.filePath(ts));
        QVERIFY2(file.error.isEmpty(), qPrintable(file.error));
        for (const NoticeWording& w : noticeWordings()) {
            const auto found = std::find_if(file.messages.begin(), file.messages.end(), [&](const TsMessage& m) {
                return m.context == QLatin1String(w.code) && m.source == QString::fromUtf8(w.english);
            });
            QVERIFY2(found != file.messages.end(), qPrintable(ts + QStringLiteral(": no entry for notice ") + w.code));
            QVERIFY2(found->type.isEmpty() && !found->translations.value(0).isEmpty(),
                     qPrintable(ts + QStringLiteral(": notice ") + w.code + QStringLiteral(" is not translated")));
        }
    }

    // The notices a wizard scan and a call produce are worded codes.
    const QString data = test::makeTinyDataSet(test::scratchDir(QStringLiteral("ts-core")), 24, 4, 8, 32);
    for (auto policy : {data::ValPolicy::Auto, data::ValPolicy::Folder}) {
        const auto summary = workflows::summarizeDataset(ui::toPath(data), policy);
        QVERIFY2(englishWording(summary.reason.code()), summary.reason.code().c_str());
        QVERIFY2(ui::isTerm(summary.policy), summary.policy.c_str());
    }
    QVERIFY(englishWording(model::deviceDescription("cpu").code()));
    // Every out-of-domain warning a call can carry: a small, lateral, colour CT of the head.
    imaging::Film film;
    film.width = 120;
    film.height = 90;
    film.meta.modality = "CT";
    film.meta.viewPosition = "LL";
    film.meta.bodyPart = "HEAD";
    film.meta.photometric = "RGB";
    auto warnings = diagnosis::outOfDomainWarnings(film, 224);
    QCOMPARE(warnings.size(), size_t(5));
    // ... of a patient older, then younger, than a model trained on children aged 1-5.
    const AgeRange children = parseAgeRange("1-5", "test");
    for (const char* age : {"045Y", "006M"}) {
        film.patient.age = age;
        const auto aged = diagnosis::outOfDomainWarnings(film, 224, children);
        QCOMPARE(aged.size(), size_t(6));
        warnings.push_back(aged.back());
    }
    for (const Notice& w : warnings) {
        QVERIFY2(englishWording(w.code()), w.code().c_str());
    }
}

void TranslationsTest::languageChoiceIsValidatedAndResolved() {
    std::ostringstream log;
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(log);
    logger()->sinks().push_back(sink);
    QCOMPARE(ui::validLanguageChoice(QString()), QString());
    QCOMPARE(ui::validLanguageChoice(QStringLiteral("de")), QStringLiteral("de"));
    QCOMPARE(ui::validLanguageChoice(QStringLiteral("fr")), QStringLiteral("fr"));
    QVERIFY(log.str().empty());
    QCOMPARE(ui::validLanguageChoice(QStringLiteral("klingon")), QString());
    QVERIFY2(log.str().find("klingon") != std::string::npos, log.str().c_str());
    logger()->sinks().pop_back();

    QCOMPARE(ui::resolveLanguage(QStringLiteral("fr"), QLocale(QStringLiteral("de_DE"))), QStringLiteral("fr"));
    QCOMPARE(ui::resolveLanguage(QString(), QLocale(QStringLiteral("de_AT"))), QStringLiteral("de"));
    QCOMPARE(ui::resolveLanguage(QString(), QLocale(QStringLiteral("fr_CA"))), QStringLiteral("fr"));
    QCOMPARE(ui::resolveLanguage(QString(), QLocale(QStringLiteral("en_GB"))), QStringLiteral("en"));
    QCOMPARE(ui::resolveLanguage(QString(), QLocale(QStringLiteral("ja_JP"))), QStringLiteral("en"));
    QCOMPARE(ui::resolveLanguage(QString(), QLocale::c()), QStringLiteral("en"));
}

void TranslationsTest::chosenLanguageTranslatesOursAndQts() {
    test::isolateSettings(test::scratchDir(QStringLiteral("ts-install")));
    // A stored value this build does not know falls back to the system (English in the test
    // environment's C locale) and installs nothing.
    if (ui::resolveLanguage(QString()) == QLatin1String("en")) {
        const auto none = ui::installTranslations(*QCoreApplication::instance(), QStringLiteral("xx"));
        QCOMPARE(none.language, QStringLiteral("en"));
        QVERIFY(!none.application && !none.qt);
        QCOMPARE(QCoreApplication::translate("cxr::ui::MainActions", "&Quit"), QStringLiteral("&Quit"));
    }

    const auto de = ui::installTranslations(*QCoreApplication::instance(), QStringLiteral("de"));
    QCOMPARE(de.language, QStringLiteral("de"));
    QVERIFY(de.application);
    QVERIFY2(de.qt, qPrintable(QStringLiteral("qtbase_de.qm not found in ") +
                               QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
    QCOMPARE(QCoreApplication::translate("cxr::ui::MainActions", "&Quit"), QStringLiteral("&Beenden"));
    QVERIFY(ui::termText(workflows::kIntendedUse).startsWith(QStringLiteral("CXR Studio ist")));
    QCOMPARE(ui::noticeText(Notice("device.cpu").integer("threads", 2)), QStringLiteral("CPU, 2 Threads"));
    // Values go in with the locale: a decimal comma in German.
    QCOMPARE(ui::noticeText(Notice("split.small_val_resplit").integer("films", 40).number("percent", 12.5, 1)),
             QStringLiteral("val enthält 40 Aufnahmen – train wird nach Patienten neu aufgeteilt, 12,5 % (val zuvor mit "
                            "train zusammengeführt)"));
    QCOMPARE(ui::noticeText(Notice("domain.small_film").integer("width", 206).integer("height", 256).integer("input", 224)),
             QStringLiteral("kleine Aufnahme (206 x 256 px, kleiner als die 224-px-Eingabe des Modells): Details sind "
                            "interpoliert"));
    QCOMPARE(ui::noticeText(Notice("domain.patient_older").number("min", 1, 0).number("max", 5, 0)),
             QStringLiteral("Patient älter als die Altersgruppe, mit der das Modell trainiert wurde (1–5 Jahre)"));
    // The loader's own remarks are worded too, no longer English in a German window.
    QCOMPARE(ui::noticeText(Notice("film.multi_frame").integer("frames", 3)),
             QStringLiteral("Datei mit mehreren Frames (3 Frames): der erste wird gezeigt"));
    QCOMPARE(ui::localeNumber(0.8734, 3), QStringLiteral("0,873"));
    QCOMPARE(ui::classTitle(QStringLiteral("PNEUMONIA")), QStringLiteral("Pneumonie"));
    QCOMPARE(QLocale().language(), QLocale::German);
    // Qt's own catalogue: standard buttons speak German too.
    QDialogButtonBox box(QDialogButtonBox::Cancel);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')), QStringLiteral("Abbrechen"));
}

void TranslationsTest::settingsDialogStoresTheLanguage() {
    test::isolateSettings(test::scratchDir(QStringLiteral("ts-settings")));
    {
        ui::SettingsDialog dialog;
        auto* combo = dialog.findChild<QComboBox*>(QStringLiteral("language"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 1 + static_cast<int>(ui::availableLanguages().size()));
        QCOMPARE(dialog.language(), QString());  // nothing stored: system default
        dialog.setLanguage(QStringLiteral("fr"));
        QCOMPARE(combo->currentText(), QStringLiteral("Français"));
        dialog.save();
    }
    QCOMPARE(ui::AppSettings().language(), QStringLiteral("fr"));
    ui::AppSettings().setLanguage(QStringLiteral("xx"));
    ui::SettingsDialog again;
    QCOMPARE(again.language(), QString());  // an unknown stored value shows as the system default
}

void TranslationsTest::settingsDialogStoresThePredictionPrecision() {
    test::isolateSettings(test::scratchDir(QStringLiteral("ts-precision")));
    QCOMPARE(ui::AppSettings().predictionPrecision(), QStringLiteral("fp32"));  // the default
    {
        ui::SettingsDialog dialog;
        auto* combo = dialog.findChild<QComboBox*>(QStringLiteral("predictionPrecision"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 2);
        QCOMPARE(dialog.precision(), QStringLiteral("fp32"));
        dialog.setPrecision(QStringLiteral("bf16"));
        QCOMPARE(combo->currentData().toString(), QStringLiteral("bf16"));
        dialog.save();
    }
    QCOMPARE(ui::AppSettings().predictionPrecision(), QStringLiteral("bf16"));
    ui::AppSettings().setPredictionPrecision(QStringLiteral("fp16"));  // not offered: read as fp32
    QCOMPARE(ui::AppSettings().predictionPrecision(), QStringLiteral("fp32"));
    ui::SettingsDialog again;
    QCOMPARE(again.precision(), QStringLiteral("fp32"));
}

QTEST_MAIN(TranslationsTest)
#include "translations_test.moc"
