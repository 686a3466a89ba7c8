// The review workspace end to end, offscreen: drops with file URLs, a real (random-weights)
// model in the background, the triage list, error states, CSV and PNG export, settings. The
// window is driven as a user drives it: drops, its actions (MainActions), its public slots and
// its models; what a part shows is read from the part found by its objectName.
#include <algorithm>
#include <cmath>

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QSplitter>
#include <QStatusBar>
#include <QtTest>

#include "ui/common/app_settings.h"
#include "ui/diagnosis/overlay_controls.h"
#include "ui/diagnosis/result_panel.h"
#include "ui/diagnosis/review_controller.h"
#include "ui/diagnosis/review_list_model.h"
#include "ui/diagnosis/triage_proxy.h"
#include "ui/main/main_actions.h"
#include "ui/main/main_window.h"
#include "ui/main/status_panel.h"
#include "ui_test_support.h"
#include "ui/viewer/film_view.h"
#include "ui/viewer/film_viewer.h"

using cxr::ui::MainWindow;
using cxr::ui::ReviewItem;
using cxr::ui::ReviewListModel;

class MainWindowTest : public QObject {
    Q_OBJECT

    QString m_dir;
    QString m_films;
    QString m_model;
    QString m_good1, m_good2, m_dicom, m_broken, m_text;

    std::unique_ptr<MainWindow> makeWindow(bool withModel) {
        auto window = std::make_unique<MainWindow>();
        window->resize(1280, 800);
        window->show();
        if (withModel) {
            window->loadModel(m_model);
            // Callers check isModelLoaded(): QVERIFY cannot return from here.
            if (!QTest::qWaitFor([&] { return window->isModelLoaded(); }, 30000)) {
                qWarning("the test model did not load");
            }
        }
        return window;
    }

    // A part of the window by its objectName; a missing one ends the test.
    template <class T>
    static T* part(const MainWindow* window, const char* name) {
        T* found = window->findChild<T*>(QString::fromLatin1(name));
        if (!found) {
            qFatal("the main window has no %s", name);
        }
        return found;
    }
    static cxr::ui::FilmViewer* viewer(const MainWindow* w) { return part<cxr::ui::FilmViewer>(w, "filmViewer"); }
    static QString modelText(const MainWindow* w) { return part<cxr::ui::StatusPanel>(w, "statusPanel")->modelText(); }
    static QString callText(const MainWindow* w) { return part<cxr::ui::ResultPanel>(w, "resultPanel")->callText(); }
    static cxr::ui::OverlayControls* overlay(const MainWindow* w) {
        return part<cxr::ui::OverlayControls>(w, "overlayControls");
    }
    // The triage list as shown (sorted, filtered).
    static cxr::ui::TriageProxy* shownList(const MainWindow* w) { return part<cxr::ui::TriageProxy>(w, "triageProxy"); }
    static QList<int> visibleSourceRows(const MainWindow* w) {
        const cxr::ui::TriageProxy* list = shownList(w);
        QList<int> rows;
        for (int r = 0; r < list->rowCount(); ++r) {
            rows << list->mapToSource(list->index(r, 0)).row();
        }
        return rows;
    }
    // Go ▸ Previous Film until the first film of the list as shown is current.
    static void goToFirstFilm(MainWindow* w) {
        for (int i = 0; i < shownList(w)->rowCount(); ++i) {
            w->actions()->previousFilm->trigger();
        }
    }

    static bool allSettled(const ReviewListModel* model) {
        for (int r = 0; r < model->rowCount(); ++r) {
            const auto s = model->item(r).status;
            if (s == ReviewItem::Status::Queued || s == ReviewItem::Status::Running) {
                return false;
            }
        }
        return model->rowCount() > 0;
    }

