// cxr_ui_screenshots MODEL FILMS... --out DIR: drives the real main window (load the model,
// open the films, wait for every call) and saves the screenshots in docs/screenshots/. Not a
// test: a reproducible way to make the pictures the README shows. Run under xvfb-run.
#include <QApplication>
#include <QDir>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

#include "diagnosis/review_controller.h"
#include "diagnosis/review_list_model.h"
#include "diagnosis/triage_panel.h"
#include "main/main_window.h"
#include "ui_test_support.h"
#include "viewer/film_viewer.h"
#include "viewer/tag_panel.h"

using namespace cxr::ui;

namespace {

bool waitFor(const std::function<bool()>& condition, int ms) { return QTest::qWaitFor(condition, ms); }

void save(QWidget* widget, const QString& file) {
    QCoreApplication::processEvents();
    QTest::qWait(300);
    if (!widget->grab().save(file)) {
        qFatal("could not write %s", qPrintable(file));
    }
    qInfo("wrote %s", qPrintable(file));
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    const int outAt = static_cast<int>(args.indexOf(QStringLiteral("--out")));
    if (args.size() < 4 || outAt < 2 || outAt + 1 >= args.size()) {
        qFatal("usage: cxr_ui_screenshots MODEL FILMS... --out DIR");
    }
    const QString model = args[0];
    const QStringList films = args.mid(1, outAt - 1);
    const QString out = args[outAt + 1];
    QDir().mkpath(out);
    cxr::test::isolateSettings(QDir::tempPath() + QStringLiteral("/cxr-screenshots-settings"));

    {
        MainWindow empty;
        empty.resize(1400, 860);
        empty.show();
        save(&empty, out + QStringLiteral("/review-no-model.png"));
    }

    MainWindow window;
    window.resize(1500, 900);
    window.show();
    window.splitter()->setSizes({520, 640, 340});
    window.loadModel(model);
    if (!waitFor([&] { return window.isModelLoaded(); }, 120000)) {
        qFatal("the model did not load");
    }
    window.openPaths(films);
    ReviewListModel* list = window.reviewModel();
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
    // The film the model is surest has pneumonia, sorted to the top of the list.
    window.triage()->table()->sortByColumn(ReviewListModel::ProbabilityColumn, Qt::DescendingOrder);
    window.triage()->selectSourceRow(window.triage()->visibleSourceRows().first());
    waitFor([&] { return window.viewer()->hasHeatMap() && window.controller()->isIdle(); }, 60000);
    save(&window, out + QStringLiteral("/review-main-window.png"));
    save(window.triage(), out + QStringLiteral("/review-triage-list.png"));

    // A DICOM film, if any, with its tags.
    for (int row : window.triage()->visibleSourceRows()) {
        if (list->item(row).path.endsWith(QStringLiteral(".dcm")) && list->item(row).status == ReviewItem::Status::Done) {
            window.triage()->selectSourceRow(row);
            waitFor([&] {
                return window.viewer()->filmPath() == list->item(row).path && window.viewer()->isShowingFilm() &&
                       window.viewer()->hasHeatMap() && window.controller()->isIdle();
            }, 60000);
            window.findChild<QTabWidget*>()->setCurrentIndex(1);
            save(&window, out + QStringLiteral("/review-dicom-tags.png"));
            break;
        }
    }
    return 0;
}
