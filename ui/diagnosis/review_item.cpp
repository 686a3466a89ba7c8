#include "ui/diagnosis/review_item.h"

#include "core/common/notice.h"
#include "ui/common/notice_text.h"
#include "ui/common/qt_convert.h"
#include "ui/common/term_text.h"

namespace cxr::ui {

double ReviewItem::positiveProbability() const {
    if (!hasResult() || positiveIndex < 0 || positiveIndex >= static_cast<int>(probabilities.size())) {
        return -1.0;
    }
    return probabilities[static_cast<std::size_t>(positiveIndex)];
}

bool ReviewItem::positiveCall() const {
    return hasResult() && positiveIndex >= 0 && positiveIndex < classes.size() && label == classes[positiveIndex];
}

void ReviewItem::applyRecorded(const records::DiagnosisRecord& d) {
    status = Status::Done;
    error.clear();
    classes.clear();
    for (const std::string& c : d.classes) {
        classes << toQString(c);
    }
    probabilities = d.probabilities;
    positiveIndex = positiveClassIndex(classes);
    label = toQString(d.label);
    threshold = d.threshold;
    warnings.clear();
    for (const std::string& code : d.warnings) {
        warnings << noticeText(Notice(code));
    }
    modelSha256 = toQString(d.modelSha256);
    modelName = toQString(d.modelName);
    filmSha256 = toQString(d.filmSha256);
    diagnosisId = d.id;
    fromRecords = true;
    double total = 0;
    for (const auto& [stage, ms] : d.timingsMs) {
        total += ms;
    }
    timeMs = total;
}

int positiveClassIndex(const QStringList& classes) {
    for (int i = 0; i < classes.size(); ++i) {
        if (classes[i].contains(QLatin1String("pneumonia"), Qt::CaseInsensitive)) {
            return i;
        }
    }
    return classes.size() > 1 ? 1 : -1;
}

QString classTitle(const QString& className) {
    if (className.isEmpty()) {
        return className;
    }
    QString t = className.toLower();
    t.replace(QLatin1Char('_'), QLatin1Char(' '));
    t[0] = t[0].toUpper();
    return termText(t);  // "Pneumonia" reads "Pneumonie" in German; other class names as they are
}

}  // namespace cxr::ui
