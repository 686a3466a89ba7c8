// The GUI's PACS node end to end, offscreen, against a real Orthanc each test starts for itself
// (tests/pacs/orthanc_fixture.sh): the node list with Verify in Settings, the query dialog's
// study and series tables, a retrieve that fills the triage list and is diagnosed, and the
// listener toggle receiving films pushed with DCMTK's storescu.
#include <QAction>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QProcess>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

#include "core/imaging/film_writer.h"
#include "pacs/test_pacs_env.h"
#include "support/patient_film.h"
#include "ui/common/app_settings.h"
#include "ui/common/qt_convert.h"
#include "ui/diagnosis/review_controller.h"
#include "ui/diagnosis/review_list_model.h"
#include "ui/main/main_actions.h"
#include "ui/main/main_window.h"
#include "ui/main/settings_dialog.h"
#include "ui/pacs/pacs_query_dialog.h"
#include "ui/pacs/pacs_transfers.h"
#include "ui/pacs/server_list_editor.h"
#include "ui/pacs/transfer_bar.h"
#include "ui_test_support.h"

using namespace cxr;
using ui::PacsServer;

class PacsUiTest : public QObject {
    Q_OBJECT

    QString m_dir;
    QString m_orthanc;
    test::TestPacs m_pacs;

    PacsServer server() const {
        PacsServer s;
        s.name = QStringLiteral("Test PACS");
        s.aeTitle = QString::fromStdString(m_pacs.node.aeTitle);
        s.host = QStringLiteral("127.0.0.1");
        s.port = m_pacs.node.port;
        s.connectTimeoutSeconds = 3;
        return s;
    }

    // A patient's study of `films` small DICOM films in Orthanc; returns the study UID.
    QString uploadStudy(const QString& patientId, int films, int width = 192, int height = 224) {
        const std::string study = "1.2.826.0.1.3680043.10.1234." + std::to_string(QDateTime::currentMSecsSinceEpoch()) +
                                  "." + std::to_string(films);
        for (int i = 0; i < films; ++i) {
            const imaging::Film film = test::makeFilm(width, height, width / 4 + (i % 8) * width / 16, height / 2, width / 8, true);
            auto patient = test::identifiedPatient("Gui^Tester", patientId.toStdString());
            patient.studyInstanceUid = study;
            patient.seriesInstanceUid = study + ".1";  // one series of `films` images
            patient.studyDate = "20240315";
            imaging::DicomImage image = test::patientFilm(width, height, {film.pixels.begin(), film.pixels.end()}, patient);
            const QString path = m_dir + QStringLiteral("/upload-%1-%2.dcm").arg(patientId).arg(i);
            imaging::writeDicom(ui::toPath(path), image, imaging::DicomSyntax::ExplicitLittle);
            test::uploadToOrthanc(m_pacs, ui::toPath(path));
        }
        return QString::fromStdString(study);
    }

private Q_SLOTS:
    void init() {
        m_dir = test::scratchDir(QString::fromLatin1(QTest::currentTestFunction()));
        test::isolateSettings(m_dir);
        m_orthanc = m_dir + QStringLiteral("/orthanc");
        QProcess start;
        start.start(QStringLiteral("bash"), {QStringLiteral(CXR_SOURCE_DIR "/tests/pacs/orthanc_fixture.sh"),
                                             QStringLiteral("start"), m_orthanc, QStringLiteral(CXR_TEST_PYTHON)});
        QVERIFY(start.waitForFinished(60000));
        QVERIFY2(start.exitCode() == 0, start.readAllStandardError().constData());
        qputenv("CXR_TEST_ORTHANC_ENV", (m_orthanc + QStringLiteral("/orthanc.env")).toUtf8());
        m_pacs = test::testPacs();
    }

    void cleanup() {
        QProcess::execute(QStringLiteral("bash"), {QStringLiteral(CXR_SOURCE_DIR "/tests/pacs/orthanc_fixture.sh"),
                                                   QStringLiteral("stop"), m_orthanc});
    }

