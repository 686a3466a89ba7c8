#pragma once
// MainWindow: the review workspace. Triage list on the left, the film in the middle, the
// model's answer, heat-map controls and DICOM tags on the right. It wires the parts together
// and persists their state; the work itself happens in ReviewController and ModelLoader.
#include <functional>

#include <QFutureWatcher>
#include <QMainWindow>

#include "ui/diagnosis/film_drop.h"

class QSplitter;
class QTabWidget;

namespace cxr::ui {

class DropHint;
class FilmViewer;
class MainActions;
class ModelLoader;
class OverlayControls;
class PacsTransfers;
class RecordsSession;
class ReviewDesk;
class VerdictBar;
class TransferBar;
class ResultPanel;
class ReviewController;
class ReviewListModel;
class StatusPanel;
class TagPanel;
class TriagePanel;
struct FilmJobResult;
struct LoadedModel;

// Opens the training wizard (ui/training) on `dataFolder` (empty: the wizard's own choice);
// `onModelReady` loads the model it produced.
using TrainingLauncher = std::function<void(QWidget* parent, const QString& dataFolder,
                                            std::function<void(const QString& modelPath)> onModelReady)>;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    static void setTrainingLauncher(TrainingLauncher launcher);

    // Loads the last used model in the background; start-up never waits for it.
    void restoreLastModel();
    bool isModelLoaded() const;
    bool isModelLoading() const;

    // Tests and the screenshot tool drive the window as a user does: through its commands
    // (actions()), its public slots and its models. The child widgets stay private; where what
    // one shows must be read, findChild finds it by its objectName: "filmViewer",
    // "triagePanel", "resultPanel", "overlayControls", "tagPanel", "statusPanel", "dropHint",
    // "mainSplitter", "sideTabs", "transferBar", "verdictBar"; the dialogs it opens by their class; the models "reviewList", "triageProxy" (the list as shown:
    // sorted, filtered) and "dicomTags".
    MainActions* actions() const { return m_actions; }
    const ReviewListModel* reviewModel() const { return m_reviewModel; }
    const ReviewController* controller() const { return m_controller; }
    PacsTransfers* transfers() const { return m_transfers; }
    RecordsSession* recordsSession() const;
    bool isCollecting() const;

public Q_SLOTS:
    void openPaths(const QStringList& paths);  // files and folders; folders expand in the background
    void loadModel(const QString& path);
    void exportOverlay();
    void exportOverlayTo(const QString& file);
    void openFromPacs();
    void setListening(bool on);
    // Sends the film on screen's TID 1500 report and overlay to a configured node.
    void sendCurrentResults();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildLayout();
    void connectParts();
    void restoreSettings();
    void saveSettings();
    void chooseFiles();
    void chooseFolder();
    void chooseModel(bool folder);
    void trainModel();
    void showAbout();
    void showSettings();
    void onCollected();
    void onModelLoaded(const LoadedModel& model);
    void onModelFailed(const QString& path, const QString& message);
    void onCurrentReady(const FilmJobResult& result);
    void onCurrentFailed(const QString& path, const QString& message);
    void onCurrentLoading(const QString& path);
    void onFilmArrived(const QString& path);
    void trainOn(const QString& dataFolder);

    ReviewListModel* m_reviewModel = nullptr;
    ReviewController* m_controller = nullptr;
    ModelLoader* m_loader = nullptr;
    FilmViewer* m_viewer = nullptr;
    TriagePanel* m_triage = nullptr;
    ResultPanel* m_result = nullptr;
    OverlayControls* m_overlay = nullptr;
    TagPanel* m_tags = nullptr;
    QTabWidget* m_sideTabs = nullptr;
    QSplitter* m_splitter = nullptr;
    StatusPanel* m_status = nullptr;
    PacsTransfers* m_transfers = nullptr;
    ReviewDesk* m_desk = nullptr;  // the review records' side: verdicts, history, agreement, export
    VerdictBar* m_verdictBar = nullptr;
    TransferBar* m_transferBar = nullptr;
    DropHint* m_dropHint = nullptr;
    MainActions* m_actions = nullptr;
    QFutureWatcher<CollectedFilms>* m_collector = nullptr;
    QStringList m_pendingPaths;
    bool m_restoringModel = false;
    bool m_modelLoaded = false;
};

}  // namespace cxr::ui
