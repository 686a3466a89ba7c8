// The training wizard end to end on a tiny synthetic set: every page, live charts in all three
// phases, a fluid event loop while training, cancel and resume, results, and the PDF report.
// Screenshots: with CXR_SCREENSHOT_DIR set, each page is saved there as PNG (docs/screenshots).
#include <signal.h>
#include <sys/resource.h>

#include <atomic>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <stdexcept>
#include <variant>
#include <vector>

#include <QApplication>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QPushButton>
#include <QScrollArea>
#include <QThread>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/common/json_io.h"
#include "core/training/run_directory.h"
#include "core/training/run_state.h"
#include "core/training/training_history.h"
#include "ui/common/error_reporter.h"
#include "ui/common/qt_convert.h"
#include "ui/report/report_renderer.h"
#include "ui/results/cam_examples_widget.h"
#include "ui/results/confusion_matrix_widget.h"
#include "ui/results/results_page.h"
#include "ui/results/results_view.h"
#include "ui/results/threshold_picker.h"
#include "ui/training/data_page.h"
#include "ui/training/model_page.h"
#include "ui/training/phases_page.h"
#include "ui/training/train_page.h"
#include "ui/training/training_charts.h"
#include "ui/training/training_session.h"
#include "ui/training/training_wizard.h"
#include "training_test_support.h"
#include "core/evaluation/call_rule.h"
#include "core/workflows/prediction_file.h"
#include "ui_test_support.h"

using namespace cxr;

namespace {

// What a TrainingSession delivered, and on which thread.
struct SessionLog {
    std::vector<ui::TrainingEvent> events;
    int stoppedAfter = -1;  // the number of events delivered before stopped()
    bool offGuiThread = false;

    explicit SessionLog(ui::TrainingSession& session) {
        QObject::connect(&session, &ui::TrainingSession::trainingEvent, &session, [this](const ui::TrainingEvent& e) {
            offGuiThread |= QThread::currentThread() != qApp->thread();
            events.push_back(e);
        });
        QObject::connect(&session, &ui::TrainingSession::stopped, &session,
                         [this] { stoppedAfter = static_cast<int>(events.size()); });
    }
    template <class T>
    std::vector<T> all() const {
        std::vector<T> out;
        for (const auto& e : events)
            if (const auto* t = std::get_if<T>(&e))
                out.push_back(*t);
        return out;
    }
};

// Records the longest gap between ticks of a 10 ms timer: how long the GUI thread's event loop
// was kept from running (charts, log and progress updates all run there). Wall time includes
// waiting for a CPU on a loaded machine, so the GUI thread's own CPU time within each gap is
// recorded too: that is the part this code is responsible for.
class StallMeter : public QObject {
public:
    StallMeter() {
        m_timer.setInterval(10);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const double cpu = threadCpuMs();
            if (m_last > 0) {
                m_worstMs = std::max(m_worstMs, (now - m_last) / 1e6);
                m_worstCpuMs = std::max(m_worstCpuMs, cpu - m_lastCpu);
            }
            m_last = now;
            m_lastCpu = cpu;
        });
        m_clock.start();
        m_timer.start();
    }
    double worstGapMs() const { return m_worstMs; }
    double worstBusyMs() const { return m_worstCpuMs; }

private:
    static double threadCpuMs() {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    double m_lastCpu = 0;
    double m_worstMs = 0, m_worstCpuMs = 0;
};

void screenshot(QWidget* w, const QString& name) {
    const QString dir = qEnvironmentVariable("CXR_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QApplication::processEvents();
    w->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

int screenshotEpochs() {
    return qEnvironmentVariableIntValue("CXR_SCREENSHOT_EPOCHS");
}

}  // namespace

class TrainingWizardTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { ui::ErrorReporter::setInteractive(false); }

    void historyAndChartsFollowEvents();
    void sessionDeliversThrottledEventsInOrder();
    void sessionReportsFailuresAndCancelAtItsEdge();
    void wizardWalksThroughAllPagesAndFinishes();
    void cancelMidPhaseKeepsBestCheckpointAndResumes();
    void reportRendersKeyFigures();
    void failedReportRenderKeepsThePreviousReport();
    void phasesPageOffersEarlyStoppingAndBatchNormSettings();
    void historyFromMetricsMarksEarlyStopsLikeTheTrainer();
    void filmAtTheThresholdIsCalledAlikeInFileResultsAndPicker();
};

