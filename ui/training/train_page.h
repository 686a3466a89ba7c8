#pragma once
// TrainPage: runs the plan and shows it learn. Training runs in a TrainingSession (a thread of
// its own); this page only draws the session's events: the loss, accuracy and learning-rate
// charts (redrawn at most ten times a second from a training::TrainingHistory), a progress bar
// with the ETA, and a log. Cancel stops within one batch and keeps the best checkpoint; Resume
// continues the same run.
#include <QElapsedTimer>
#include <QWizardPage>

#include "core/training/training_history.h"
#include "ui/training/training_event.h"

class QChartView;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTimer;

namespace cxr::ui {

struct WizardPlan;
class TrainingCharts;
class TrainingSession;

class TrainPage : public QWizardPage {
    Q_OBJECT
public:
    TrainPage(WizardPlan* plan, QWidget* parent = nullptr);
    ~TrainPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    TrainingSession* session() const { return m_session; }
    TrainingCharts* charts() const { return m_charts; }
    const training::TrainingHistory& history() const { return m_history; }
    bool isRunning() const;
    bool hasSucceeded() const { return m_succeeded; }

    void cancel();
    void resume();

Q_SIGNALS:
    void runSucceeded();
    void runStopped(bool cancelled);

private:
    void start(bool resume);
    void log(const QString& line);
    void markDirty() { m_dirty = true; }
    void redraw();
    void updateProgress();
    void onEvent(const TrainingEvent& event);
    void onRunStarted(const training::RunStartInfo& info);
    void onPhaseStarted(const training::PhaseInfo& info);
    void onBatch(const training::BatchInfo& info);
    void onValidation(const ValidationProgress& progress);
    void onEpochFinished(const training::EpochResult& result);
    void onNewBest(const training::BestCheckpointInfo& best);
    void onPhaseFinished(const training::PhaseResult& result);
    void onStage(const Progress& progress);
    void onWarning(const TrainingWarning& warning);
    void onSucceeded();
    void onFailed(const RunFailed& failure);
    void loadPreviousEpochs();

    WizardPlan* m_plan;
    TrainingSession* m_session;
    TrainingCharts* m_charts;
    training::TrainingHistory m_history;
    QChartView* m_lossView;
    QChartView* m_accuracyView;
    QChartView* m_lrView;
    QProgressBar* m_progress;
    QLabel* m_status;
    QPlainTextEdit* m_log;
    QPushButton* m_cancel;
    QPushButton* m_resume;
    QTimer* m_redraw;
    QElapsedTimer m_clock;
    bool m_dirty = false;
    bool m_succeeded = false;
    bool m_started = false;
    int m_totalEpochs = 0;
    int m_phaseCount = 0;
    training::BatchInfo m_lastBatch;
    QString m_stageText;
    double m_etaSeconds = -1;
    QString m_phaseName;
};

}  // namespace cxr::ui
