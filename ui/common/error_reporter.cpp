#include "ui/common/error_reporter.h"

#include <atomic>
#include <mutex>

#include <QCoreApplication>
#include <QMessageBox>
#include <QWidget>

#include "core/common/error.h"
#include "core/common/logging.h"

namespace cxr::ui {
namespace {

std::atomic<bool> g_interactive{true};
std::mutex g_lastMutex;
QString g_last;

}  // namespace

QString ErrorReporter::describe(std::exception_ptr error) {
    if (!error) {
        return QCoreApplication::translate("cxr::ui::ErrorReporter", "Unknown error.");
    }
    try {
        std::rethrow_exception(error);
    } catch (const cxr::Error& e) {
        return QString::fromUtf8(e.what());
    } catch (const std::bad_alloc&) {
        return QCoreApplication::translate("cxr::ui::ErrorReporter",
                                           "Out of memory. Close other films or programs and try again.");
    } catch (const std::exception& e) {
        return QCoreApplication::translate("cxr::ui::ErrorReporter", "Internal error: %1")
            .arg(QString::fromUtf8(e.what()));
    } catch (...) {
        return QCoreApplication::translate("cxr::ui::ErrorReporter", "Internal error of an unknown kind.");
    }
}

QString ErrorReporter::describeCurrent() { return describe(std::current_exception()); }

void ErrorReporter::report(QWidget* parent, const QString& title, const QString& message) {
    {
        std::lock_guard<std::mutex> lock(g_lastMutex);
        g_last = message;
    }
    // The message names the film or folder it is about, and film names carry patient numbers
    // and names: the user sees it, the log keeps only the title.
    cxr::logger()->warn("{} (details shown to the user)", title.toStdString());
    if (g_interactive.load()) {
        QMessageBox::warning(parent, title, message);
    }
}

void ErrorReporter::report(QWidget* parent, const QString& title, std::exception_ptr error) {
    report(parent, title, describe(error));
}

void ErrorReporter::setInteractive(bool interactive) { g_interactive.store(interactive); }

bool ErrorReporter::isInteractive() { return g_interactive.load(); }

QString ErrorReporter::lastMessage() {
    std::lock_guard<std::mutex> lock(g_lastMutex);
    return g_last;
}

}  // namespace cxr::ui