// A job that reports faster than any GUI draws: batch, validation and stage progress arrive
// coalesced, each epoch's last batch, each new stage and each stage's end always; everything in
// the engine's order, on the GUI thread, RunSucceeded last and stopped() after it.
void TrainingWizardTest::sessionDeliversThrottledEventsInOrder() {
    ui::TrainingSession session;
    SessionLog log(session);
    constexpr std::size_t kBatches = 2000;
    session.setJob([](const ui::TrainingRequest&, training::TrainingObserver& o, const CancelToken&) {
        training::RunStartInfo start;
        start.totalEpochs = 1;
        o.onRunStarted(start);
        o.onEpochStarted(training::EpochInfo{});
        for (std::size_t b = 1; b <= kBatches; ++b) {
            training::BatchInfo info;
            info.batch = b;
            info.batches = kBatches;
            o.onBatch(info);
        }
        for (std::size_t v = 1; v <= kBatches; ++v)
            o.onValidationProgress(v, kBatches);
        training::EpochResult epoch;
        epoch.valLoss = 0.5;
        o.onEpochFinished(epoch);
        for (const char* stage : {"caching", "evaluating"})
            for (std::size_t d = 0; d <= kBatches; ++d)
                o.onStage(Progress{Notice(stage), d, kBatches, -1});
        o.onWarning(Notice("test.warning").integer("films", 3));
        training::TrainingResult result;
        result.completed = true;
        o.onRunFinished(result);
    });
    QVERIFY(session.start(ui::TrainingRequest{}));
    QVERIFY(session.isRunning());
    QVERIFY(!session.start(ui::TrainingRequest{}));  // one run at a time
    QTRY_VERIFY_WITH_TIMEOUT(log.stoppedAfter >= 0, 30000);
    QVERIFY(!session.isRunning());
    QVERIFY(!log.offGuiThread);

    // The whole sequence, in order: what kind each event is.
    QVERIFY(!log.events.empty());
    QVERIFY(std::holds_alternative<training::RunStartInfo>(log.events.front()));
    QVERIFY(std::holds_alternative<ui::RunSucceeded>(log.events.back()));
    QCOMPARE(log.stoppedAfter, static_cast<int>(log.events.size()));
    auto kind = [](const ui::TrainingEvent& e) { return static_cast<int>(e.index()); };
    QList<int> kinds;
    for (const auto& e : log.events)
        if (kinds.isEmpty() || kinds.back() != kind(e))
            kinds << kind(e);
    const QList<int> expected = {kind(training::RunStartInfo{}),   kind(training::EpochInfo{}),
                                 kind(training::BatchInfo{}),      kind(ui::ValidationProgress{}),
                                 kind(training::EpochResult{}),    kind(ui::StageProgress{}),
                                 kind(ui::TrainingWarning{}),      kind(training::TrainingResult{}),
                                 kind(ui::RunSucceeded{})};
    QCOMPARE(kinds, expected);

    // Coalesced, but never the last batch, the end of validation, a new stage or a stage's end.
    const auto batches = log.all<training::BatchInfo>();
    QVERIFY2(batches.size() < kBatches / 10, qPrintable(QString::number(batches.size())));
    QCOMPARE(batches.back().batch, kBatches);
    const auto validation = log.all<ui::ValidationProgress>();
    QVERIFY(validation.size() < kBatches / 10);
    QCOMPARE(validation.back().done, kBatches);
    const auto stages = log.all<ui::StageProgress>();
    QVERIFY(stages.size() < kBatches / 10);
    QStringList stageMarks;
    for (const auto& s : stages)
        if (s.progress.done == 0 || s.progress.done == s.progress.total)
            stageMarks << QStringLiteral("%1 %2").arg(QString::fromStdString(s.progress.stage.code())).arg(s.progress.done);
    QCOMPARE(stageMarks, QStringList({QStringLiteral("caching 0"), QStringLiteral("caching 2000"),
                                      QStringLiteral("evaluating 0"), QStringLiteral("evaluating 2000")}));
    QCOMPARE(log.all<training::EpochResult>().at(0).valLoss, 0.5);
    QCOMPARE(log.all<ui::TrainingWarning>().at(0).notice, Notice("test.warning").integer("films", 3));
    QVERIFY(log.all<training::TrainingResult>().at(0).completed);
}

