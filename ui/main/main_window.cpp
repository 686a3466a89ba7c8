#include "ui/main/main_window.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QMessageBox>
#include <QMimeData>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "core/model/device.h"
#include "ui/common/app_settings.h"
#include "ui/common/error_reporter.h"
#include "ui/common/icons.h"
#include "ui/common/notice_text.h"
#include "ui/common/qt_convert.h"
#include "ui/diagnosis/drop_hint.h"
#include "ui/diagnosis/overlay_controls.h"
#include "ui/diagnosis/result_panel.h"
#include "ui/diagnosis/review_controller.h"
#include "ui/diagnosis/review_list_model.h"
#include "ui/diagnosis/triage_panel.h"
#include "ui/diagnosis/triage_proxy.h"
#include "ui/main/about_dialog.h"
#include "ui/main/main_actions.h"
#include "ui/main/model_loader.h"
#include "ui/main/recent_menu.h"
#include "ui/main/review_desk.h"
#include "ui/main/settings_dialog.h"
#include "ui/main/status_panel.h"
#include "ui/pacs/pacs_query_dialog.h"
#include "ui/pacs/pacs_transfers.h"
#include "ui/pacs/transfer_bar.h"
#include "ui/records/verdict_bar.h"
#include "ui/viewer/dicom_tag_model.h"
#include "ui/viewer/film_viewer.h"
#include "ui/viewer/tag_panel.h"

namespace cxr::ui {
namespace {

TrainingLauncher& trainingLauncher() {
    static TrainingLauncher launcher;
    return launcher;
}

}  // namespace

void MainWindow::setTrainingLauncher(TrainingLauncher launcher) { trainingLauncher() = std::move(launcher); }

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    initResources();
    setWindowTitle(tr("CXR Studio"));
    setWindowIcon(icon(QStringLiteral("cxr-studio")));
    setAcceptDrops(true);
    m_reviewModel = new ReviewListModel(this);
    m_reviewModel->setObjectName(QStringLiteral("reviewList"));
    m_controller = new ReviewController(m_reviewModel, this);
    m_loader = new ModelLoader(this);
    m_collector = new QFutureWatcher<CollectedFilms>(this);
    buildLayout();
    m_actions = new MainActions(this, m_viewer);
    m_result->setModelActions(m_actions->loadModel, m_actions->trainModel);
    m_status = new StatusPanel(statusBar());
    m_status->setObjectName(QStringLiteral("statusPanel"));
    m_status->setNoModel(tr("No model loaded"));
    m_transfers = new PacsTransfers(this);
    m_transferBar = new TransferBar(this);
    m_transferBar->setObjectName(QStringLiteral("transferBar"));
    statusBar()->insertPermanentWidget(0, m_transferBar);
    connectParts();
    m_desk = new ReviewDesk(this,
                            {m_actions->agree, m_actions->disagree, m_actions->filmHistory, m_actions->reviewerAgreement,
                             m_actions->exportReviewed},
                            m_controller, m_reviewModel, m_triage, m_verdictBar, m_status, statusBar(),
                            [this](const QString& folder) { trainOn(folder); });
    restoreSettings();
    m_desk->openRecords();  // the last session's list follows once the records answer
}

MainWindow::~MainWindow() {
    m_collector->waitForFinished();
    delete m_transfers;  // stops the listener and waits for a retrieve while the list still exists
    m_transfers = nullptr;
}

