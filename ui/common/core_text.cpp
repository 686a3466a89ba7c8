#include "ui/common/core_text.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <vector>

namespace cxr::ui {
namespace {

// lupdate collects these; the strings must stay identical to core's (the translation test
// compares them with what core and workflows::RunResults produce).
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
    // Rows of evaluation::ClassificationReport, outcomes of workflows::RunResults' example films.
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "macro avg"),
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "weighted avg"),
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "true positive"),
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "false positive"),
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "true negative"),
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "false negative"),
    // workflows::RunResults::weightsSource without ImageNet weights.
    QT_TRANSLATE_NOOP("cxr::ui::CoreText",
                      "from scratch (random initialisation): expect lower accuracy than fine-tuning"),
    // The splits as split.json names them.
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "train"),
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "val"),
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "test"),
    // Diagnosis::timingsMs stages.
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "load"),
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "preprocess"),
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "forward"),
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "cam"),
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "resample"),
    QT_TRANSLATE_NOOP("cxr::ui::CoreText", "total"),
};

// Texts core builds around a number: matched whole, translated with the number put back.
struct Pattern {
    QRegularExpression re;
    const char* source;  // its translation takes the captures as %1, %2 (or %n for "n")
    bool numerus;
};

const std::vector<Pattern>& patterns() {
    static const std::vector<Pattern> list{
        // model::deviceDescription("cpu")
        {QRegularExpression(QStringLiteral("^CPU \\(([0-9]+) threads\\)$")),
         QT_TRANSLATE_N_NOOP("cxr::ui::CoreText", "CPU (%n thread(s))"), true},
        // data::makeSplit's reasons
        {QRegularExpression(QStringLiteral("^val has ([0-9]+) films — used as given$")),
         QT_TRANSLATE_NOOP("cxr::ui::CoreText", "val has %1 films — used as given"), false},
        {QRegularExpression(QStringLiteral("^val has ([0-9]+) films — re-splitting train by patient, ([0-9.]+%) "
                                           "\\(val merged into train first\\)$")),
         QT_TRANSLATE_NOOP("cxr::ui::CoreText",
                           "val has %1 films — re-splitting train by patient, %2 (val merged into train first)"),
         false},
        {QRegularExpression(QStringLiteral("^no val folder — re-splitting train by patient, ([0-9.]+%)$")),
         QT_TRANSLATE_NOOP("cxr::ui::CoreText", "no val folder — re-splitting train by patient, %1"), false},
        // workflows::RunResults::weightsSource
        {QRegularExpression(QStringLiteral("^ImageNet weights \\((.+)\\)$")),
         QT_TRANSLATE_NOOP("cxr::ui::CoreText", "ImageNet weights (%1)"), false},
        // diagnosis::outOfDomainWarnings, shown with every call
        {QRegularExpression(QStringLiteral("^small film \\(([0-9]+) x ([0-9]+) px, below the model's ([0-9]+) px "
                                           "input\\): details are interpolated$")),
         QT_TRANSLATE_NOOP("cxr::ui::CoreText",
                           "small film (%1 x %2 px, below the model's %3 px input): details are interpolated"),
         false},
        {QRegularExpression(QStringLiteral("^lateral view \\((.+)\\): the model was trained on frontal \\(PA/AP\\) "
                                           "films$")),
         QT_TRANSLATE_NOOP("cxr::ui::CoreText", "lateral view (%1): the model was trained on frontal (PA/AP) films"),
         false},
        {QRegularExpression(QStringLiteral("^modality (.+) is not a radiograph \\(CR/DX/DR\\): the model was trained "
                                           "on chest radiographs$")),
         QT_TRANSLATE_NOOP("cxr::ui::CoreText",
                           "modality %1 is not a radiograph (CR/DX/DR): the model was trained on chest radiographs"),
         false},
        {QRegularExpression(QStringLiteral("^body part (.+) is not the chest$")),
         QT_TRANSLATE_NOOP("cxr::ui::CoreText", "body part %1 is not the chest"), false},
        {QRegularExpression(QStringLiteral("^colour film \\((.+)\\) converted to grey: the model was trained on "
                                           "greyscale radiographs$")),
         QT_TRANSLATE_NOOP("cxr::ui::CoreText",
                           "colour film (%1) converted to grey: the model was trained on greyscale radiographs"),
         false},
        // the patient's age against the model's training population
        {QRegularExpression(QStringLiteral("^patient older than the ages the model was trained on \\((.+) years\\)$")),
         QT_TRANSLATE_NOOP("cxr::ui::CoreText", "patient older than the ages the model was trained on (%1 years)"),
         false},
        {QRegularExpression(QStringLiteral("^patient younger than the ages the model was trained on \\((.+) years\\)$")),
         QT_TRANSLATE_NOOP("cxr::ui::CoreText", "patient younger than the ages the model was trained on (%1 years)"),
         false},
    };
    return list;
}

QString translatePattern(const char* source, const QStringList& args, bool numerus) {
    if (numerus) {
        return QCoreApplication::translate(kContext, source, nullptr, args.value(0).toInt());
    }
    QString text = QCoreApplication::translate(kContext, source);
    for (const QString& a : args) {
        text = text.arg(a);
    }
    return text;
}

}  // namespace

QString coreText(const char* text) {
    const QString whole = QString::fromUtf8(text);
    for (const Pattern& p : patterns()) {
        const QRegularExpressionMatch m = p.re.match(whole);
        if (m.hasMatch()) {
            return translatePattern(p.source, m.capturedTexts().mid(1), p.numerus);
        }
    }
    return QCoreApplication::translate(kContext, text);
}

QString coreText(const std::string& text) { return coreText(text.c_str()); }

QString coreText(const QString& text) { return coreText(text.toUtf8().constData()); }

bool isCoreText(const QString& text) {
    for (const char* t : kTexts) {
        if (text == QString::fromUtf8(t)) {
            return true;
        }
    }
    for (const Pattern& p : patterns()) {
        if (p.re.match(text).hasMatch()) {
            return true;
        }
    }
    return false;
}

}  // namespace cxr::ui