// Errors end a run at the thread's edge as RunFailed, a cancel as RunFailed{cancelled}; the
// session outlives each run and starts the next; destroying it mid-run cancels and waits.
void TrainingWizardTest::sessionReportsFailuresAndCancelAtItsEdge() {
    ui::TrainingSession session;
    SessionLog log(session);
    auto lastFailure = [&]() -> std::optional<ui::RunFailed> {
        if (log.events.empty())
            return std::nullopt;
        if (const auto* f = std::get_if<ui::RunFailed>(&log.events.back()))
            return *f;
        return std::nullopt;
    };
    auto runToEnd = [&](ui::TrainingJob job) {
        log.events.clear();
        log.stoppedAfter = -1;
        session.setJob(std::move(job));
        return session.start(ui::TrainingRequest{}) &&
               QTest::qWaitFor([&] { return log.stoppedAfter >= 0; }, 30000);
    };

    // An engine error: its message, not a cancel.
    QVERIFY(runToEnd([](const ui::TrainingRequest&, training::TrainingObserver&, const CancelToken&) {
        throw Error(ErrorCode::Training, "loss is not finite");
    }));
    QVERIFY(lastFailure().has_value());
    QVERIFY2(lastFailure()->message.contains(QStringLiteral("loss is not finite")), qPrintable(lastFailure()->message));
    QVERIFY(!lastFailure()->cancelled);
    QCOMPARE(log.stoppedAfter, 1);

    // Anything else thrown is caught there too.
    QVERIFY(runToEnd([](const ui::TrainingRequest&, training::TrainingObserver&, const CancelToken&) {
        throw std::runtime_error("out of memory");
    }));
    QVERIFY(lastFailure().has_value());
    QVERIFY(!lastFailure()->message.isEmpty());
    QVERIFY(!lastFailure()->cancelled);

    // Cancel: the job sees the token and stops; the failure says cancelled.
    auto waitsForCancel = [](const ui::TrainingRequest&, training::TrainingObserver& o, const CancelToken& cancel) {
        o.onRunStarted(training::RunStartInfo{});
        while (!cancel.isCancelled())
            QThread::msleep(5);
        cancel.throwIfCancelled("training");
    };
    log.events.clear();
    log.stoppedAfter = -1;
    session.setJob(waitsForCancel);
    QVERIFY(session.start(ui::TrainingRequest{}));
    QTRY_VERIFY_WITH_TIMEOUT(!log.events.empty(), 10000);  // running: the start has arrived
    QVERIFY(session.isRunning());
    session.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(log.stoppedAfter >= 0, 10000);
    QVERIFY(lastFailure().has_value());
    QVERIFY(lastFailure()->cancelled);
    QVERIFY(!session.isRunning());

    // A session destroyed while its job runs cancels it and waits for the thread.
    auto doomed = std::make_unique<ui::TrainingSession>();
    std::atomic<bool> jobEnded{false};
    doomed->setJob([&](const ui::TrainingRequest& r, training::TrainingObserver& o, const CancelToken& cancel) {
        try {
            waitsForCancel(r, o, cancel);
        } catch (...) {
            jobEnded = true;
            throw;
        }
    });
    QVERIFY(doomed->start(ui::TrainingRequest{}));
    QTest::qWait(50);
    doomed.reset();
    QVERIFY(jobEnded);
    QTest::qWait(50);  // nothing queued for the dead session may arrive anywhere
}

// Events as the engine sends them, without training: the charts' series and bands follow.
void TrainingWizardTest::historyAndChartsFollowEvents() {
    training::TrainingHistory h;
    ui::TrainingCharts charts;
    const char* names[] = {"feature extraction", "shallow fine-tuning", "deep fine-tuning"};
    for (int phase = 0; phase < 3; ++phase) {
        training::PhaseInfo p;
        p.phase = phase;
        p.phaseCount = 3;
        p.name = names[phase];
        h.onPhaseStarted(p);
        for (int epoch = 0; epoch < 2; ++epoch) {
            for (std::size_t b = 1; b <= 4; ++b) {
                training::BatchInfo bi;
                bi.phase = phase;
                bi.epoch = epoch;
                bi.batch = b;
                bi.batches = 4;
                bi.runningLoss = 0.7 - 0.05 * phase;
                bi.runningAccuracy = 0.5 + 0.1 * phase;
                h.onBatch(bi);
            }
            training::EpochResult r;
            r.phase = phase;
            r.phaseName = names[phase];
            r.epoch = epoch;
            r.learningRate = 1e-3 / (phase + 1);
            r.trainLoss = 0.6 - 0.1 * phase;
            r.valLoss = 0.65 - 0.1 * phase + 0.05 * epoch;
            r.valAccuracy = 0.6 + 0.1 * phase;
            r.best = epoch == 0;
            r.earlyStopCounter = epoch;
            r.patience = 1;
            h.onEpochFinished(r);
        }
        training::PhaseResult pr;
        pr.phase = phase;
        pr.name = names[phase];
        pr.earlyStopped = phase == 1;
        h.onPhaseFinished(pr);
    }
    charts.update(h);
    QCOMPARE(charts.pointCount(QStringLiteral("val loss")), 6);
    QCOMPARE(charts.pointCount(QStringLiteral("batch loss")), 24);
    QCOMPARE(charts.pointCount(QStringLiteral("best")), 3);
    QCOMPARE(charts.pointCount(QStringLiteral("early stop")), 1);
    QCOMPARE(charts.pointCount(QStringLiteral("learning rate")), 12);
    QCOMPARE(charts.phaseBandCount(), 3);
    QCOMPARE(h.phases()[1].start, 2.0);
    QCOMPARE(h.phases()[1].end, 4.0);
    // Rebuilt from metrics rows (what a report sees), the same phases and markers appear.
    auto again = training::TrainingHistory::fromEpochs(h.epochs(), training::TrainingConfig{});
    QCOMPARE(static_cast<int>(again.phases().size()), 3);
    QCOMPARE(again.bestMarkers().size(), h.bestMarkers().size());
    QCOMPARE(again.earlyStopMarkers().size(), std::size_t(3));  // counter reached patience in each
}

