#include "ui/common/term_text.h"

#include <QCoreApplication>

namespace cxr::ui {
namespace {

// lupdate collects these; the strings must stay identical to core's (the translation test
// compares them with what core and the run files hold).
constexpr const char* kContext = "cxr::ui::TermText";
constexpr const char* kTexts[] = {
    QT_TRANSLATE_NOOP("cxr::ui::TermText",
                      "CXR Studio is a research and teaching tool. It is not a medical device and must not be "
                      "used for diagnosis or treatment decisions."),
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "feature extraction"),
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "shallow fine-tuning"),
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "deep fine-tuning"),
    // Class weighting and validation policy, as config.json and split.json store them.
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "none"),
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "loss"),
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "sampler"),
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "auto"),
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "folder"),
    // The Kaggle set's classes as classTitle() writes them.
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "Normal"),
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "Pneumonia"),
    // Rows of evaluation::ClassificationReport, outcomes of workflows::RunResults' example films.
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "macro avg"),
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "weighted avg"),
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "true positive"),
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "false positive"),
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "true negative"),
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "false negative"),
    // The splits as split.json names them.
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "train"),
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "val"),
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "test"),
    // Diagnosis::timingsMs stages.
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "load"),
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "preprocess"),
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "forward"),
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "cam"),
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "resample"),
    QT_TRANSLATE_NOOP("cxr::ui::TermText", "total"),
};

}  // namespace

QString termText(const char* term) { return QCoreApplication::translate(kContext, term); }

QString termText(const std::string& term) { return termText(term.c_str()); }

QString termText(const QString& term) { return termText(term.toUtf8().constData()); }

bool isTerm(const std::string& term) {
    for (const char* t : kTexts) {
        if (term == t) {
            return true;
        }
    }
    return false;
}

}  // namespace cxr::ui
