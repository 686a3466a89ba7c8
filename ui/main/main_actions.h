#pragma once
// MainActions: every menu and toolbar command of the main window, with icons and shortcuts,
// and the menus and toolbar built from them. The window connects them to what they do. Each
// action's objectName is its member's name here ("openFiles", "nextFilm", ...).
#include <QObject>

class QAction;
class QMainWindow;
class QMenu;
class QToolBar;

namespace cxr::ui {

class FilmViewer;
class RecentMenu;

class MainActions : public QObject {
    Q_OBJECT
public:
    MainActions(QMainWindow* window, FilmViewer* viewer);

    QAction* openFiles = nullptr;
    QAction* openFolder = nullptr;
    QAction* openFromPacs = nullptr;
    QAction* listen = nullptr;  // checkable: the Storage SCP runs while checked
    QAction* sendResults = nullptr;
    QAction* loadModel = nullptr;
    QAction* loadModelFolder = nullptr;
    QAction* trainModel = nullptr;
    QAction* exportOverlay = nullptr;
    QAction* exportCsv = nullptr;
    QAction* settings = nullptr;
    QAction* quit = nullptr;
    QAction* nextFilm = nullptr;
    QAction* previousFilm = nullptr;
    QAction* showTags = nullptr;
    // Review (the records): verdicts on the film on screen, its history, agreement, export.
    QAction* agree = nullptr;
    QAction* disagree = nullptr;
    QAction* filmHistory = nullptr;
    QAction* reviewerAgreement = nullptr;
    QAction* exportReviewed = nullptr;
    QAction* about = nullptr;
    RecentMenu* recentFiles = nullptr;
    RecentMenu* recentModels = nullptr;
    QToolBar* toolBar = nullptr;
    QMenu* viewMenu = nullptr;
};

}  // namespace cxr::ui