void TrainingWizardTest::wizardWalksThroughAllPagesAndFinishes() {
    const QString dir = test::scratchDir(QStringLiteral("wizard"));
    test::isolateSettings(dir);
    const int shotEpochs = screenshotEpochs();
    const QString data = shotEpochs > 0 ? test::makeTinyDataSet(dir, 200, 16, 60, 160) : test::makeTinyDataSet(dir);
    const QString run = QDir(dir).filePath(QStringLiteral("run"));

    ui::TrainingWizard wizard;
    wizard.resize(1200, 860);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QCOMPARE(wizard.currentId(), int(ui::TrainingWizard::Data));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());

    QSignalSpy scanned(wizard.dataPage(), &ui::DataPage::scanned);
    wizard.dataPage()->setFolder(data);
    QVERIFY(scanned.wait(30000));
    QVERIFY(wizard.dataPage()->isComplete());
    screenshot(&wizard, QStringLiteral("wizard-1-data"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ui::TrainingWizard::Model));
    QVERIFY(wizard.plan().dataset.has_value());
    // Validation has 8 films (< 100): the automatic policy re-splits train by patient.
    QCOMPARE(QString::fromStdString(wizard.plan().dataset->policy), QStringLiteral("auto"));
    QVERIFY(!wizard.plan().dataset->reason.empty());
    QVERIFY(wizard.modelPage()->isComplete());  // from scratch, with a warning
    // The training population: a reversed age range keeps the page open.
    wizard.modelPage()->setPopulation(QStringLiteral("5-1"), QStringLiteral("children"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ui::TrainingWizard::Model));
    wizard.modelPage()->setPopulation(QStringLiteral("1-5"), QStringLiteral("children aged one to five"));
    screenshot(&wizard, QStringLiteral("wizard-2-model"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ui::TrainingWizard::Phases));

    auto config = test::tinyTrainingConfig(64);
    if (shotEpochs > 0) {
        // Evidence run: larger films and more epochs, so the charts and CAMs show something.
        config.imageSize = 128;
        config.workingSize = 144;
        for (auto& p : config.phases)
            p.epochs = shotEpochs;
    }
    wizard.phasesPage()->setConfig(config);
    wizard.phasesPage()->setOutputFolder(run);
    QVERIFY(wizard.phasesPage()->isComplete());
    screenshot(&wizard, QStringLiteral("wizard-3-phases"));

    StallMeter stalls;
    auto* train = wizard.trainPage();
    QSignalSpy succeeded(train, &ui::TrainPage::runSucceeded);
    bool shotTaken = false;
    // Mid-training evidence: the first epoch of phase 3 has finished, batches keep coming.
    connect(train->session(), &ui::TrainingSession::trainingEvent, &wizard, [&](const ui::TrainingEvent& event) {
        const auto* r = std::get_if<training::EpochResult>(&event);
        if (r && r->phase == 2 && r->epoch == 0 && !shotTaken && shotEpochs > 0) {
            shotTaken = true;
            QTimer::singleShot(1500, &wizard, [&] { screenshot(&wizard, QStringLiteral("wizard-4-train")); });
        }
    });
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ui::TrainingWizard::Train));
    QVERIFY(train->isRunning());
    QVERIFY(!wizard.button(QWizard::BackButton)->isVisible() || !wizard.button(QWizard::BackButton)->isEnabled());
    QVERIFY(succeeded.wait(shotEpochs > 0 ? 900000 : 240000));
    QTRY_VERIFY_WITH_TIMEOUT(!train->isRunning(), 10000);
    const double worst = stalls.worstGapMs(), busy = stalls.worstBusyMs();
    double load[3] = {0, 0, 0};
    getloadavg(load, 3);
    qInfo("GUI event loop during training: worst gap %.1f ms wall, of which %.1f ms CPU on the GUI thread "
          "(load average %.1f on %d cores)",
          worst, busy, load[0], QThread::idealThreadCount());

    // Chart series received points in all three phases.
    const auto& history = train->history();
    QCOMPARE(static_cast<int>(history.phases().size()), 3);
    QCOMPARE(train->charts()->phaseBandCount(), 3);
    QCOMPARE(train->charts()->pointCount(QStringLiteral("val loss")), config.totalEpochs());
    QCOMPARE(train->charts()->pointCount(QStringLiteral("learning rate")), 2 * config.totalEpochs());
    QVERIFY(train->charts()->pointCount(QStringLiteral("best")) >= 1);
    for (int phase = 0; phase < 3; ++phase) {
        const auto& span = history.phases()[static_cast<std::size_t>(phase)];
        int batchPoints = 0;
        for (const auto& b : history.batches())
            batchPoints += (b.x > span.start && b.x <= span.end) ? 1 : 0;
        QVERIFY2(batchPoints >= 1, qPrintable(QStringLiteral("no batch points in phase %1").arg(phase + 1)));
    }
    QVERIFY2(busy < 100.0, qPrintable(QStringLiteral("the GUI thread was busy %1 ms without returning to its event loop").arg(busy)));
    // On an idle machine the wall gap is the same figure; a loaded one adds scheduling waits.
    if (load[0] < QThread::idealThreadCount())
        QVERIFY2(worst < 100.0, qPrintable(QStringLiteral("the GUI thread stalled %1 ms").arg(worst)));
    if (!shotTaken)
        screenshot(&wizard, QStringLiteral("wizard-4-train"));

    // The population entered on the model page travels with the exported model.
    const Json model = readJsonFile(ui::toPath(QDir(run).filePath(QStringLiteral("model.json"))));
    QCOMPARE(QString::fromStdString(model.at("population").dump()),
             QStringLiteral(R"({"ageYears":{"max":5.0,"min":1.0},"description":"children aged one to five"})"));

    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QSignalSpy useModel(&wizard, &ui::TrainingWizard::useModel);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ui::TrainingWizard::Results));
    auto* view = wizard.resultsPage()->view();
    QVERIFY(view->results().report.has_value());
    const auto& report = *view->results().report;
    QCOMPARE(static_cast<std::size_t>(view->confusionMatrix()->matrix().total()), report.test.films);
    // Moving the threshold to 1.0 calls (nearly) every film NORMAL: the matrix follows live.
    view->thresholdPicker()->setThreshold(1.0);
    QCOMPARE(view->confusionMatrix()->matrix().predicted(1), std::int64_t(0));
    view->thresholdPicker()->setThreshold(report.threshold.threshold);
    QCOMPARE(view->confusionMatrix()->matrix().at(1, 1), report.test.confusion.at(1, 1));
    QTRY_VERIFY_WITH_TIMEOUT(!view->camExamples()->images().empty(), 60000);
    screenshot(&wizard, QStringLiteral("wizard-5-results"));
    if (auto* scroll = view->findChild<QScrollArea*>())
        screenshot(scroll->widget(), QStringLiteral("wizard-5-results-full"));

    const auto buttons = wizard.resultsPage()->findChildren<QPushButton*>();
    for (auto* b : buttons)
        if (b->text().contains(QStringLiteral("Use this model")))
            b->click();
    QCOMPARE(useModel.count(), 1);
    QCOMPARE(useModel.at(0).at(0).toString(), QDir::cleanPath(run));

    const QString pdf = QDir(dir).filePath(QStringLiteral("wizard-report.pdf"));
    QVERIFY(wizard.resultsPage()->exportReport(pdf));
    QVERIFY(QFileInfo(pdf).size() > 10000);
    wizard.accept();
}