    static QList<QUrl> urls(const QStringList& paths) {
        QList<QUrl> out;
        for (const QString& p : paths) {
            out << QUrl::fromLocalFile(p);
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase() {
        m_dir = cxr::test::scratchDir(QStringLiteral("main-window"));
        cxr::test::isolateSettings(m_dir + QStringLiteral("/settings"));
        m_films = m_dir + QStringLiteral("/films");
        QDir().mkpath(m_films);
        m_good1 = cxr::test::writeRasterFilm(m_films, QStringLiteral("a_chest.jpeg"), 320, 280, 220, 120);
        m_good2 = cxr::test::writeRasterFilm(m_films, QStringLiteral("b_chest.png"), 256, 256, 60, 180);
        m_dicom = cxr::test::writeDicomFilm(m_films, QStringLiteral("c_chest.dcm"), 300, 300);
        m_broken = cxr::test::writeBrokenDicom(m_films, QStringLiteral("d_broken.dcm"));
        m_text = cxr::test::writeTextFile(m_dir, QStringLiteral("notes.txt"));
        m_model = cxr::test::exportRandomModel(m_dir + QStringLiteral("/model"));
    }

    void cleanupTestCase() { QDir(m_dir).removeRecursively(); }

    void noModelSaysHowToGetOne() {
        auto window = makeWindow(false);
        QVERIFY(!window->isModelLoaded());
        QVERIFY(modelText(window.get()).contains(QStringLiteral("No model")));
        cxr::test::dragFiles(window.get(), urls({m_good1}), true);
        QTRY_VERIFY(allSettled(window->reviewModel()));
        QCOMPARE(window->reviewModel()->item(0).status, ReviewItem::Status::Opened);
        QTRY_VERIFY(viewer(window.get())->isShowingFilm());
        QVERIFY(!viewer(window.get())->hasHeatMap());
    }

    void droppedFolderGetsResultsInTheList() {
        auto window = makeWindow(true);
        QVERIFY(window->isModelLoaded());
        QVERIFY(modelText(window.get()).contains(QStringLiteral("NORMAL/PNEUMONIA")));
        QVERIFY(cxr::test::dragFiles(window.get(), urls({m_films}), true));
        QTRY_COMPARE_WITH_TIMEOUT(window->reviewModel()->rowCount(), 4, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(allSettled(window->reviewModel()), 60000);
        int done = 0, failed = 0;
        for (int r = 0; r < 4; ++r) {
            const ReviewItem& item = window->reviewModel()->item(r);
            if (item.status == ReviewItem::Status::Done) {
                ++done;
                QCOMPARE(item.probabilities.size(), std::size_t(2));
                QVERIFY(std::abs(item.probabilities[0] + item.probabilities[1] - 1.0) < 1e-6);
                QVERIFY(item.label == QStringLiteral("NORMAL") || item.label == QStringLiteral("PNEUMONIA"));
                QCOMPARE(item.positiveCall(), item.positiveProbability() >= item.threshold);
            } else {
                ++failed;
                QCOMPARE(item.status, ReviewItem::Status::Failed);
                QVERIFY2(item.error.contains(QStringLiteral("d_broken.dcm")), qPrintable(item.error));
            }
        }
        QCOMPARE(done, 3);
        QCOMPARE(failed, 1);
        // The first film is on screen with its call and heat map.
        QTRY_VERIFY(viewer(window.get())->isShowingFilm() && viewer(window.get())->hasHeatMap());
        QVERIFY(!callText(window.get()).isEmpty());
        QVERIFY(viewer(window.get())->view()->overlayVisible());
    }

    void badFileShowsErrorThenNextFilmWorks() {
        auto window = makeWindow(true);
        QVERIFY(window->isModelLoaded());
        cxr::test::dragFiles(window.get(), urls({m_broken}), true);
        QTRY_VERIFY_WITH_TIMEOUT(viewer(window.get())->isShowingError(), 10000);
        QVERIFY2(viewer(window.get())->shownMessage().contains(QStringLiteral("d_broken.dcm")),
                 qPrintable(viewer(window.get())->shownMessage()));
        cxr::test::dragFiles(window.get(), urls({m_dicom}), true);
        QTRY_VERIFY_WITH_TIMEOUT(viewer(window.get())->isShowingFilm() && viewer(window.get())->hasHeatMap(), 20000);
        QCOMPARE(viewer(window.get())->filmPath(), m_dicom);
        QVERIFY(!callText(window.get()).isEmpty());
        // The DICOM film's patient fields are listed and marked.
        QVERIFY(part<QAbstractItemModel>(window.get(), "dicomTags")->rowCount() > 0);
    }

    void nonImageDropIsRefusedWithReason() {
        auto window = makeWindow(false);
        const bool accepted = cxr::test::dragFiles(window.get(), urls({m_text}), false);
        QVERIFY(!accepted);
        // The reason is on screen while the drag hovers; after a forced drop, in the status bar.
        QMimeData mime;
        mime.setUrls(urls({m_text}));
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window.get(), &enter);
        const QLabel* hint = part<QLabel>(window.get(), "dropHint");  // a DropHint
        QVERIFY(hint->isVisible());
        QVERIFY2(hint->text().contains(QStringLiteral("notes.txt")), qPrintable(hint->text()));
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window.get(), &drop);
        QVERIFY(!hint->isVisible());
        QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("notes.txt")));
        QCOMPARE(window->reviewModel()->rowCount(), 0);
    }

    void triageSortsFiltersNavigatesAndExports() {
        auto window = makeWindow(true);
        QVERIFY(window->isModelLoaded());
        window->openPaths({m_good1, m_good2, m_dicom, m_broken});
        QTRY_COMPARE_WITH_TIMEOUT(window->reviewModel()->rowCount(), 4, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(allSettled(window->reviewModel()), 60000);
        cxr::ui::TriageProxy* list = shownList(window.get());

        list->sort(ReviewListModel::ProbabilityColumn, Qt::DescendingOrder);
        double previous = 2.0;
        for (int row : visibleSourceRows(window.get())) {
            const double p = window->reviewModel()->item(row).positiveProbability();
            QVERIFY(p <= previous);
            previous = p;
        }
        QCOMPARE(window->reviewModel()->item(visibleSourceRows(window.get()).last()).status, ReviewItem::Status::Failed);

        list->setCallFilter(cxr::ui::TriageProxy::Filter::Failed);
        QCOMPARE(list->rowCount(), 1);
        list->setCallFilter(cxr::ui::TriageProxy::Filter::All);

        // Next and previous film move through the list as shown, and the viewer follows.
        goToFirstFilm(window.get());
        const QString first = window->reviewModel()->item(visibleSourceRows(window.get()).at(0)).path;
        const QString second = window->reviewModel()->item(visibleSourceRows(window.get()).at(1)).path;
        QTRY_COMPARE(viewer(window.get())->filmPath(), first);
        window->actions()->nextFilm->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(viewer(window.get())->filmPath(), second, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(viewer(window.get())->hasHeatMap(), 20000);
        window->actions()->previousFilm->trigger();
        QTRY_COMPARE(viewer(window.get())->filmPath(), first);

        // File ▸ Export Triage List as CSV, answered in its file dialog.
        const QString csv = m_dir + QStringLiteral("/triage.csv");
        cxr::test::answerFileDialog(csv);
        window->actions()->exportCsv->trigger();
        QVERIFY(QFileInfo::exists(csv));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QVERIFY(lines.first().startsWith(QStringLiteral("file,status,label,p_NORMAL,p_PNEUMONIA,threshold")));
        QVERIFY(lines.last().contains(QStringLiteral("d_broken.dcm")) && lines.last().contains(QStringLiteral(",failed,")));

        const QString png = m_dir + QStringLiteral("/overlay.png");
        window->exportOverlayTo(png);
        const QImage exported(png);
        QCOMPARE(exported.size(), QSize(viewer(window.get())->film()->width, viewer(window.get())->film()->height));
    }

    void staleResultsAreIgnored() {
        auto window = makeWindow(true);
        QVERIFY(window->isModelLoaded());
        window->openPaths({m_good1, m_good2, m_dicom});
        QTRY_COMPARE_WITH_TIMEOUT(window->reviewModel()->rowCount(), 3, 10000);
        // Hop through the films faster than they are analysed; the last choice must win. The
        // first film is current once the films are listed: 1, 2, 1, 0, 1, 2 and back to 1.
        cxr::ui::MainActions* go = window->actions();
        for (QAction* step : {go->nextFilm, go->nextFilm, go->previousFilm, go->previousFilm, go->nextFilm,
                              go->nextFilm, go->previousFilm}) {
            step->trigger();
        }
        QTRY_VERIFY_WITH_TIMEOUT(allSettled(window->reviewModel()) && window->controller()->isIdle(), 60000);
        QTest::qWait(50);
        QCOMPARE(viewer(window.get())->filmPath(), m_good2);
        QVERIFY(viewer(window.get())->hasHeatMap());
    }

    void explanationMethodReruns() {
        auto window = makeWindow(true);
        QVERIFY(window->isModelLoaded());
        window->openPaths({m_good1});
        QTRY_VERIFY_WITH_TIMEOUT(viewer(window.get())->hasHeatMap(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(window->controller()->isIdle(), 30000);
        const cxr::imaging::Film* film = viewer(window.get())->film();
        const cxr::ui::HeatLayer first = viewer(window.get())->heatMap();  // keeps its values alive
        QVERIFY(first.values && !first.values->empty());

        // Waits for the viewer to show a heat map other than `previous`, then returns it.
        auto nextHeatMap = [&](const cxr::ui::HeatLayer& previous) {
            return QTest::qWaitFor([&] {
                       const auto& shown = viewer(window.get())->heatMap();
                       return shown.values && shown.values != previous.values;
                   }, 30000) &&
                   QTest::qWaitFor([&] { return window->controller()->isIdle(); }, 30000);
        };
        auto maxDifference = [](const cxr::ui::HeatLayer& a, const cxr::ui::HeatLayer& b) {
            double worst = 0;
            for (std::size_t i = 0; i < a.values->size(); ++i)
                worst = std::max(worst, double(std::abs((*a.values)[i] - (*b.values)[i])));
            return worst;
        };

        cxr::ui::OverlaySettings s = overlay(window.get())->settings();
        const cxr::ui::OverlaySettings original = s;
        s.method = QStringLiteral("layercam");
        s.layer = QStringLiteral("layer3");
        overlay(window.get())->setSettings(s);
        QTRY_COMPARE_WITH_TIMEOUT(window->controller()->options().method, std::string("layercam"), 5000);
        QVERIFY(nextHeatMap(first));
        const cxr::ui::HeatLayer second = viewer(window.get())->heatMap();
        QCOMPARE(viewer(window.get())->film(), film);  // same film object: not decoded again
        // The new map covers the same film, and it is another map: LayerCAM at 14 x 14 is not
        // Grad-CAM at 7 x 7 (a stale map, or the old method rerun, would be identical).
        QCOMPARE(second.width, first.width);
        QCOMPARE(second.height, first.height);
        QCOMPARE(second.values->size(), first.values->size());
        const double changed = maxDifference(first, second);
        QVERIFY2(changed > 0.05, qPrintable(QStringLiteral("heat map barely changed: %1").arg(changed)));

        // Back to the first method and layer: the first map again, to the last bit (the map
        // depends on the method and layer, not on how many times it ran).
        overlay(window.get())->setSettings(original);
        QTRY_COMPARE_WITH_TIMEOUT(window->controller()->options().method, original.method.toStdString(), 5000);
        QVERIFY(nextHeatMap(second));
        QCOMPARE(maxDifference(first, viewer(window.get())->heatMap()), 0.0);
    }

    void settingsPersistAcrossRestart() {
        QList<int> sizes;
        {
            auto window = makeWindow(true);
        QVERIFY(window->isModelLoaded());
            part<QSplitter>(window.get(), "mainSplitter")->setSizes({250, 700, 330});
            sizes = part<QSplitter>(window.get(), "mainSplitter")->sizes();
            cxr::ui::OverlaySettings s;
            s.visible = false;
            s.opacity = 0.7;
            s.colormap = QStringLiteral("viridis");
            s.method = QStringLiteral("gradcam++");
            s.layer = QStringLiteral("layer3");
            overlay(window.get())->setSettings(s);
            window->close();
        }
        auto window = makeWindow(false);
        QCOMPARE(part<QSplitter>(window.get(), "mainSplitter")->sizes(), sizes);
        const cxr::ui::OverlaySettings s = overlay(window.get())->settings();
        QCOMPARE(s.visible, false);
        QCOMPARE(s.opacity, 0.7);
        QCOMPARE(s.colormap, QStringLiteral("viridis"));
        QCOMPARE(s.method, QStringLiteral("gradcam++"));
        QCOMPARE(s.layer, QStringLiteral("layer3"));
        QCOMPARE(viewer(window.get())->colormap(), QStringLiteral("viridis"));
        QVERIFY(!viewer(window.get())->overlayEnabled());
        QCOMPARE(window->controller()->options().method, std::string("gradcam++"));
        QCOMPARE(cxr::ui::AppSettings().recentModels().value(0), m_model);
        // The last model comes back in the background.
        window->restoreLastModel();
        QVERIFY(window->isModelLoading());
        QTRY_VERIFY_WITH_TIMEOUT(window->isModelLoaded(), 30000);
    }
};

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
