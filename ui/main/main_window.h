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
class ResultPanel;
class ReviewController;
class ReviewListModel;
class StatusPanel;
class TagPanel;
class TriagePanel;
struct FilmJobResult;
struct LoadedModel;

// Opens the training wizard (ui/training); `onModelReady` loads the model it produced.
using TrainingLauncher = std::function<void(QWidget* parent, std::function<void(const QString& modelPath)> onModelReady)>;

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

    FilmViewer* viewer() const { return m_viewer; }
    TriagePanel* triage() const { return m_triage; }
    ResultPanel* resultPanel() const { return m_result; }
    OverlayControls* overlayControls() const { return m_overlay; }
    TagPanel* tagPanel() const { return m_tags; }
    ReviewListModel* reviewModel() const { return m_reviewModel; }
    ReviewController* controller() const { return m_controller; }
    StatusPanel* statusPanel() const { return m_status; }
    DropHint* dropHint() const { return m_dropHint; }
    MainActions* actions() const { return m_actions; }
    QSplitter* splitter() const { return m_splitter; }
    bool isCollecting() const;

public Q_SLOTS:
    void openPaths(const QStringList& paths);  // files and folders; folders expand in the background
    void loadModel(const QString& path);
    void exportOverlay();
    void exportOverlayTo(const QString& file);

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
    DropHint* m_dropHint = nullptr;
    MainActions* m_actions = nullptr;
    QFutureWatcher<CollectedFilms>* m_collector = nullptr;
    QStringList m_pendingPaths;
    bool m_restoringModel = false;
    bool m_modelLoaded = false;
};

}  // namespace cxr::ui