void TrainingWizardTest::cancelMidPhaseKeepsBestCheckpointAndResumes() {
    const QString dir = test::scratchDir(QStringLiteral("cancel"));
    test::isolateSettings(dir);
    const QString data = test::makeTinyDataSet(dir);
    const QString run = QDir(dir).filePath(QStringLiteral("run"));

    ui::TrainingWizard wizard;
    wizard.show();
    QSignalSpy scanned(wizard.dataPage(), &ui::DataPage::scanned);
    wizard.dataPage()->setFolder(data);
    QVERIFY(scanned.wait(30000));
    wizard.next();
    wizard.next();
    auto config = test::tinyTrainingConfig(64);
    config.phases[1].epochs = 3;
    wizard.phasesPage()->setConfig(config);
    wizard.phasesPage()->setOutputFolder(run);
    auto* train = wizard.trainPage();
    // Cancel at the first batch of phase 2's second epoch: mid-phase, after a best checkpoint.
    const auto cancelAt = connect(train->session(), &ui::TrainingSession::trainingEvent, &wizard,
                                  [train](const ui::TrainingEvent& event) {
        const auto* b = std::get_if<training::BatchInfo>(&event);
        if (b && b->phase == 1 && b->epoch == 1)
            train->cancel();
    });
    QSignalSpy stopped(train, &ui::TrainPage::runStopped);
    wizard.next();
    QVERIFY(stopped.wait(240000));
    QCOMPARE(stopped.at(0).at(0).toBool(), true);  // cancelled, not failed
    QTRY_VERIFY_WITH_TIMEOUT(!train->isRunning(), 10000);

    const training::RunDirectory runDir(ui::toPath(run));
    const QString best = ui::toQString(runDir.bestCheckpoint(training::RunState::read(runDir.stateFile())));
    QVERIFY(QFileInfo::exists(best));
    QCOMPARE(test::checkpointTensorCount(best), 122);  // ResNet18: params + BN buffers
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    const int epochsBefore = train->history().epochsDone();
    QVERIFY(epochsBefore >= 2 && epochsBefore < config.totalEpochs());

    // Resume continues the same run to its end; the curves keep the epochs already drawn.
    disconnect(cancelAt);
    QSignalSpy succeeded(train, &ui::TrainPage::runSucceeded);
    const auto resumeButtons = train->findChildren<QPushButton*>();
    QPushButton* resume = nullptr;
    for (auto* b : resumeButtons)
        if (b->text() == QStringLiteral("Resume"))
            resume = b;
    QVERIFY(resume && resume->isEnabled());
    resume->click();
    QVERIFY(succeeded.wait(240000));
    QCOMPARE(train->history().epochsDone(), config.totalEpochs());
    QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 10000);
}