void MainWindow::buildLayout() {
    m_viewer = new FilmViewer(this);
    m_triage = new TriagePanel(m_reviewModel, this);
    m_result = new ResultPanel(this);
    m_overlay = new OverlayControls(this);
    m_overlay->setToggleAction(m_viewer->overlayToggleAction());
    m_tags = new TagPanel(this);
    m_verdictBar = new VerdictBar(this);
    m_verdictBar->setObjectName(QStringLiteral("verdictBar"));
    m_viewer->setObjectName(QStringLiteral("filmViewer"));
    m_triage->setObjectName(QStringLiteral("triagePanel"));
    m_triage->proxy()->setObjectName(QStringLiteral("triageProxy"));
    m_result->setObjectName(QStringLiteral("resultPanel"));
    m_overlay->setObjectName(QStringLiteral("overlayControls"));
    m_tags->setObjectName(QStringLiteral("tagPanel"));
    m_tags->model()->setObjectName(QStringLiteral("dicomTags"));

    auto* resultPage = new QWidget(this);
    auto* resultLayout = new QVBoxLayout(resultPage);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    resultLayout->addWidget(m_result, 1);
    resultLayout->addWidget(m_verdictBar);
    resultLayout->addWidget(m_overlay);
    m_sideTabs = new QTabWidget(this);
    m_sideTabs->setObjectName(QStringLiteral("sideTabs"));
    m_sideTabs->addTab(resultPage, tr("Result"));
    m_sideTabs->addTab(m_tags, tr("DICOM Tags"));

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_triage);
    m_splitter->addWidget(m_viewer);
    m_splitter->addWidget(m_sideTabs);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({540, 640, 340});
    m_splitter->setCollapsible(1, false);
    setCentralWidget(m_splitter);
    m_dropHint = new DropHint(m_splitter);
    m_dropHint->setObjectName(QStringLiteral("dropHint"));
}

void MainWindow::connectParts() {
    connect(m_actions->openFiles, &QAction::triggered, this, &MainWindow::chooseFiles);
    connect(m_actions->openFolder, &QAction::triggered, this, &MainWindow::chooseFolder);
    connect(m_actions->loadModel, &QAction::triggered, this, [this] { chooseModel(false); });
    connect(m_actions->loadModelFolder, &QAction::triggered, this, [this] { chooseModel(true); });
    connect(m_actions->trainModel, &QAction::triggered, this, &MainWindow::trainModel);
    connect(m_actions->exportOverlay, &QAction::triggered, this, &MainWindow::exportOverlay);
    connect(m_actions->exportCsv, &QAction::triggered, m_triage, &TriagePanel::exportCsv);
    connect(m_actions->quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions->nextFilm, &QAction::triggered, m_triage, &TriagePanel::selectNext);
    connect(m_actions->previousFilm, &QAction::triggered, m_triage, &TriagePanel::selectPrevious);
    connect(m_actions->showTags, &QAction::triggered, this, [this] { m_sideTabs->setCurrentWidget(m_tags); });
    connect(m_actions->about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_actions->settings, &QAction::triggered, this, &MainWindow::showSettings);
    connect(m_actions->recentFiles, &RecentMenu::pathChosen, this, [this](const QString& p) { openPaths({p}); });
    connect(m_actions->recentModels, &RecentMenu::pathChosen, this, &MainWindow::loadModel);
    m_actions->exportOverlay->setEnabled(false);

    connect(m_actions->openFromPacs, &QAction::triggered, this, &MainWindow::openFromPacs);
    connect(m_actions->listen, &QAction::toggled, this, &MainWindow::setListening);
    connect(m_actions->sendResults, &QAction::triggered, this, &MainWindow::sendCurrentResults);
    connect(m_transfers, &PacsTransfers::resultsSent, this, [this](const QString&, bool ok, const QString& text) {
        statusBar()->showMessage(text, ok ? 10000 : 30000);
    });
    connect(m_transfers, &PacsTransfers::filmArrived, this, &MainWindow::onFilmArrived);
    connect(m_transfers, &PacsTransfers::objectKept, this, [this](const QString& path, const QString& reason) {
        statusBar()->showMessage(tr("%1: %2").arg(QFileInfo(path).fileName(), reason), 15000);
    });
    connect(m_transfers, &PacsTransfers::retrieveProgress, m_transferBar, &TransferBar::showRetrieve);
    connect(m_transfers, &PacsTransfers::retrieveFinished, this, [this](bool ok, const QString& summary) {
        m_transferBar->finishRetrieve(summary);
        m_actions->openFromPacs->setEnabled(true);
        if (!ok) statusBar()->showMessage(summary, 30000);
    });
    connect(m_transferBar, &TransferBar::cancelRequested, m_transfers, &PacsTransfers::cancelRetrieve);
    connect(m_transfers, &PacsTransfers::listenerChanged, this, [this](bool listening, const QString& text) {
        m_transferBar->setListener(listening, text);
        const QSignalBlocker quiet(m_actions->listen);
        m_actions->listen->setChecked(listening);
    });
    connect(m_transfers, &PacsTransfers::listenerRejected, this, [this](const QString& reason) {
        statusBar()->showMessage(tr("A pushed object was refused: %1").arg(reason), 15000);
    });

    connect(m_triage, &TriagePanel::filmActivated, m_controller, &ReviewController::setCurrentRow);
    connect(m_controller, &ReviewController::currentLoading, this, &MainWindow::onCurrentLoading);
    connect(m_controller, &ReviewController::currentReady, this, &MainWindow::onCurrentReady);
    connect(m_controller, &ReviewController::currentFailed, this, &MainWindow::onCurrentFailed);
    connect(m_controller, &ReviewController::currentBusy, m_viewer, &FilmViewer::setBusyNote);
    connect(m_controller, &ReviewController::progressChanged, m_status, &StatusPanel::setProgress);
    connect(m_controller, &ReviewController::filmFinished, this,
            [this](int, double ms) { m_status->setTiming(tr("Last film"), ms); });

    connect(m_overlay, &OverlayControls::opacityChanged, m_viewer, &FilmViewer::setOverlayOpacity);
    connect(m_overlay, &OverlayControls::colormapChanged, m_viewer, &FilmViewer::setColormap);
    connect(m_overlay, &OverlayControls::explanationChanged, this, [this](const QString& method, const QString& layer) {
        diagnosis::DiagnoseOptions options = m_controller->options();
        options.method = method.toStdString();
        options.layer = layer.toStdString();
        m_controller->setOptions(options);
        m_transfers->setDiagnoser(m_controller->diagnoser(), m_controller->options());
    });

    connect(m_loader, &ModelLoader::loaded, this, &MainWindow::onModelLoaded);
    connect(m_loader, &ModelLoader::failed, this, &MainWindow::onModelFailed);
    connect(m_collector, &QFutureWatcher<CollectedFilms>::finished, this, &MainWindow::onCollected);
}

