// The film viewer on its own: window/level by right-drag and presets, zoom about the cursor,
// and the heat map staying registered to the film under zoom, pan, rotation and flips.
#include <cmath>
#include <memory>

#include <QAction>
#include <QScrollBar>
#include <QtTest>

#include "ui_test_support.h"
#include "ui/viewer/dicom_tag_model.h"
#include "ui/viewer/film_view.h"
#include "ui/viewer/film_viewer.h"
#include "ui/viewer/tag_panel.h"

using namespace cxr;
using cxr::ui::FilmView;
using cxr::ui::FilmViewer;
using cxr::ui::WindowPreset;

class FilmViewerTest : public QObject {
    Q_OBJECT

    QString m_dir;

    std::unique_ptr<FilmViewer> makeViewer(std::shared_ptr<const imaging::Film> film) {
        auto viewer = std::make_unique<FilmViewer>();
        viewer->resize(640, 520);
        viewer->show();
        viewer->showFilm(std::move(film), QStringLiteral("test.dcm"));
        QCoreApplication::processEvents();
        return viewer;
    }

    // Where the overlay's hottest point appears on screen, in film coordinates.
    static QPointF overlayPeakInFilm(FilmViewer& viewer) {
        FilmView* view = viewer.view();
        const QImage shot = view->viewport()->grab().toImage();
        return view->viewportToFilm(QPointF(cxr::test::brightestPixel(shot)) + QPointF(0.5, 0.5));
    }

private Q_SLOTS:
    void initTestCase() {
        m_dir = cxr::test::scratchDir(QStringLiteral("viewer"));
        cxr::test::isolateSettings(m_dir);
    }

    void cleanupTestCase() { QDir(m_dir).removeRecursively(); }

    void rightDragChangesWindowAndPixels() {
        auto film = std::make_shared<const imaging::Film>(cxr::test::makeFilm(300, 240, 150, 120, 30));
        auto viewer = makeViewer(film);
        const imaging::DisplayWindow before = viewer->window();
        QCOMPARE(viewer->windowPreset(), WindowPreset::File);
        QWidget* viewport = viewer->view()->viewport();
        const QImage shotBefore = viewport->grab().toImage();

        // Right-drag to the right widens the window; upwards raises the level.
        cxr::test::rightDrag(viewport, QPoint(200, 300), QPoint(320, 240));
        QCoreApplication::processEvents();
        const imaging::DisplayWindow after = viewer->window();
        QCOMPARE(viewer->windowPreset(), WindowPreset::Custom);
        QVERIFY2(after.width > before.width + 100, qPrintable(QString::number(after.width)));
        QVERIFY2(after.center > before.center + 50, qPrintable(QString::number(after.center)));
        QTRY_VERIFY(viewport->grab().toImage() != shotBefore);

        // A narrowing drag the other way.
        cxr::test::rightDrag(viewport, QPoint(320, 240), QPoint(100, 240));
        QVERIFY(viewer->window().width < after.width);
    }

    void presetsFollowFilmPolarity() {
        auto film = std::make_shared<const imaging::Film>(cxr::test::makeFilm(200, 200, 100, 100, 20));
        auto viewer = makeViewer(film);
        viewer->setWindowPreset(WindowPreset::Lung);
        const imaging::DisplayWindow lung = viewer->window();
        viewer->setWindowPreset(WindowPreset::Bone);
        const imaging::DisplayWindow bone = viewer->window();
        QVERIFY2(lung.center < bone.center, "on MONOCHROME2 the lung window sits on the darker values");
        viewer->setWindowPreset(WindowPreset::FullRange);
        QVERIFY(std::abs(viewer->window().width - (4095 * 0.95 - 4095 * 0.15)) < 40);

        imaging::Film mono1 = cxr::test::makeFilm(200, 200, 100, 100, 20);
        mono1.invert = true;
        viewer->showFilm(std::make_shared<const imaging::Film>(mono1), QStringLiteral("mono1.dcm"));
        viewer->setWindowPreset(WindowPreset::Lung);
        const double lung1 = viewer->window().center;
        viewer->setWindowPreset(WindowPreset::Bone);
        QVERIFY2(lung1 > viewer->window().center, "on MONOCHROME1 the lungs are the high values");
    }

    void invertFlipsDisplayedPixels() {
        auto viewer = makeViewer(std::make_shared<const imaging::Film>(cxr::test::makeFilm(120, 100, 60, 50, 10)));
        const QImage a = viewer->composedImage();
        viewer->setInverted(true);
        const QImage b = viewer->composedImage();
        QCOMPARE(qGray(a.pixel(5, 5)) + qGray(b.pixel(5, 5)), 255);
    }

    void wheelZoomKeepsPointUnderCursor() {
        auto viewer = makeViewer(std::make_shared<const imaging::Film>(cxr::test::makeFilm(800, 600, 400, 300, 50)));
        FilmView* view = viewer->view();
        const QPoint cursor(420, 150);
        const QPointF filmBefore = view->viewportToFilm(cursor);
        const double zoomBefore = view->zoom();
        for (int i = 0; i < 4; ++i) {
            cxr::test::wheel(view->viewport(), cursor, 15);
        }
        QVERIFY(view->zoom() > zoomBefore * 2.0);
        const QPointF filmAfter = view->viewportToFilm(cursor);
        QVERIFY2(QLineF(filmBefore, filmAfter).length() < 2.0,
                 qPrintable(QStringLiteral("%1,%2 -> %3,%4").arg(filmBefore.x()).arg(filmBefore.y()).arg(filmAfter.x()).arg(filmAfter.y())));
    }

