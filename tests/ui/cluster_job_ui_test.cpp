// "Export cluster job…" in the GUI (ui/training/cluster_job_dialog, offscreen): the results page
// opens the dialog on its run, the preview is core's batch script for the fields, a bad field
// says why and holds Export back, Export writes the three files and refuses to replace them
// unasked. With CXR_SCREENSHOT_DIR set, the dialog is also saved there as cluster-job.png.
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QtTest>

#include "core/common/atomic_file.h"
#include "core/common/json_io.h"
#include "core/training/training_config.h"
#include "core/workflows/cluster_job.h"
#include "ui/common/error_reporter.h"
#include "ui/common/qt_convert.h"
#include "ui/results/results_page.h"
#include "ui/training/cluster_job_dialog.h"
#include "ui/training/phases_page.h"
#include "ui/training/wizard_plan.h"
#include "ui_test_support.h"

using namespace cxr::ui;

class ClusterJobUiTest : public QObject {
    Q_OBJECT

    QString m_dir;
    QString m_run;

private Q_SLOTS:
    void initTestCase() {
        m_dir = cxr::test::scratchDir(QStringLiteral("cluster-job-ui"));
        cxr::test::isolateSettings(m_dir + QStringLiteral("/settings"));
        // A run folder as training leaves it, as far as the export reads it: its config.json.
        m_run = m_dir + QStringLiteral("/runs/pneumonia 1");
        QDir().mkpath(m_run);
        cxr::training::TrainingConfig config;
        config.batchSize = 24;
        cxr::writeJsonFile(toPath(m_run) / "config.json",
                           cxr::Json{{"training", config.toJson()},
                                     {"dataDir", "/data/chest_xray"},
                                     {"imagenetWeights", "/home/me/resnet18.pth"}});
    }

    void cleanupTestCase() { QDir(m_dir).removeRecursively(); }

