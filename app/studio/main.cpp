// cxr-studio: the review application. Thin: application identity, the interface language
// (AppSettings' choice or the system locale; see common/language.h), logging,
// command line, then the main window. Start-up never waits for LibTorch: the last model loads
// in the background after the window is up.
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include "core/common/allocator_settings.h"
#include "core/common/logging.h"
#include "ui/common/app_settings.h"
#include "ui/common/icons.h"
#include "ui/common/language.h"
#include "ui/main/main_window.h"
#include "ui/training/training_launcher.h"

int main(int argc, char** argv) {
    // Before any thread allocates: tensor-sized blocks stay in the heap between steps.
    cxr::keepFreedMemoryForReuse();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CXR Studio"));
    QApplication::setApplicationName(QStringLiteral("cxr-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("CXR Studio"));
    QApplication::setApplicationVersion(QStringLiteral(CXR_VERSION));
    // Before the command line, so --help speaks the chosen language too. An unknown stored
    // language is logged and replaced by the system's.
    cxr::ui::installTranslations(app, cxr::ui::AppSettings().language());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Chest X-ray pneumonia review. Research and teaching only, not for diagnostic use."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption model(QStringList{QStringLiteral("m"), QStringLiteral("model")},
                                   QApplication::translate("main", "Load this model (run folder or .pth) instead of the last one."),
                                   QStringLiteral("path"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"),
                                      QApplication::translate("main", "trace, debug, info, warn, error or off."),
                                      QStringLiteral("level"), QStringLiteral("info"));
    const QCommandLineOption exitWhenReady(QStringLiteral("exit-when-ready"),
                                           QApplication::translate("main", "Quit once the window is up (start-up timing)."));
    parser.addOptions({model, logLevel, exitWhenReady});
    parser.addPositionalArgument(QStringLiteral("films"), QApplication::translate("main", "Films or folders to open."),
                                 QStringLiteral("[films...]"));
    parser.process(app);

    cxr::setupLogging(parser.value(logLevel).toStdString());
    cxr::ui::initResources();
    QApplication::setWindowIcon(cxr::ui::icon(QStringLiteral("cxr-studio")));

    cxr::ui::installTrainingWizard();  // "Train model…" opens the training wizard
    cxr::ui::MainWindow window;
    window.show();
    if (parser.isSet(exitWhenReady)) {
        // Runs after the first pass of the event loop has shown and painted the window.
        QTimer::singleShot(0, &app, &QApplication::quit);
        return QApplication::exec();
    }
    if (parser.isSet(model)) {
        window.loadModel(parser.value(model));
    } else {
        window.restoreLastModel();
    }
    window.openPaths(parser.positionalArguments());
    return QApplication::exec();
}