    void fitAndActualSize() {
        auto viewer = makeViewer(std::make_shared<const imaging::Film>(cxr::test::makeFilm(1600, 1200, 800, 600, 80)));
        FilmView* view = viewer->view();
        QVERIFY(view->fitsWindow());
        QVERIFY(view->zoom() < 0.5);
        const QPointF topLeft = view->filmToViewport(QPointF(0, 0));
        const QPointF bottomRight = view->filmToViewport(QPointF(1600, 1200));
        QVERIFY(topLeft.x() >= -1 && topLeft.y() >= -1);
        QVERIFY(bottomRight.x() <= view->viewport()->width() + 1 && bottomRight.y() <= view->viewport()->height() + 1);
        view->actualSize();
        QCOMPARE(view->zoom(), 1.0);
        view->rotateRight();
        QCOMPARE(view->rotation(), 90);
        view->fitToWindow();
        QVERIFY(view->zoom() < 0.5);
    }

    void nextFilmFitsAfterLoadingPage() {
        auto viewer = makeViewer(std::make_shared<const imaging::Film>(cxr::test::makeFilm(1774, 1320, 900, 600, 80)));
        viewer->resize(700, 760);
        QCoreApplication::processEvents();
        viewer->view()->zoomIn();  // the user had zoomed the previous film
        viewer->showLoading(QStringLiteral("next.dcm"));
        QCoreApplication::processEvents();
        viewer->showFilm(std::make_shared<const imaging::Film>(cxr::test::makeFilm(933, 1071, 400, 500, 40)),
                         QStringLiteral("next.dcm"));
        QCoreApplication::processEvents();
        FilmView* view = viewer->view();
        QVERIFY(view->fitsWindow());
        const QPointF topLeft = view->filmToViewport(QPointF(0, 0));
        const QPointF bottomRight = view->filmToViewport(QPointF(933, 1071));
        const QString where = QStringLiteral("film at (%1,%2)-(%3,%4) in a %5x%6 viewport, zoom %7")
                                  .arg(topLeft.x()).arg(topLeft.y()).arg(bottomRight.x()).arg(bottomRight.y())
                                  .arg(view->viewport()->width()).arg(view->viewport()->height()).arg(view->zoom());
        QVERIFY2(topLeft.y() >= -1 && bottomRight.y() <= view->viewport()->height() + 1, qPrintable(where));
        QVERIFY2(topLeft.x() >= -1 && bottomRight.x() <= view->viewport()->width() + 1, qPrintable(where));
    }

    void zoomPanRotateKeepOverlayRegistered() {
        const int w = 480, h = 360;
        const QPointF peak(360.0, 90.0);
        imaging::Film black = cxr::test::makeFilm(w, h, 0, 0, 0);
        std::fill(black.pixels.begin(), black.pixels.end(), 0.0f);  // only the overlay is bright
        auto viewer = makeViewer(std::make_shared<const imaging::Film>(black));
        viewer->setColormap(QStringLiteral("inferno"));  // brightness grows with heat
        viewer->setOverlayOpacity(1.0);
        // At a quarter of the film's resolution, as a CAM grid upsampled by the view would be.
        auto heat = std::make_shared<const std::vector<float>>(cxr::test::gaussianHeat(w / 4, h / 4, peak.x() / 4, peak.y() / 4, 6.0));
        viewer->setHeatMap({heat, w / 4, h / 4});
        FilmView* view = viewer->view();
        QVERIFY(view->hasOverlay() && view->overlayVisible());

        auto check = [&](const char* step) {
            QCoreApplication::processEvents();
            const QPointF found = overlayPeakInFilm(*viewer);
            // Tolerance: one screen pixel expressed in film pixels, plus the grid's quantisation.
            const double tolerance = 2.0 + 1.5 / view->zoom();
            QVERIFY2(QLineF(found, peak).length() <= tolerance,
                     qPrintable(QStringLiteral("%1: overlay peak at film (%2, %3), expected (%4, %5), zoom %6")
                                    .arg(QLatin1String(step)).arg(found.x()).arg(found.y()).arg(peak.x()).arg(peak.y()).arg(view->zoom())));
        };
        check("fit");
        for (int i = 0; i < 3; ++i) {
            cxr::test::wheel(view->viewport(), QPoint(400, 140), 15);
        }
        check("wheel zoom");
        view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->value() - 40);
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() + 25);
        check("pan");
        view->fitToWindow();
        view->rotateRight();
        check("rotate");
        view->flipHorizontally();
        check("flip");
        view->zoomIn();
        view->zoomIn();
        check("zoom after rotate and flip");

        viewer->overlayToggleAction()->trigger();
        QVERIFY(!view->overlayVisible());
        viewer->overlayToggleAction()->trigger();
        QVERIFY(view->overlayVisible());
    }

    void tagPanelMarksPatientFields() {
        imaging::Film film = cxr::test::makeFilm(64, 64, 32, 32, 8);
        film.tags.push_back({0x0010, 0x0010, "PatientName", "PN", "Test^Patient", true});
        film.tags.push_back({0x0028, 0x0010, "Rows", "US", "64", false});
        ui::TagPanel panel;
        panel.showFilm(&film);
        QCOMPARE(panel.model()->rowCount(), 2);
        QCOMPARE(panel.model()->identifyingCount(), 1);
        const QModelIndex name = panel.model()->index(0, ui::DicomTagModel::TagColumn);
        QCOMPARE(name.data().toString(), QStringLiteral("(0010,0010)"));
        QVERIFY(name.data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!name.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(!panel.model()->index(1, 0).data(Qt::FontRole).isValid());
    }
};

QTEST_MAIN(FilmViewerTest)
#include "film_viewer_test.moc"
