// cxr_ui_screenshots MODEL FILMS... --out DIR [--lang CODE] [--run RUN] [--data DATA]: drives
// the real windows (load the model, open the films, wait for every call) and saves the
// screenshots in docs/screenshots/. Not a test: a reproducible way to make the pictures the
// README shows, and to look at a translation in place. Run under xvfb-run.
//   --lang CODE  interface language as the settings would choose it (de, fr, en); the files are
//                then named CODE_main_window.png, … instead of review-main-window.png, …
//   --run RUN    also the wizard's results page for this run folder, and its PDF report
//                (CODE_report.pdf / report.pdf; pdftoppm turns its pages into pictures)
//   --data DATA  also the wizard's data, model and phases pages for this data folder
//   --pacs NODE  also Settings ▸ PACS after a Verify, and File ▸ Open from PACS after a search
//                of every study, against the DICOM node AET@HOST:PORT (e.g. a local Orthanc)
// The review records start empty each time (a records file beside the tool's own settings):
// verdicts are given on the first films, then the verdict bar, a film's history, the reviewer
// agreement and the export dialog are shot (records-*.png).
#include <QApplication>
#include <QDir>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSignalSpy>
#include <QAction>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

#include "ui/common/error_reporter.h"
#include "ui/common/language.h"
#include "ui/common/qt_convert.h"
#include "ui/diagnosis/review_controller.h"
#include "ui/diagnosis/review_list_model.h"
#include "ui/diagnosis/triage_panel.h"
#include "ui/diagnosis/triage_proxy.h"
#include "ui/main/main_actions.h"
#include "ui/main/main_window.h"
#include "ui/main/settings_dialog.h"
#include "ui/pacs/pacs_query_dialog.h"
#include "ui/pacs/server_list_editor.h"
#include "ui/records/agreement_dialog.h"
#include "ui/records/export_reviewed_dialog.h"
#include "ui/records/film_history_dialog.h"
#include "ui/records/verdict_bar.h"
#include <QComboBox>
#include <QLineEdit>
#include "core/pacs/dicom_node.h"
#include "ui/report/report_renderer.h"
#include "ui/results/cam_examples_widget.h"
#include "ui/results/results_page.h"
#include "ui/results/results_view.h"
#include "ui/training/data_page.h"
#include "ui/training/phases_page.h"
#include "ui/training/training_wizard.h"
#include "ui_test_support.h"
#include "ui/viewer/film_viewer.h"

using namespace cxr::ui;

namespace {

bool waitFor(const std::function<bool()>& condition, int ms) { return QTest::qWaitFor(condition, ms); }

struct Shots {
    QString out;
    QString lang;

    // ("main-window", "review") → review-main-window.png, or de_main_window.png with --lang de;
    // ("1-data", "wizard") → wizard-1-data.png or de_wizard_data.png; results → de_results.png.
    QString file(const QString& name, const QString& group) const {
        if (lang.isEmpty()) {
            return out + QLatin1Char('/') + group + QLatin1Char('-') + name + QStringLiteral(".png");
        }
        QString plain = QString(name).remove(QRegularExpression(QStringLiteral("^[0-9]+-")));
        if (group == QLatin1String("wizard") && !plain.startsWith(QLatin1String("results"))) {
            plain.prepend(QStringLiteral("wizard-"));
        }
        return out + QLatin1Char('/') + lang + QLatin1Char('_') + plain.replace(QLatin1Char('-'), QLatin1Char('_')) +
               QStringLiteral(".png");
    }