void TrainingWizardTest::reportRendersKeyFigures() {
    const QString dir = test::scratchDir(QStringLiteral("report"));
    const QString data = test::makeTinyDataSet(dir);
    const QString run = QDir(dir).filePath(QStringLiteral("run"));
    test::trainTinyRun(data, run);
    const auto results = workflows::RunResults::load(ui::toPath(run));
    QVERIFY(results.report.has_value());
    QVERIFY(results.weightsSha256.size() == 64);

    const QString pdf = QDir(dir).filePath(QStringLiteral("report.pdf"));
    ui::renderReport(results, ui::toPath(pdf));
    const QString text = test::pdfText(pdf);
    QVERIFY2(!text.isEmpty(), "pdftotext found no text");
    const auto& r = *results.report;
    QVERIFY(text.contains(QString::fromStdString(results.weightsSha256)));
    QVERIFY(text.contains(QStringLiteral("AUC %1").arg(r.test.roc.auc, 0, 'f', 3)));
    QVERIFY(text.contains(QString::number(r.threshold.threshold, 'f', 3)));
    QVERIFY(text.contains(QString::number(r.test.sensitivity, 'f', 3)));
    QVERIFY(text.contains(QString::number(r.test.specificity, 'f', 3)));
    QVERIFY(text.contains(QStringLiteral("not a medical device")));
    QVERIFY(text.contains(QStringLiteral("Phase 1")) || text.contains(QStringLiteral("P1")));
    QVERIFY(text.contains(QString::fromStdString(results.split.value("reason", std::string()))
                              .left(20)
                              .simplified()));
    // Each figure at its place, from the words' positions on the page: a key figure on its
    // label's line, right of it; each confusion-matrix count and row share in its cell, under
    // its predicted class and beside its true class (a swapped row, column or value fails).
    const auto words = test::pdfWords(pdf);
    QVERIFY2(words.size() > 100, "pdftotext -bbox found no words");
    const workflows::OperatingPoint op = results.at(results.chosenThreshold());
    const auto num = [](double v) { return QString::number(v, 'f', 3); };
    // Every occurrence of a phrase: consecutive words on one line, as (page, united box).
    const auto phrase = [&](const QString& text) {
        const QStringList parts = text.split(QLatin1Char(' '));
        QList<QPair<int, QRectF>> found;
        for (int i = 0; i + parts.size() <= words.size(); ++i) {
            QRectF box = words[i].box;
            bool match = true;
            for (int k = 0; k < parts.size() && match; ++k) {
                const auto& w = words[i + k];
                match = w.text == parts[k] && w.page == words[i].page &&
                        std::abs(w.box.center().y() - words[i].box.center().y()) < 2.0;
                box = box.united(w.box);
            }
            if (match)
                found.append({words[i].page, box});
        }
        return found;
    };
    const auto onLineRightOf = [&](const QString& label, const QString& value) {
        for (const auto& [page, box] : phrase(label))
            for (const auto& w : words)
                if (w.page == page && w.text == value && w.box.left() > box.right() &&
                    std::abs(w.box.center().y() - box.center().y()) < box.height() * 0.6)
                    return true;
        return false;
    };
    const QList<QPair<QString, QString>> figures{
        {QStringLiteral("Weights SHA-256"), QString::fromStdString(results.weightsSha256)},
        {QStringLiteral("Films"), QString::number(static_cast<qulonglong>(r.test.films))},
        {QStringLiteral("Accuracy"), num(op.testAccuracy)},
        {QStringLiteral("Sensitivity (PNEUMONIA)"), num(op.testSensitivity)},
        {QStringLiteral("Specificity"), num(op.testSpecificity)},
        {QStringLiteral("ROC AUC"), num(r.test.roc.auc)},
        {QStringLiteral("Operating threshold"), num(results.chosenThreshold())},
        {QStringLiteral("Temperature"), QString::number(r.calibration.temperature, 'f', 2)}};
    for (const auto& [label, value] : figures)
        QVERIFY2(onLineRightOf(label, value), qPrintable(label + QStringLiteral(" is not followed by ") + value));

    // The matrix: its "predicted" caption, the class names under it (columns) and beside the
    // grid (rows), then each cell's count and share.
    const QStringList classNames{QStringLiteral("NORMAL"), QStringLiteral("PNEUMONIA")};
    // The topmost word `name` on `page` inside `area`.
    const auto topmost = [&](int page, const QString& name, const QRectF& area) {
        std::optional<QRectF> best;
        for (const auto& w : words)
            if (w.page == page && w.text == name && area.contains(w.box.center()) &&
                (!best || w.box.top() < best->top()))
                best = w.box;
        return best;
    };
    int matrixPage = -1;
    QList<QRectF> columns, rows;
    for (const auto& [page, captionBox] : phrase(QStringLiteral("predicted"))) {
        // Column names: the first class names below the caption; row names: left of the first
        // column and below it.
        const QRectF below(0, captionBox.bottom(), 1e4, 250);
        const auto normal = topmost(page, classNames[0], below), pneumonia = topmost(page, classNames[1], below);
        if (!normal || !pneumonia || std::abs(normal->center().y() - pneumonia->center().y()) > 2)
            continue;
        const QRectF left(0, normal->bottom(), normal->left(), 250);
        const auto row0 = topmost(page, classNames[0], left), row1 = topmost(page, classNames[1], left);
        if (!row0 || !row1)
            continue;
        matrixPage = page;
        columns = {*normal, *pneumonia};
        rows = {*row0, *row1};
        break;
    }
    QVERIFY2(matrixPage >= 0, "no confusion matrix (caption, column and row names) found in the PDF");
    QVERIFY(columns[0].center().x() < columns[1].center().x());
    QVERIFY(rows[0].center().y() < rows[1].center().y());
    const qreal columnPitch = columns[1].center().x() - columns[0].center().x();
    const qreal rowPitch = rows[1].center().y() - rows[0].center().y();
    const auto inCell = [&](const QString& text, int truth, int called) {
        for (const auto& w : words)
            if (w.page == matrixPage && w.text == text &&
                std::abs(w.box.center().x() - columns[called].center().x()) < columnPitch / 2 &&
                std::abs(w.box.center().y() - rows[truth].center().y()) < rowPitch / 2)
                return true;
        return false;
    };
    for (int truth = 0; truth < 2; ++truth) {
        for (int called = 0; called < 2; ++called) {
            const auto count = op.test.at(truth, called);
            const auto support = op.test.support(truth);
            const QString share =
                QString::number(support > 0 ? 100.0 * double(count) / double(support) : 0.0, 'f', 1) + QLatin1Char('%');
            const QString where = QStringLiteral(" in cell (true %1, called %2)").arg(classNames[truth], classNames[called]);
            QVERIFY2(inCell(QString::number(count), truth, called), qPrintable(QString::number(count) + where));
            QVERIFY2(inCell(share, truth, called), qPrintable(share + where));
        }
    }

    // De-identified by default: no film names (Kermany names carry patient ids), no data path.
    QVERIFY(!text.contains(QStringLiteral("person")));
    QVERIFY(!text.contains(data));

    ui::ReportOptions withNames;
    withNames.includeIdentifiers = true;
    const QString named = QDir(dir).filePath(QStringLiteral("named.pdf"));
    ui::renderReport(results, ui::toPath(named), withNames);
    QVERIFY(test::pdfText(named).contains(QStringLiteral("person")));
    if (!qEnvironmentVariableIsEmpty("CXR_SCREENSHOT_DIR"))
        QFile::copy(pdf, QDir(qEnvironmentVariable("CXR_SCREENSHOT_DIR")).filePath(QStringLiteral("report.pdf")));
}