void MainWindow::restoreSettings() {
    AppSettings settings;
    if (!settings.windowGeometry().isEmpty()) {
        restoreGeometry(settings.windowGeometry());
        restoreState(settings.windowState());
    } else {
        resize(1440, 900);
    }
    const QByteArray splitter = settings.splitterState(QStringLiteral("main"));
    if (!splitter.isEmpty()) {
        m_splitter->restoreState(splitter);
    }
    m_triage->restoreHeaderState(settings.headerState(QStringLiteral("triage-review")));
    const OverlaySettings overlay = settings.overlay();
    m_overlay->setSettings(overlay);
    m_viewer->setOverlayOpacity(overlay.opacity);
    m_viewer->setColormap(overlay.colormap);
    m_viewer->setOverlayEnabled(overlay.visible);
    diagnosis::DiagnoseOptions options;
    options.method = overlay.method.toStdString();
    options.layer = overlay.layer.toStdString();
    options.precision = settings.predictionPrecision().toStdString();
    m_controller->setOptions(options);
    m_transfers->setDiagnoser(m_controller->diagnoser(), m_controller->options());
    // The listener comes back as the user left it; a port now taken is said in the status bar,
    // not in a dialog at start-up.
    const ListenerPreferences listener = settings.listener();
    if (listener.enabled) {
        const QString folder = listener.folder.isEmpty() ? PacsTransfers::defaultFolder(QStringLiteral("received")) : listener.folder;
        if (!m_transfers->startListener(listener, folder))
            statusBar()->showMessage(m_transferBar->listenerText(), 30000);
    }
}

