#include "ui/main/main_actions.h"

#include <utility>

#include <QAction>
#include <QMainWindow>
#include <QMenuBar>
#include <QToolBar>
#include <QToolButton>

#include "ui/common/icons.h"
#include "ui/main/recent_menu.h"
#include "ui/viewer/film_viewer.h"

namespace cxr::ui {

MainActions::MainActions(QMainWindow* window, FilmViewer* viewer) : QObject(window) {
    auto make = [window](const QString& iconName, const QString& text, const QKeySequence& key = {}) {
        auto* action = new QAction(iconName.isEmpty() ? QIcon() : icon(iconName), text, window);
        action->setShortcut(key);
        return action;
    };
    openFiles = make(QStringLiteral("open-file"), tr("&Open Films…"), QKeySequence::Open);
    openFiles->setStatusTip(tr("Open DICOM, JPEG or PNG films"));
    openFolder = make(QStringLiteral("open-folder"), tr("Open &Folder…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openFolder->setStatusTip(tr("Open every film in a folder and its subfolders"));
    openFromPacs = make(QString(), tr("Open from &PACS…"), QKeySequence(Qt::CTRL | Qt::Key_P));
    openFromPacs->setStatusTip(tr("Query a PACS and retrieve studies into the triage list"));
    listen = make(QString(), tr("&Listen for Pushed Films"));
    listen->setCheckable(true);
    listen->setStatusTip(tr("Receive films sent by a modality or PACS (DICOM Storage SCP) and diagnose them"));
    sendResults = make(QString(), tr("Send &Results to PACS…"));
    sendResults->setStatusTip(tr("Send the film's structured report (TID 1500) and overlay into its study on a PACS"));
    loadModel = make(QStringLiteral("load-model"), tr("&Load Model…"), QKeySequence(Qt::CTRL | Qt::Key_M));
    loadModel->setStatusTip(tr("Load a trained model: a run folder's model.json, or a seed .pth file"));
    loadModelFolder = make(QString(), tr("Load Model &Folder…"));
    loadModelFolder->setStatusTip(tr("Load a run folder written by training"));
    trainModel = make(QStringLiteral("train"), tr("&Train Model…"), QKeySequence(Qt::CTRL | Qt::Key_T));
    trainModel->setStatusTip(tr("Train a pneumonia classifier on a folder of films"));
    exportOverlay = make(QStringLiteral("export"), tr("&Export Overlay PNG…"), QKeySequence(Qt::CTRL | Qt::Key_E));
    exportOverlay->setStatusTip(tr("Save the film as shown, with its heat map, at full resolution"));
    exportCsv = make(QStringLiteral("export-csv"), tr("Export Triage List as &CSV…"));
    settings = make(QString(), tr("&Settings…"), QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);
    settings->setStatusTip(tr("Choose the interface language, the prediction arithmetic and the DICOM nodes"));
    quit = make(QStringLiteral("quit"), tr("&Quit"), QKeySequence::Quit);
    nextFilm = make(QStringLiteral("next-film"), tr("&Next Film"), QKeySequence(Qt::Key_PageDown));
    previousFilm = make(QStringLiteral("previous-film"), tr("&Previous Film"), QKeySequence(Qt::Key_PageUp));
    showTags = make(QString(), tr("DICOM &Tags"), QKeySequence(Qt::CTRL | Qt::Key_I));
    agree = make(QString(), tr("&Agree with the Call"), QKeySequence(Qt::Key_A));
    agree->setStatusTip(tr("Record that you agree with the model's call on this film, then go to the next film"));
    disagree = make(QString(), tr("&Disagree: Your Label"), QKeySequence(Qt::Key_D));
    disagree->setStatusTip(tr("Record your own label for this film (the other class unless you chose one), then go to the next film"));
    filmHistory = make(QString(), tr("Film &History…"), QKeySequence(Qt::CTRL | Qt::Key_H));
    filmHistory->setStatusTip(tr("Every call and verdict on this film over time"));
    reviewerAgreement = make(QString(), tr("Reviewer A&greement…"));
    reviewerAgreement->setStatusTip(tr("How far reviewers agree with each model: confusion matrix, sensitivity and specificity with 95% CIs"));
    exportReviewed = make(QString(), tr("&Export Reviewed Films…"));
    exportReviewed->setStatusTip(tr("Write the reviewed films with the reviewers' labels as a training folder"));
    about = make(QStringLiteral("about"), tr("&About CXR Studio"));
    about->setMenuRole(QAction::AboutRole);

    // Stable names, so tests and scripts find a command without knowing its wording.
    const std::pair<QAction*, const char*> names[] = {
        {openFiles, "openFiles"},       {openFolder, "openFolder"},       {loadModel, "loadModel"},
        {openFromPacs, "openFromPacs"}, {listen, "listen"},           {sendResults, "sendResults"},
        {loadModelFolder, "loadModelFolder"},                             {trainModel, "trainModel"},
        {exportOverlay, "exportOverlay"}, {exportCsv, "exportCsv"},       {settings, "settings"},
        {quit, "quit"},                 {nextFilm, "nextFilm"},           {previousFilm, "previousFilm"},
        {showTags, "showTags"},         {about, "about"},                 {agree, "agree"},
        {disagree, "disagree"},         {filmHistory, "filmHistory"},     {reviewerAgreement, "reviewerAgreement"},
        {exportReviewed, "exportReviewed"},
    };
    for (const auto& [action, name] : names) {
        action->setObjectName(QString::fromLatin1(name));
    }

    recentFiles = new RecentMenu(tr("Open &Recent"), QStringLiteral("files"), window);
    recentModels = new RecentMenu(tr("Recent &Models"), QStringLiteral("models"), window);

    QMenu* file = window->menuBar()->addMenu(tr("&File"));
    file->addAction(openFiles);
    file->addAction(openFolder);
    file->addMenu(recentFiles);
    file->addSeparator();
    file->addAction(openFromPacs);
    file->addAction(listen);
    file->addAction(sendResults);
    file->addSeparator();
    file->addAction(exportOverlay);
    file->addAction(exportCsv);
    file->addSeparator();
    file->addAction(settings);
    file->addSeparator();
    file->addAction(quit);

    QMenu* model = window->menuBar()->addMenu(tr("&Model"));
    model->addAction(loadModel);
    model->addAction(loadModelFolder);
    model->addMenu(recentModels);
    model->addSeparator();
    model->addAction(trainModel);

    viewMenu = window->menuBar()->addMenu(tr("&View"));
    viewMenu->addActions(viewer->navigationActions());
    viewMenu->addSeparator();
    QMenu* windowing = viewMenu->addMenu(tr("&Window/Level"));
    windowing->addActions(viewer->windowActions());
    viewMenu->addAction(viewer->overlayToggleAction());
    viewMenu->addSeparator();
    viewMenu->addAction(showTags);

    QMenu* go = window->menuBar()->addMenu(tr("&Go"));
    go->addAction(previousFilm);
    go->addAction(nextFilm);

    QMenu* review = window->menuBar()->addMenu(tr("&Review"));
    review->addAction(agree);
    review->addAction(disagree);
    review->addSeparator();
    review->addAction(filmHistory);
    review->addAction(reviewerAgreement);
    review->addSeparator();
    review->addAction(exportReviewed);

    QMenu* help = window->menuBar()->addMenu(tr("&Help"));
    help->addAction(about);

    toolBar = window->addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setIconSize(QSize(22, 22));
    toolBar->addAction(openFiles);
    toolBar->addAction(openFolder);
    toolBar->addAction(loadModel);
    toolBar->addAction(trainModel);
    toolBar->addSeparator();
    for (QAction* a : viewer->navigationActions()) {
        if (!a->icon().isNull()) {
            toolBar->addAction(a);
        }
    }
    toolBar->addSeparator();
    auto* presets = new QToolButton(toolBar);
    presets->setIcon(icon(QStringLiteral("window-level")));
    presets->setToolTip(tr("Window/level presets (right-drag on the film adjusts the window)"));
    presets->setMenu(windowing);
    presets->setPopupMode(QToolButton::InstantPopup);
    toolBar->addWidget(presets);
    toolBar->addAction(viewer->windowActions().last());  // invert
    toolBar->addAction(viewer->overlayToggleAction());
    toolBar->addSeparator();
    toolBar->addAction(previousFilm);
    toolBar->addAction(nextFilm);
    toolBar->addAction(exportOverlay);
}

}  // namespace cxr::ui