// The phases page shows and sets which best early stopping compares with and whether frozen
// BatchNorm statistics stay fixed; a fresh wizard offers the defaults.
void TrainingWizardTest::phasesPageOffersEarlyStoppingAndBatchNormSettings() {
    ui::TrainingWizard wizard;
    auto* page = wizard.phasesPage();
    QComboBox* stopOn = nullptr;
    for (auto* combo : page->findChildren<QComboBox*>())
        if (combo->findData(QStringLiteral("run")) >= 0 && combo->findData(QStringLiteral("phase")) >= 0)
            stopOn = combo;
    QCheckBox* freeze = nullptr;
    for (auto* box : page->findChildren<QCheckBox*>())
        if (box->text().contains(QStringLiteral("BatchNorm")))
            freeze = box;
    QVERIFY(stopOn && freeze);
    QCOMPARE(stopOn->currentData().toString(), QStringLiteral("phase"));
    QVERIFY(!freeze->isChecked());
    QCOMPARE(QString::fromStdString(page->config().earlyStopOn), QStringLiteral("phase"));
    QVERIFY(!page->config().freezeBatchNorm);

    stopOn->setCurrentIndex(stopOn->findData(QStringLiteral("run")));
    freeze->setChecked(true);
    QCOMPARE(QString::fromStdString(page->config().earlyStopOn), QStringLiteral("run"));
    QVERIFY(page->config().freezeBatchNorm);

    training::TrainingConfig given;
    given.earlyStopOn = "phase";
    given.freezeBatchNorm = false;
    page->setConfig(given);
    QCOMPARE(stopOn->currentData().toString(), QStringLiteral("phase"));
    QVERIFY(!freeze->isChecked());
}

// Curves rebuilt from metrics.csv (resumed runs, results, report) mark an early stop only where
// the trainer stopped early: patience reached on a phase's last epoch is a completed phase.
void TrainingWizardTest::historyFromMetricsMarksEarlyStopsLikeTheTrainer() {
    training::TrainingConfig config;
    config.phases.resize(2);
    config.phases[0].epochs = 3;
    config.phases[1].epochs = 4;
    std::vector<training::EpochResult> rows;
    const int counters[2][3] = {{0, 1, 2}, {0, 1, 2}};
    for (int p = 0; p < 2; ++p)
        for (int e = 0; e < 3; ++e) {
            training::EpochResult r;
            r.phase = p;
            r.epoch = e;
            r.patience = 2;
            r.earlyStopCounter = counters[p][e];
            r.valLoss = 1.0;
            rows.push_back(r);
        }
    const auto history = training::TrainingHistory::fromEpochs(rows, config);
    QCOMPARE(history.earlyStopMarkers().size(), std::size_t(1));
    QCOMPARE(history.earlyStopMarkers().front().phase, 1);
}

