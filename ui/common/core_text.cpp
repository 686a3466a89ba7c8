#include "common/core_text.h"

#include <QCoreApplication>

namespace cxr::ui {
namespace {

// lupdate collects these; the strings must stay identical to core's (the translation test
// compares them with workflows::kIntendedUse and the default training configuration).
constexpr const char* kContext = "cxr::ui::CoreText";
constexpr const char* kTexts[] = {
    QT_TRANSLATE_NOOP("cxr::ui::CoreText",
                      "CXR Studio is a research and teaching tool. It is not a medical device and must not be "
                      "used for diagnosis or treatment decisions."),
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "feature extraction"),
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "shallow fine-tuning"),
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "deep fine-tuning"),
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "completed"),
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "non-finite loss"),
    // Class weighting and validation policy, as config.json and split.json store them.
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "none"),
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "loss"),
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "sampler"),
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "auto"),
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "folder"),
    // The Kaggle set's classes as classTitle() writes them.
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "Normal"),
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "Pneumonia"),
};

}  // namespace

QString coreText(const char* text) { return QCoreApplication::translate(kContext, text); }

QString coreText(const std::string& text) { return coreText(text.c_str()); }

QString coreText(const QString& text) { return coreText(text.toUtf8().constData()); }

QStringList coreTextSources() {
    QStringList list;
    for (const char* t : kTexts) {
        list << QString::fromUtf8(t);
    }
    return list;
}

}  // namespace cxr::ui