void MainWindow::saveSettings() {
    AppSettings settings;
    settings.setWindowGeometry(saveGeometry(), saveState());
    settings.setSplitterState(QStringLiteral("main"), m_splitter->saveState());
    settings.setHeaderState(QStringLiteral("triage-review"), m_triage->saveHeaderState());
    // The list as it is, for the next start; with the records each film's call comes back too.
    settings.setReviewSession(m_desk->sessionEntries());
    settings.setOverlay(m_overlay->settings());
    settings.sync();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreLastModel() {
    const QString last = AppSettings().lastModel();
    if (last.isEmpty()) {
        return;
    }
    m_restoringModel = true;
    loadModel(last);
}

bool MainWindow::isModelLoaded() const { return m_modelLoaded; }

bool MainWindow::isModelLoading() const { return m_loader->isLoading(); }

RecordsSession* MainWindow::recordsSession() const { return m_desk->session(); }

bool MainWindow::isCollecting() const { return m_collector->isRunning() || !m_pendingPaths.isEmpty(); }

void MainWindow::loadModel(const QString& path) {
    m_result->setModelLoaded(m_modelLoaded, m_modelLoaded ? QString() : path);
    statusBar()->showMessage(tr("Loading model %1…").arg(QDir::toNativeSeparators(path)));
    m_loader->load(path);
}

void MainWindow::onModelLoaded(const LoadedModel& model) {
    m_restoringModel = false;
    m_modelLoaded = true;
    const diagnosis::ModelInfo info = model.diagnoser->info();
    ModelSummary summary;
    summary.name = toQString(info.name);
    for (const std::string& c : info.classes) {
        summary.classes << toQString(c);
    }
    summary.sha256 = toQString(info.sha256);
    summary.threshold = info.threshold;
    summary.device = noticeText(model::deviceDescription(info.device));
    summary.source = QDir::toNativeSeparators(model.path);
    m_status->setModel(summary);
    m_status->setTiming(tr("Model loaded"), model.ms);
    statusBar()->showMessage(tr("Model %1 loaded.").arg(summary.name), 5000);
    m_result->setModelLoaded(true);
    AppSettings settings;
    settings.setLastModel(model.path);
    settings.addRecentModel(model.path);
    m_controller->setDiagnoser(model.diagnoser);
    m_transfers->setDiagnoser(model.diagnoser, m_controller->options());
}

void MainWindow::onModelFailed(const QString& path, const QString& message) {
    m_result->setModelLoaded(m_modelLoaded);
    statusBar()->clearMessage();
    if (m_restoringModel) {
        // At start-up a model that has moved is not worth a modal box: say it and carry on.
        m_restoringModel = false;
        m_status->setNoModel(tr("No model loaded (the last one failed: see the log)"));
        statusBar()->showMessage(tr("The last model could not be loaded: %1").arg(message), 15000);
        ErrorReporter::setInteractive(false);
        ErrorReporter::report(this, tr("Model not loaded"), message);
        ErrorReporter::setInteractive(true);
        return;
    }
    ErrorReporter::report(this, tr("Model not loaded"), tr("%1\n\n%2").arg(QDir::toNativeSeparators(path), message));
}

void MainWindow::chooseFiles() {
    AppSettings settings;
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Open Films"), settings.lastFolder(QStringLiteral("films")),
        tr("Films (*.dcm *.dicom *.jpg *.jpeg *.png *.bmp *.tif *.tiff);;All files (*)"));
    if (!files.isEmpty()) {
        settings.setLastFolder(QStringLiteral("films"), QFileInfo(files.first()).absolutePath());
        openPaths(files);
    }
}

void MainWindow::chooseFolder() {
    AppSettings settings;
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Folder of Films"),
                                                             settings.lastFolder(QStringLiteral("films")));
    if (!folder.isEmpty()) {
        settings.setLastFolder(QStringLiteral("films"), folder);
        openPaths({folder});
    }
}

void MainWindow::chooseModel(bool folder) {
    AppSettings settings;
    QString path;
    if (folder) {
        path = QFileDialog::getExistingDirectory(this, tr("Load Model Folder"), settings.lastFolder(QStringLiteral("models")));
    } else {
        path = QFileDialog::getOpenFileName(this, tr("Load Model"), settings.lastFolder(QStringLiteral("models")),
                                            tr("Models (model.json *.pth);;All files (*)"));
        if (QFileInfo(path).fileName() == QLatin1String("model.json")) {
            path = QFileInfo(path).absolutePath();  // a run folder is loaded as a whole
        }
    }
    if (path.isEmpty()) {
        return;
    }
    settings.setLastFolder(QStringLiteral("models"), QFileInfo(path).absolutePath());
    loadModel(path);
}

void MainWindow::trainModel() {
    trainOn(QString());
}

void MainWindow::trainOn(const QString& dataFolder) {
    if (trainingLauncher()) {
        trainingLauncher()(this, dataFolder, [this](const QString& modelPath) { loadModel(modelPath); });
        return;
    }
    QMessageBox::information(
        this, tr("Train a Model"),
        tr("Train on a folder with NORMAL/ and PNEUMONIA/ subfolders (the Kaggle chest X-ray layout) from a "
           "terminal:\n\n    cxr train DATA_FOLDER --out RUN_FOLDER\n\n"
           "then load RUN_FOLDER here with Model ▸ Load Model Folder…. To try the application without data, "
           "`cxr synth` writes a synthetic set."));
}