    void settingsKeepNodesAndVerifySaysWhatHappened() {
        ui::SettingsDialog dialog;
        ui::ServerListEditor* list = dialog.serverList();
        PacsServer wrong = server();
        wrong.name = QStringLiteral("Wrong title");
        wrong.aeTitle = QStringLiteral("NOTTHEPACS");
        PacsServer nobody = server();
        nobody.name = QStringLiteral("Nobody");
        nobody.port = test::closedPort();
        nobody.connectTimeoutSeconds = 2;
        list->setServers({server(), wrong, nobody});
        QSignalSpy verified(list, &ui::ServerListEditor::verified);

        list->verifyServerNow();  // the first is selected
        QVERIFY(verified.wait(15000));
        QCOMPARE(verified.last().at(0).toBool(), true);
        QVERIFY2(list->verifyText().contains(QStringLiteral("Connected")), qPrintable(list->verifyText()));

        list->findChild<QListWidget*>(QStringLiteral("pacsServers"))->setCurrentRow(1);
        list->verifyServerNow();
        QVERIFY(verified.wait(15000));
        QCOMPARE(verified.last().at(0).toBool(), false);
        QVERIFY2(list->verifyText().contains(QStringLiteral("rejected")), qPrintable(list->verifyText()));

        list->findChild<QListWidget*>(QStringLiteral("pacsServers"))->setCurrentRow(2);
        QElapsedTimer clock;
        clock.start();
        list->verifyServerNow();
        QVERIFY(verified.wait(15000));
        QCOMPARE(verified.last().at(0).toBool(), false);
        QVERIFY2(list->verifyText().contains(QStringLiteral("No answer")), qPrintable(list->verifyText()));
        QVERIFY(clock.elapsed() < 8000);

        dialog.save();
        const QList<PacsServer> stored = ui::AppSettings().pacsServers();
        QCOMPARE(stored.size(), 3);
        QCOMPARE(stored[1].aeTitle, QStringLiteral("NOTTHEPACS"));
        QCOMPARE(stored[2].port, nobody.port);
        QCOMPARE(stored[0].callingAeTitle, QStringLiteral("CXRSTUDIO"));
    }

    void queryDialogFindsStudiesAndSeries() {
        const QString study = uploadStudy(QStringLiteral("GUIQ-1"), 2);
        uploadStudy(QStringLiteral("GUIQ-2"), 1);
        ui::PacsQueryDialog dialog({server()});
        dialog.show();
        QSignalSpy finished(&dialog, &ui::PacsQueryDialog::searchFinished);
        dialog.setFilterText(QString(), QStringLiteral("GUIQ-*"), QStringLiteral("20240101-20241231"),
                             QStringLiteral("DX,CR"), QString());
        dialog.search();
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.last().at(0).toInt(), 2);
        auto* studies = dialog.findChild<QTableView*>(QStringLiteral("studies"));
        QCOMPARE(studies->model()->rowCount(), 2);
        // The list sorts by any column: by patient ID ascending, GUIQ-1 first.
        studies->sortByColumn(1, Qt::AscendingOrder);
        QCOMPARE(studies->model()->index(0, 1).data().toString(), QStringLiteral("GUIQ-1"));
        QCOMPARE(studies->model()->index(0, 0).data().toString(), QStringLiteral("Gui Tester"));
        studies->selectRow(0);
        auto* series = dialog.findChild<QTableView*>(QStringLiteral("series"));
        QVERIFY2(QTest::qWaitFor([&] { return series->model()->rowCount() == 1 && !dialog.isSearching(); }, 15000),
                 qPrintable(dialog.findChild<QLabel*>(QStringLiteral("queryStatus"))->text() +
                            QStringLiteral(" / series rows: %1").arg(series->model()->rowCount())));
        QCOMPARE(dialog.selection().size(), 1);
        QCOMPARE(QString::fromStdString(dialog.selection().first().studyInstanceUid), study);