// The report is rendered beside the target and renamed over it: a render that fails part-way
// (here: the disk refuses writes past a few kilobytes) throws and leaves the good report as it was.
void TrainingWizardTest::failedReportRenderKeepsThePreviousReport() {
    const QString dir = test::scratchDir(QStringLiteral("report-fail"));
    const auto run = ui::toPath(QDir(dir).filePath(QStringLiteral("run")));
    std::filesystem::create_directories(run);
    writeJsonFile(run / "config.json", Json{{"training", training::TrainingConfig{}.toJson()}});
    const auto results = workflows::RunResults::load(run);
    const auto pdf = ui::toPath(QDir(dir).filePath(QStringLiteral("report.pdf")));
    ui::renderReport(results, pdf);
    const auto good = readFileBytes(pdf);
    QVERIFY(good.size() > 8192);

    // RLIMIT_FSIZE with SIGXFSZ ignored: writes past the limit fail with EFBIG, as on a full disk.
    rlimit saved{};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto oldHandler = signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved;
    small.rlim_cur = 4096;
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
    bool threw = false;
    QString message;
    try {
        ui::renderReport(results, pdf);
    } catch (const Error& e) {
        threw = true;
        message = QString::fromUtf8(e.what());
    }
    setrlimit(RLIMIT_FSIZE, &saved);
    signal(SIGXFSZ, oldHandler);
    QVERIFY2(threw, "a report that could not be written completely was reported as written");
    QVERIFY2(message.contains(QStringLiteral("report.pdf")), qPrintable(message));
    QVERIFY2(readFileBytes(pdf) == good, "the failed render replaced the previous report");
    QCOMPARE(QDir(dir).entryList(QDir::Files).size(), 1);  // no temporary file left beside it
}

// Youden's threshold is a validation film's own probability, so a film sits exactly on it. The
// predictions file, workflows::RunResults (the results view's matrix and example films) and the threshold
// picker must all keep that film positive, as the run's evaluation did. Its probability,
// 0.5746..., also shows the picker's 3-decimal spin box rounding up past it.
void TrainingWizardTest::filmAtTheThresholdIsCalledAlikeInFileResultsAndPicker() {
    const QString dir = test::scratchDir(QStringLiteral("at-threshold"));
    evaluation::Predictions val, test;
    val.labels = {0, 0, 0, 1, 1, 1};
    val.paths = {"n1", "n2", "n3", "p1", "p2", "p3"};
    for (double d : {-2.0, -1.0, 0.25, 0.3007, 1.0, 2.0})
        val.logits.push_back({0.0, d});
    test = val;
    const std::vector<std::string> classes{"NORMAL", "PNEUMONIA"};
    evaluation::EvaluateOptions options;
    options.fitTemperature = false;
    options.bootstrapResamples = 0;
    const auto report = evaluation::evaluate(val, test, "youden", classes, options);
    const double p = evaluation::positiveProbability(0.0, 0.3007);
    QCOMPARE(report.threshold.threshold, p);
    QCOMPARE(report.test.confusion.at(1, 1), std::int64_t(3));  // the film on the threshold is a TP

    // Through the predictions file, as the results view and the report read it.
    const auto file = ui::toPath(QDir(dir).filePath(QStringLiteral("predictions.csv")));
    workflows::writePredictionFile(file, val, test);
    const auto back = workflows::readPredictionFile(file);
    QVERIFY(back.validation && back.test);
    QCOMPARE(evaluation::positiveProbabilities(*back.test)[3], p);
    workflows::RunResults results;
    results.validation = back.validation;
    results.test = back.test;
    results.report = evaluation::evaluate(*back.validation, *back.test, "youden", classes, options);
    QCOMPARE(results.chosenThreshold(), p);

    ui::ThresholdPicker picker;
    picker.setChosen(results.chosenThreshold(), QStringLiteral("youden"));
    QCOMPARE(picker.threshold(), p);  // not the 0.575 its spin box shows
    const auto op = results.at(picker.threshold());
    QCOMPARE(op.test.at(1, 1), report.test.confusion.at(1, 1));
    QCOMPARE(op.test.at(1, 0), report.test.confusion.at(1, 0));
    QCOMPARE(op.testSensitivity, 1.0);
    bool found = false;
    for (const auto& f : results.examples(picker.threshold(), 10)) {
        if (f.path == "p1") {
            found = true;
            QCOMPARE(f.probability, p);
            QCOMPARE(f.predicted, 1);
            QCOMPARE(QString::fromStdString(f.outcome), QStringLiteral("true positive"));
        }
    }
    QVERIFY(found);
    // Moving the picker off the film and back to the chosen threshold restores the call.
    picker.setThreshold(0.6);
    QCOMPARE(results.at(picker.threshold()).test.at(1, 1), std::int64_t(2));
    picker.setThreshold(p);
    QCOMPARE(results.at(picker.threshold()).test.at(1, 1), std::int64_t(3));
}

QTEST_MAIN(TrainingWizardTest)
#include "training_wizard_test.moc"