void MainWindow::showSettings() {
    SettingsDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted) {
        diagnosis::DiagnoseOptions options = m_controller->options();
        options.precision = dialog.precision().toStdString();
        m_controller->setOptions(options);
        m_transfers->setDiagnoser(m_controller->diagnoser(), m_controller->options());
        m_desk->settingsChanged();
    }
}

void MainWindow::showAbout() {
    AboutDialog dialog(m_modelLoaded ? m_status->modelText() : tr("none loaded"), this);
    dialog.exec();
}

void MainWindow::openPaths(const QStringList& paths) {
    if (paths.isEmpty()) {
        return;
    }
    m_pendingPaths << paths;
    if (m_collector->isRunning()) {
        return;  // picked up when the running expansion ends
    }
    statusBar()->showMessage(tr("Looking for films…"));
    const QStringList todo = std::exchange(m_pendingPaths, {});
    AppSettings settings;
    for (const QString& p : todo) {
        settings.addRecentFile(QFileInfo(p).absoluteFilePath());
    }
    m_collector->setFuture(QtConcurrent::run([todo] { return collectFilms(todo); }));
}

void MainWindow::onCollected() {
    const CollectedFilms found = m_collector->result();
    statusBar()->clearMessage();
    if (!found.films.isEmpty()) {
        const QList<int> rows = m_controller->addFiles(found.films);
        m_triage->selectSourceRow(rows.first());
    }
    QString note;
    if (found.films.isEmpty()) {
        note = found.problems.isEmpty() ? tr("No films found.") : found.problems.join(QStringLiteral("; "));
    } else if (!found.problems.isEmpty()) {
        note = tr("Opened %n film(s); %1", nullptr, static_cast<int>(found.films.size()))
                   .arg(found.problems.join(QStringLiteral("; ")));
    }
    if (!note.isEmpty()) {
        statusBar()->showMessage(note, 15000);
    }
    if (!m_pendingPaths.isEmpty()) {
        openPaths(std::exchange(m_pendingPaths, {}));
    }
}

void MainWindow::openFromPacs() {
    const QList<PacsServer> servers = AppSettings().pacsServers();
    if (servers.isEmpty()) {
        QMessageBox::information(this, tr("Open from PACS"),
                                 tr("No DICOM node is set up yet. Add your PACS in Settings ▸ PACS first."));
        SettingsDialog dialog(this);
        dialog.showPacsPage();
        dialog.exec();
        return;
    }
    PacsQueryDialog dialog(servers, this);
    if (dialog.exec() != QDialog::Accepted) return;
    const QList<RetrieveItem> items = dialog.selection();
    if (items.isEmpty()) return;
    if (!m_transfers->retrieve(dialog.server(), items, PacsTransfers::defaultFolder(QStringLiteral("retrieved")))) {
        statusBar()->showMessage(tr("A retrieve is still running; wait for it or cancel it first."), 10000);
        return;
    }
    int expected = 0;
    for (const RetrieveItem& item : items) expected += std::max(0, item.expectedInstances);
    m_transferBar->showRetrieve(0, expected, -1);
    m_actions->openFromPacs->setEnabled(false);
}

void MainWindow::sendCurrentResults() {
    const int row = m_controller->currentRow();
    const QList<PacsServer> servers = AppSettings().pacsServers();
    if (row < 0 || !m_controller->diagnoser()) {
        statusBar()->showMessage(tr("Open a DICOM film with a model loaded first."), 10000);
        return;
    }
    if (servers.isEmpty()) {
        QMessageBox::information(this, tr("Send Results to PACS"),
                                 tr("No DICOM node is set up yet. Add your PACS in Settings ▸ PACS first."));
        return;
    }
    int chosen = 0;
    if (servers.size() > 1) {
        QStringList labels;
        for (const PacsServer& s : servers) labels << s.label();
        bool ok = false;
        const QString label = QInputDialog::getItem(this, tr("Send Results to PACS"), tr("Send to:"), labels, 0, false, &ok);
        if (!ok) return;
        chosen = static_cast<int>(labels.indexOf(label));
    }
    const QString path = m_reviewModel->item(row).path;
    statusBar()->showMessage(tr("Sending the results for %1 to %2…").arg(QFileInfo(path).fileName(), servers[chosen].label()));
    m_transfers->sendResults(servers[chosen], path);
}