        // Nothing matches: said, not an error.
        dialog.setFilterText(QString(), QStringLiteral("NOBODY-HERE"), QString(), QString(), QString());
        dialog.search();
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.last().at(0).toInt(), 0);
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("queryStatus"))->text().contains(QStringLiteral("No matching")));
    }

    void retrieveFillsTheTriageListAndDiagnoses() {
        const QString study = uploadStudy(QStringLiteral("GUIR-1"), 3);
        ui::MainWindow window;
        window.show();
        window.loadModel(test::exportRandomModel(m_dir + QStringLiteral("/model")));
        QVERIFY(QTest::qWaitFor([&] { return window.isModelLoaded(); }, 60000));
        QSignalSpy done(window.transfers(), &ui::PacsTransfers::retrieveFinished);
        QVERIFY(window.transfers()->retrieve(server(), {{study.toStdString(), {}, 3}}, m_dir + QStringLiteral("/retrieved")));
        QVERIFY(done.wait(60000));
        QVERIFY2(done.last().at(0).toBool(), qPrintable(done.last().at(1).toString()));
        QCOMPARE(window.reviewModel()->rowCount(), 3);
        auto* bar = window.findChild<ui::TransferBar*>(QStringLiteral("transferBar"));
        QVERIFY2(bar->retrieveText().contains(QStringLiteral("3")), qPrintable(bar->retrieveText()));
        // The triage list diagnoses what arrived: every film gets a call with probabilities.
        const bool diagnosed = QTest::qWaitFor(
            [&] { return window.reviewModel()->countWith(ui::ReviewItem::Status::Done) == 3; }, 60000);
        for (int row = 0; row < window.reviewModel()->rowCount() && !diagnosed; ++row)
            qWarning("row %d: status %d, %s", row, static_cast<int>(window.reviewModel()->item(row).status),
                     qPrintable(window.reviewModel()->item(row).error));
        QVERIFY(diagnosed);
        for (int row = 0; row < 3; ++row) {
            const ui::ReviewItem& item = window.reviewModel()->item(row);
            QVERIFY2(item.hasResult(), qPrintable(item.path + QStringLiteral(": ") + item.error));
            QVERIFY(item.path.startsWith(m_dir + QStringLiteral("/retrieved/") + study));
            QVERIFY(item.positiveProbability() >= 0 && item.positiveProbability() <= 1);
        }
        // One file per SOP instance, nothing half-written.
        const QDir folder(m_dir + QStringLiteral("/retrieved/") + study);
        QCOMPARE(folder.entryList(QDir::Files).size(), 3);
        QCOMPARE(folder.entryList({QStringLiteral("*.tmp*"), QStringLiteral(".*")}, QDir::Files | QDir::Hidden).size(), 0);
    }

    // Cancel from the status bar after the first film: what arrived stays in the list and on
    // disk, whole; the summary says it was cancelled.
    void cancelHalfWayKeepsWhatArrived() {
        // Large enough films that the transfer outlasts the click (2 MB each).
        const QString study = uploadStudy(QStringLiteral("GUIC-1"), 24, 1024, 1024);
        ui::MainWindow window;
        window.show();
        auto* bar = window.findChild<ui::TransferBar*>(QStringLiteral("transferBar"));
        QSignalSpy progress(window.transfers(), &ui::PacsTransfers::retrieveProgress);
        QSignalSpy done(window.transfers(), &ui::PacsTransfers::retrieveFinished);
        QVERIFY(window.transfers()->retrieve(server(), {{study.toStdString(), {}, 24}}, m_dir + QStringLiteral("/part")));
        QVERIFY(progress.wait(30000));
        QVERIFY2(bar->retrieveText().contains(QStringLiteral("ETA")), qPrintable(bar->retrieveText()));
        Q_EMIT bar->cancelRequested();  // what its Cancel button sends
        QVERIFY(done.wait(60000));
        QCOMPARE(done.last().at(0).toBool(), false);
        QVERIFY2(done.last().at(1).toString().contains(QStringLiteral("cancelled")), qPrintable(done.last().at(1).toString()));
        const QDir folder(m_dir + QStringLiteral("/part/") + study);
        const int kept = static_cast<int>(folder.entryList(QDir::Files).size());
        QVERIFY2(kept >= 1 && kept < 24, qPrintable(QString::number(kept)));
        QCOMPARE(folder.entryList(QDir::Files | QDir::Hidden).size(), kept);  // no temporary files
        QCOMPARE(window.reviewModel()->rowCount(), kept);
    }

    // A PACS that only moves: the films come to our own Storage SCP on the server's C-MOVE port
    // (the test Orthanc knows CXRSTUDIO there) and reach the triage list the same way.
    void retrieveByMoveReachesTheTriageListToo() {
        const QString study = uploadStudy(QStringLiteral("GUIM-1"), 2);
        ui::MainWindow window;
        window.show();
        PacsServer moves = server();
        moves.retrieveMethod = QStringLiteral("move");
        moves.movePort = m_pacs.movePort;
        moves.callingAeTitle = QString::fromStdString(m_pacs.moveAeTitle);
        QSignalSpy done(window.transfers(), &ui::PacsTransfers::retrieveFinished);
        QVERIFY(window.transfers()->retrieve(moves, {{study.toStdString(), {}, 2}}, m_dir + QStringLiteral("/moved")));
        QVERIFY(done.wait(60000));
        QVERIFY2(done.last().at(0).toBool(), qPrintable(done.last().at(1).toString()));
        QCOMPARE(window.reviewModel()->rowCount(), 2);
        QCOMPARE(QDir(m_dir + QStringLiteral("/moved/") + study).entryList(QDir::Files).size(), 2);
    }

    // A server set to send results back: each retrieved film's TID 1500 report and overlay land
    // in its own study on the PACS, read back through Orthanc's REST API.
    void retrieveFromAServerThatWantsResultsSendsThemBack() {
        const QString study = uploadStudy(QStringLiteral("GUIS-1"), 1);
        ui::MainWindow window;
        window.show();
        window.loadModel(test::exportRandomModel(m_dir + QStringLiteral("/model")));
        QVERIFY(QTest::qWaitFor([&] { return window.isModelLoaded(); }, 60000));
        PacsServer wantsResults = server();
        wantsResults.sendResults = true;
        QSignalSpy sent(window.transfers(), &ui::PacsTransfers::resultsSent);
        QVERIFY(window.transfers()->retrieve(wantsResults, {{study.toStdString(), {}, 1}}, m_dir + QStringLiteral("/retrieved")));
        QVERIFY(sent.wait(60000));
        QVERIFY2(sent.last().at(1).toBool(), qPrintable(sent.last().at(2).toString()));
        const auto found = test::httpRequest(m_pacs.httpPort, "POST", "/tools/find",
                                             R"({"Level":"Study","Expand":true,"Query":{"StudyInstanceUID":")" +
                                                 study.toStdString() + R"("}})");
        QCOMPARE(found.status, 200);
        const QJsonArray studies = QJsonDocument::fromJson(QByteArray::fromStdString(found.body)).array();
        QCOMPARE(studies.size(), 1);
        const std::string id = studies[0].toObject()[QStringLiteral("ID")].toString().toStdString();
        const auto series = test::httpRequest(m_pacs.httpPort, "GET", "/studies/" + id + "/series");
        QStringList modalities;
        for (const QJsonValue& v : QJsonDocument::fromJson(QByteArray::fromStdString(series.body)).array())
            modalities << v.toObject()[QStringLiteral("MainDicomTags")].toObject()[QStringLiteral("Modality")].toString();
        modalities.sort();
        QCOMPARE(modalities, (QStringList{QStringLiteral("DX"), QStringLiteral("OT"), QStringLiteral("SR")}));
    }

    void listenerToggleReceivesPushedFilms() {
        ui::ListenerPreferences prefs;
        prefs.port = test::closedPort();
        prefs.aeTitle = QStringLiteral("CXRGUI");
        prefs.folder = m_dir + QStringLiteral("/received");
        ui::AppSettings().setListener(prefs);
        ui::MainWindow window;
        window.show();
        window.actions()->listen->trigger();
        QVERIFY(window.transfers()->isListening());
        auto* indicator = window.findChild<QLabel*>(QStringLiteral("listenerIndicator"));
        QVERIFY2(indicator->text().contains(QStringLiteral("CXRGUI")), qPrintable(indicator->text()));
        QVERIFY(ui::AppSettings().listener().enabled);

        QStringList files;
        for (int i = 0; i < 2; ++i) files << test::writeDicomFilm(m_dir, QStringLiteral("push%1.dcm").arg(i), 128, 160);
        QProcess push;
        push.start(QStringLiteral("storescu"), QStringList{QStringLiteral("-aec"), QStringLiteral("CXRGUI"),
                                                           QStringLiteral("127.0.0.1"), QString::number(prefs.port)}
                                                   << files);
        QVERIFY(push.waitForFinished(30000));
        QCOMPARE(push.exitCode(), 0);
        QVERIFY(QTest::qWaitFor([&] { return window.reviewModel()->rowCount() == 2; }, 15000));
        QVERIFY(window.reviewModel()->item(0).path.startsWith(prefs.folder));
        QVERIFY2(indicator->text().contains(QStringLiteral("2")), qPrintable(indicator->text()));
        QCOMPARE(QDir(prefs.folder).entryList(QDir::Files).size(), 2);

        window.actions()->listen->trigger();
        QVERIFY(!window.transfers()->isListening());
        QVERIFY(!indicator->isVisible());
        QVERIFY(!ui::AppSettings().listener().enabled);
    }

    void aPortInUseIsSaidAndTheToggleStaysOff() {
        ui::PacsTransfers first;
        ui::ListenerPreferences prefs;
        prefs.port = test::closedPort();
        prefs.folder = m_dir + QStringLiteral("/received");
        QVERIFY(first.startListener(prefs, prefs.folder));
        ui::AppSettings().setListener(prefs);
        ui::MainWindow window;
        window.show();
        window.actions()->listen->trigger();
        QVERIFY(!window.transfers()->isListening());
        QVERIFY(!window.actions()->listen->isChecked());
    }
};

QTEST_MAIN(PacsUiTest)
#include "pacs_ui_test.moc"