    void save(QWidget* widget, const QString& name, const QString& group = QStringLiteral("review")) const {
        QCoreApplication::processEvents();
        QTest::qWait(300);
        const QString path = file(name, group);
        if (!widget->grab().save(path)) {
            qFatal("could not write %s", qPrintable(path));
        }
        qInfo("wrote %s", qPrintable(path));
    }
};

QString takeOption(QStringList& args, const QString& name) {
    const int at = static_cast<int>(args.indexOf(name));
    if (at < 0) {
        return {};
    }
    if (at + 1 >= args.size()) {
        qFatal("%s needs a value", qPrintable(name));
    }
    const QString value = args[at + 1];
    args.remove(at, 2);
    return value;
}

// A part of the main window by its objectName.
template <class T>
T* part(const MainWindow& window, const char* name) {
    T* found = window.findChild<T*>(QString::fromLatin1(name));
    if (!found) {
        qFatal("the main window has no %s", name);
    }
    return found;
}

// Verdicts as a reviewer gives them (A on the first film, D on the second, Other with a note on
// the third), then what the records show.
void shootRecords(const Shots& shots, MainWindow& window, const std::function<void(int)>& goTo) {
    const ReviewListModel* list = window.reviewModel();
    const TriageProxy* shown = part<TriageProxy>(window, "triageProxy");
    window.findChild<QTabWidget*>(QStringLiteral("sideTabs"))->setCurrentIndex(0);
    auto rowAt = [&](int index) { return shown->mapToSource(shown->index(index, 0)).row(); };
    auto ready = [&](int index) {
        return waitFor([&] {
            return window.controller()->currentRow() == rowAt(index) && window.actions()->agree->isEnabled() &&
                   window.controller()->isIdle();
        }, 60000);
    };
    auto* bar = part<VerdictBar>(window, "verdictBar");
    const int films = std::min(3, shown->rowCount());
    for (int index = 0; index < films; ++index) {
        goTo(index);
        if (!ready(index)) qFatal("no film ready for a verdict");
        const int row = rowAt(index);
        if (index == 0) {
            window.actions()->agree->trigger();
        } else if (index == 1) {
            window.actions()->disagree->trigger();
        } else {
            auto* label = bar->findChild<QComboBox*>(QStringLiteral("reviewerLabel"));
            label->setCurrentIndex(label->findData(QStringLiteral("other")));
            bar->findChild<QLineEdit*>(QStringLiteral("otherFinding"))->setText(QStringLiteral("effusion"));
            bar->findChild<QLineEdit*>(QStringLiteral("reviewNote"))->setText(QStringLiteral("compare with the lateral film"));
            window.actions()->disagree->trigger();
        }
        if (!waitFor([&] { return list->item(row).reviewed(); }, 10000)) qFatal("a verdict was not recorded");
    }
    // The third film on screen, with its verdict; the list with its Review column.
    goTo(films - 1);
    ready(films - 1);
    shots.save(&window, QStringLiteral("verdict"), QStringLiteral("records"));
    window.actions()->filmHistory->trigger();
    if (auto* history = window.findChild<FilmHistoryDialog*>()) {
        waitFor([&] { return history->isLoaded(); }, 10000);
        shots.save(history, QStringLiteral("history"), QStringLiteral("records"));
        history->close();
    }
    window.actions()->reviewerAgreement->trigger();
    if (auto* agreement = window.findChild<AgreementDialog*>()) {
        waitFor([&] { return agreement->isLoaded(); }, 10000);
        shots.save(agreement, QStringLiteral("agreement"), QStringLiteral("records"));
        agreement->close();
    }
    window.actions()->exportReviewed->trigger();
    if (auto* exporter = window.findChild<ExportReviewedDialog*>()) {
        const QString folder = QDir::tempPath() + QStringLiteral("/cxr-screenshots-reviewed");
        QDir(folder).removeRecursively();
        exporter->setFolder(folder);
        exporter->setTestShare(0);  // a handful of films: all into train/, to merge into a larger set
        exporter->start();
        waitFor([&] { return !exporter->isRunning(); }, 60000);
        shots.save(exporter, QStringLiteral("export"), QStringLiteral("records"));
        exporter->close();
    }
}

void shootReview(const Shots& shots, const QString& model, const QStringList& films) {
    {
        MainWindow empty;
        empty.resize(1400, 860);
        empty.show();
        shots.save(&empty, QStringLiteral("no-model"));
    }

    MainWindow window;
    window.resize(1500, 900);
    window.show();
    FilmViewer* viewer = part<FilmViewer>(window, "filmViewer");
    TriageProxy* shown = part<TriageProxy>(window, "triageProxy");  // the list as shown
    part<QSplitter>(window, "mainSplitter")->setSizes({600, 560, 340});
    window.loadModel(model);
    if (!waitFor([&] { return window.isModelLoaded(); }, 120000)) {
        qFatal("the model did not load");
    }
    window.openPaths(films);
    const ReviewListModel* list = window.reviewModel();
    auto settled = [&] {
        if (list->rowCount() == 0 || !window.controller()->isIdle()) {
            return false;
        }
        for (int r = 0; r < list->rowCount(); ++r) {
            const auto s = list->item(r).status;
            if (s == ReviewItem::Status::Queued || s == ReviewItem::Status::Running) {
                return false;
            }
        }
        return true;
    };
    if (!waitFor(settled, 600000)) {
        qFatal("the films were not analysed in time");
    }
    // Go ▸ Previous/Next Film to the `index`-th film of the list as shown.
    auto goTo = [&](int index) {
        for (int i = 0; i < shown->rowCount(); ++i) {
            window.actions()->previousFilm->trigger();
        }
        for (int i = 0; i < index; ++i) {
            window.actions()->nextFilm->trigger();
        }
    };
    // The film the model is surest has pneumonia, sorted to the top of the list.
    shown->sort(ReviewListModel::ProbabilityColumn, Qt::DescendingOrder);
    goTo(0);
    waitFor([&] { return viewer->hasHeatMap() && window.controller()->isIdle(); }, 60000);
    shots.save(&window, QStringLiteral("main-window"));
    shots.save(part<TriagePanel>(window, "triagePanel"), QStringLiteral("triage-list"));

    // A DICOM film, if any, with its tags.
    for (int index = 0; index < shown->rowCount(); ++index) {
        const int row = shown->mapToSource(shown->index(index, 0)).row();
        if (list->item(row).path.endsWith(QStringLiteral(".dcm")) && list->item(row).status == ReviewItem::Status::Done) {
            goTo(index);
            waitFor([&] {
                return viewer->filmPath() == list->item(row).path && viewer->isShowingFilm() && viewer->hasHeatMap() &&
                       window.controller()->isIdle();
            }, 60000);
            window.actions()->showTags->trigger();
            shots.save(&window, QStringLiteral("dicom-tags"));
            break;
        }
    }
    shootRecords(shots, window, goTo);
}

void shootSettings(const Shots& shots) {
    SettingsDialog dialog;
    dialog.setLanguage(QStringLiteral("fr"));  // differs from the running choice: the note stands out
    dialog.show();
    shots.save(&dialog, QStringLiteral("settings"));
}

void shootPacs(const Shots& shots, const QString& nodeText) {
    const cxr::pacs::DicomNode node = cxr::pacs::parseDicomNode(nodeText.toStdString());
    PacsServer server;
    server.name = QStringLiteral("Department PACS");
    server.aeTitle = QString::fromStdString(node.aeTitle);
    server.host = QString::fromStdString(node.host);
    server.port = node.port;
    SettingsDialog settings;
    settings.serverList()->setServers({server});
    settings.showPacsPage();
    settings.show();
    QSignalSpy verified(settings.serverList(), &ServerListEditor::verified);
    settings.serverList()->verifyServerNow();
    if (!verified.wait(30000)) qFatal("the PACS did not answer the Verify in time");
    shots.save(&settings, QStringLiteral("settings"), QStringLiteral("pacs"));

    PacsQueryDialog query({server});
    query.resize(1000, 640);
    query.show();
    QSignalSpy finished(&query, &PacsQueryDialog::searchFinished);
    query.setFilterText(QString(), QString(), QString(), QStringLiteral("CR,DX,DR"), QString());
    query.search();
    if (!finished.wait(60000) || finished.last().at(0).toInt() <= 0) qFatal("the PACS query found no studies");
    auto* studies = query.findChild<QTableView*>(QStringLiteral("studies"));
    studies->selectRow(0);
    waitFor([&] { return !query.isSearching() && query.findChild<QTableView*>(QStringLiteral("series"))->model()->rowCount() > 0; },
            30000);
    shots.save(&query, QStringLiteral("query"), QStringLiteral("pacs"));
}

void shootWizardStart(const Shots& shots, const QString& data) {
    TrainingWizard wizard;
    wizard.resize(1100, 820);
    wizard.show();
    QSignalSpy scanned(wizard.dataPage(), &DataPage::scanned);
    wizard.dataPage()->setFolder(data);
    if (!scanned.wait(120000)) {
        qFatal("the data folder was not scanned in time");
    }
    shots.save(&wizard, QStringLiteral("1-data"), QStringLiteral("wizard"));
    wizard.next();
    shots.save(&wizard, QStringLiteral("2-model"), QStringLiteral("wizard"));
    wizard.next();
    wizard.phasesPage()->setOutputFolder(QDir::tempPath() + QStringLiteral("/cxr-screenshots-run"));
    shots.save(&wizard, QStringLiteral("3-phases"), QStringLiteral("wizard"));
}

void shootResults(const Shots& shots, const QString& run) {
    TrainingWizard wizard;
    wizard.plan().request.runDir = toPath(run);
    wizard.setStartId(TrainingWizard::Results);
    wizard.resize(1100, 820);
    wizard.show();
    ResultsView* view = wizard.resultsPage()->view();
    if (!view->results().report) {
        qFatal("%s has no test results", qPrintable(run));
    }
    waitFor([&] { return !view->camExamples()->images().empty(); }, 120000);
    shots.save(&wizard, QStringLiteral("5-results"), QStringLiteral("wizard"));
    if (auto* scroll = view->findChild<QScrollArea*>()) {
        shots.save(scroll->widget(), QStringLiteral("5-results-full"), QStringLiteral("wizard"));
    }
    const QString pdf = shots.out + QLatin1Char('/') + (shots.lang.isEmpty() ? QString() : shots.lang + QLatin1Char('_')) +
                        QStringLiteral("report.pdf");
    ReportOptions options;
    options.threshold = view->threshold();
    renderReport(view->results(), toPath(pdf), options);
    qInfo("wrote %s", qPrintable(pdf));
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    Shots shots;
    shots.out = takeOption(args, QStringLiteral("--out"));
    shots.lang = takeOption(args, QStringLiteral("--lang"));
    const QString run = takeOption(args, QStringLiteral("--run"));
    const QString data = takeOption(args, QStringLiteral("--data"));
    const QString pacsNode = takeOption(args, QStringLiteral("--pacs"));
    if (args.size() < 2 || shots.out.isEmpty()) {
        qFatal("usage: cxr_ui_screenshots MODEL FILMS... --out DIR [--lang CODE] [--run RUN] [--data DATA] [--pacs NODE]");
    }
    QDir().mkpath(shots.out);
    const QString settingsDir = QDir::tempPath() + QStringLiteral("/cxr-screenshots-settings");
    cxr::test::isolateSettings(settingsDir);
    for (const QString& f : QDir(settingsDir).entryList({QStringLiteral("records.sqlite*")}, QDir::Files)) {
        QFile::remove(settingsDir + QLatin1Char('/') + f);  // every run starts with no verdicts
    }
    ErrorReporter::setInteractive(false);
    if (!shots.lang.isEmpty()) {
        const InstalledTranslations t = installTranslations(app, shots.lang);
        if (t.language != shots.lang || (shots.lang != QLatin1String("en") && !t.application)) {
            qFatal("no catalogue for --lang %s", qPrintable(shots.lang));
        }
    }

    shootReview(shots, args[0], args.mid(1));
    shootSettings(shots);
    if (!pacsNode.isEmpty()) {
        shootPacs(shots, pacsNode);
    }
    if (!data.isEmpty()) {
        shootWizardStart(shots, data);
    }
    if (!run.isEmpty()) {
        shootResults(shots, run);
    }
    return 0;
}
