#pragma once
// ErrorReporter: the GUI's one boundary where exceptions become words. Workers call describe()
// inside their catch blocks and hand the text back; the GUI thread calls report() to show it.
// Tests switch off the modal box and read lastMessage() instead.
#include <exception>

#include <QString>

class QWidget;

namespace cxr::ui {

class ErrorReporter {
public:
    // A message a person can act on: cxr::Error's text as is (it names the file and the
    // reason), anything else prefixed so a bug is recognisable as one.
    static QString describe(std::exception_ptr error);
    // describe(std::current_exception()); only valid inside a catch block.
    static QString describeCurrent();

    // Shows `message` under `title` (a modal box when interactive) and logs it.
    static void report(QWidget* parent, const QString& title, const QString& message);
    static void report(QWidget* parent, const QString& title, std::exception_ptr error);

    // Off: report() only logs and remembers (offscreen tests must never block on a dialog).
    static void setInteractive(bool interactive);
    static bool isInteractive();
    static QString lastMessage();

    // Runs `work`; on an exception reports it and returns false. For GUI-thread actions.
    template <class Work>
    static bool guard(QWidget* parent, const QString& title, Work&& work) {
        try {
            work();
            return true;
        } catch (...) {
            report(parent, title, std::current_exception());
            return false;
        }
    }
};

}  // namespace cxr::ui