    void resultsPageOpensTheDialogOnItsRun() {
        ResultsPage page;
        page.setRunDirectory(toPath(m_run));
        QVERIFY(page.clusterJobButton()->isEnabled());
        page.clusterJobButton()->click();
        auto* dialog = page.findChild<ClusterJobDialog*>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->dataEdit()->text(), QStringLiteral("/data/chest_xray"));
        QCOMPARE(dialog->runEdit()->text(), m_dir + QStringLiteral("/runs/pneumonia 1-cluster"));
        QCOMPARE(dialog->weightsEdit()->text(), QStringLiteral("/home/me/resnet18.pth"));
        QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
        dialog->close();
    }

    void previewFollowsTheFieldsAndExportWritesTheFiles() {
        ClusterJobDialog dialog;
        QVERIFY(dialog.setRunDirectory(toPath(m_run)));
        dialog.resize(1340, 640);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // The defaults: one node, eight GPUs, CUDA, twelve hours.
        QCOMPARE(dialog.nodesBox()->value(), 1);
        QCOMPARE(dialog.procsBox()->value(), 8);
        QCOMPARE(dialog.deviceBox()->currentData().toString(), QStringLiteral("cuda"));
        QCOMPARE(dialog.timeEdit()->text(), QStringLiteral("12:00:00"));

        dialog.nodesBox()->setValue(2);
        dialog.procsBox()->setValue(4);
        dialog.partitionEdit()->setText(QStringLiteral("gpu"));
        dialog.accountEdit()->setText(QStringLiteral("radiology"));
        dialog.timeEdit()->setText(QStringLiteral("1-06:00:00"));
        dialog.runEdit()->setText(QStringLiteral("/scratch/runs/pneumonia 1"));
        dialog.weightsEdit()->setText(QStringLiteral("/shared/weights/resnet18-f37072fd.pth"));
        // The preview is core's script for these fields, character for character.
        QCOMPARE(dialog.previewText(), toQString(cxr::workflows::renderSlurmScript(dialog.job())));
        for (const char* line : {"#SBATCH --nodes=2", "#SBATCH --gpus-per-node=4", "#SBATCH --partition=gpu",
                                 "#SBATCH --account=radiology", "#SBATCH --time=1-06:00:00",
                                 "RUN='/scratch/runs/pneumonia 1'",
                                 "    TRAIN=(--config \"$CONFIG\" --weights '/shared/weights/resnet18-f37072fd.pth')"})
            QVERIFY2(dialog.previewText().contains(QLatin1String(line)), line);
        if (const QByteArray shots = qgetenv("CXR_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(dialog.grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/cluster-job.png")));

        // CPU: processes instead of GPUs, no GPU line.
        dialog.deviceBox()->setCurrentIndex(dialog.deviceBox()->findData(QStringLiteral("cpu")));
        QVERIFY(!dialog.previewText().contains(QLatin1String("--gpus-per-node")));
        QVERIFY(dialog.previewText().contains(QLatin1String("--dist-backend gloo")));

        // A bad time limit: the reason, no script, Export held back; fixed, all is back.
        dialog.timeEdit()->setText(QStringLiteral("12 hours"));
        QVERIFY(dialog.problem().contains(QLatin1String("time limit must be HH:MM:SS or D-HH:MM:SS")));
        QVERIFY(dialog.previewText().isEmpty());
        QVERIFY(!dialog.exportButton()->isEnabled());
        dialog.timeEdit()->setText(QStringLiteral("02:00:00"));
        QVERIFY(dialog.problem().isEmpty());
        QVERIFY(dialog.exportButton()->isEnabled());

        const QString out = m_dir + QStringLiteral("/job out");
        QVERIFY(dialog.exportTo(out));
        for (const char* f : {"config.json", "torchrun.sh", "cxr-train.sbatch"})
            QVERIFY2(QFile::exists(out + QLatin1Char('/') + QLatin1String(f)), f);
        QCOMPARE(toQString(cxr::readFileText(toPath(out) / "cxr-train.sbatch")), dialog.previewText());
        QVERIFY(QFileInfo(out + QStringLiteral("/torchrun.sh")).isExecutable());
        const auto config = cxr::training::TrainingConfig::fromJson(cxr::readJsonFile(toPath(out) / "config.json"));
        QCOMPARE(config.batchSize, 24);
        QCOMPARE(QString::fromStdString(config.device), QStringLiteral("cpu"));
        QVERIFY(dialog.statusText().contains(QLatin1String("sbatch cxr-train.sbatch")));

        // Again into the same folder: refused by the reporter, naming the file; asked, replaced.
        dialog.nodesBox()->setValue(3);
        QVERIFY(!dialog.exportTo(out));
        QVERIFY(ErrorReporter::lastMessage().contains(QLatin1String("config.json")));
        QVERIFY(ErrorReporter::lastMessage().contains(QLatin1String("already exists")));
        QVERIFY(toQString(cxr::readFileText(toPath(out) / "cxr-train.sbatch")).contains(QLatin1String("--nodes=2")));
        QVERIFY(dialog.exportTo(out, /*overwrite=*/true));
        QVERIFY(toQString(cxr::readFileText(toPath(out) / "cxr-train.sbatch")).contains(QLatin1String("--nodes=3")));
    }

    // Before training: the phases page offers the plan as it stands.
    void phasesPageExportsThePlannedConfig() {
        WizardPlan plan;
        plan.request.dataDir = "/data/kermany";
        plan.request.weights = std::filesystem::path("/w/resnet18.pth");
        PhasesPage page(&plan);
        page.setOutputFolder(QStringLiteral("/runs/planned"));
        cxr::training::TrainingConfig planned;
        planned.batchSize = 40;
        page.setConfig(planned);
        QPushButton* button = nullptr;
        for (auto* b : page.findChildren<QPushButton*>())
            if (b->text().startsWith(QStringLiteral("Export cluster job")))
                button = b;
        QVERIFY(button);
        button->click();
        auto* dialog = page.findChild<ClusterJobDialog*>();
        QVERIFY(dialog);
        QCOMPARE(dialog->dataEdit()->text(), QStringLiteral("/data/kermany"));
        QCOMPARE(dialog->runEdit()->text(), QStringLiteral("/runs/planned"));
        QCOMPARE(dialog->weightsEdit()->text(), QStringLiteral("/w/resnet18.pth"));
        QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
        const QString out = m_dir + QStringLiteral("/planned job");
        QVERIFY(dialog->exportTo(out));
        QCOMPARE(cxr::training::TrainingConfig::fromJson(cxr::readJsonFile(toPath(out) / "config.json")).batchSize, 40);
        dialog->close();
    }

    void unreadableRunIsReported() {
        ClusterJobDialog dialog;
        QVERIFY(!dialog.setRunDirectory(toPath(m_dir + QStringLiteral("/no such run"))));
        QVERIFY(ErrorReporter::lastMessage().contains(QLatin1String("config.json")));
        QVERIFY(!dialog.exportButton()->isEnabled());
        QVERIFY(dialog.problem().contains(QLatin1String("No training config")));
    }
};

QTEST_MAIN(ClusterJobUiTest)
#include "cluster_job_ui_test.moc"