void MainWindow::setListening(bool on) {
    AppSettings settings;
    ListenerPreferences preferences = settings.listener();
    preferences.enabled = on;
    settings.setListener(preferences);
    if (!on) {
        m_transfers->stopListener();
        return;
    }
    const QString folder =
        preferences.folder.isEmpty() ? PacsTransfers::defaultFolder(QStringLiteral("received")) : preferences.folder;
    if (!m_transfers->startListener(preferences, folder)) {
        ErrorReporter::report(this, tr("Not listening"), m_transferBar->listenerText());
    }
}

void MainWindow::onFilmArrived(const QString& path) {
    const QList<int> rows = m_controller->addFiles({path});
    if (m_controller->currentRow() < 0 && !rows.isEmpty()) m_triage->selectSourceRow(rows.first());
}

void MainWindow::onCurrentLoading(const QString& path) {
    m_viewer->showLoading(path);
    m_result->showBusy(path);
    m_tags->showFilm(nullptr);
    m_actions->exportOverlay->setEnabled(false);
    setWindowTitle(tr("%1 — CXR Studio").arg(QFileInfo(path).fileName()));
}

void MainWindow::onCurrentReady(const FilmJobResult& result) {
    m_viewer->showFilm(result.film, result.path);
    if (result.diagnosis && result.diagnosis->heatW > 0) {
        // The heat map lives as long as the diagnosis that holds it.
        const std::shared_ptr<const std::vector<float>> heat(result.diagnosis, &result.diagnosis->heatMap);
        m_viewer->setHeatMap({heat, result.diagnosis->heatW, result.diagnosis->heatH});
    } else {
        m_viewer->clearHeatMap();
    }
    m_result->showResult(result);
    m_tags->showFilm(result.film.get());
    m_actions->exportOverlay->setEnabled(true);
    setWindowTitle(tr("%1 — CXR Studio").arg(QFileInfo(result.path).fileName()));
}

void MainWindow::onCurrentFailed(const QString& path, const QString& message) {
    m_viewer->showError(path, message);
    m_result->showFailure(path, message);
    m_tags->showFilm(nullptr);
    m_actions->exportOverlay->setEnabled(false);
}

void MainWindow::exportOverlay() {
    AppSettings settings;
    const QString suggested = settings.lastFolder(QStringLiteral("exports")) + QLatin1Char('/') +
                              QFileInfo(m_viewer->filmPath()).completeBaseName() + QStringLiteral("_overlay.png");
    const QString file = QFileDialog::getSaveFileName(this, tr("Export Overlay PNG"), suggested, tr("PNG images (*.png)"));
    if (!file.isEmpty()) {
        settings.setLastFolder(QStringLiteral("exports"), QFileInfo(file).absolutePath());
        exportOverlayTo(file);
    }
}

void MainWindow::exportOverlayTo(const QString& file) {
    const QImage image = m_viewer->composedImage();
    if (image.isNull()) {
        ErrorReporter::report(this, tr("Nothing to export"), tr("Open a film first."));
        return;
    }
    if (!image.save(file, "PNG")) {
        ErrorReporter::report(this, tr("Export failed"), tr("%1: could not write the PNG file.").arg(file));
        return;
    }
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(file)), 5000);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    // Accept the enter even when refusing, so the reason stays on screen until the drag leaves.
    const DropCheck check = checkDrop(event->mimeData());
    if (check.acceptable()) {
        m_dropHint->showAccepting(tr("Drop to open %n item(s)", nullptr, static_cast<int>(check.paths.size())));
    } else {
        m_dropHint->showRefusing(check.refusal);
    }
    event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent* event) {
    if (m_dropHint->isAccepting()) {
        event->acceptProposedAction();
    } else {
        event->ignore();
    }
}

void MainWindow::dragLeaveEvent(QDragLeaveEvent* event) {
    m_dropHint->hide();
    QMainWindow::dragLeaveEvent(event);
}

void MainWindow::dropEvent(QDropEvent* event) {
    m_dropHint->hide();
    const DropCheck check = checkDrop(event->mimeData());
    if (!check.acceptable()) {
        statusBar()->showMessage(check.refusal, 15000);
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    openPaths(check.paths);
}

}  // namespace cxr::ui
