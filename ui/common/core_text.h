#pragma once
// coreText: the fixed words core (Qt-free, English) and the run files hand the interface —
// the intended-use statement, the default phase names, phase stop reasons, class weighting and
// validation policy names, the data set's class names (Normal, Pneumonia), the classification
// report's average rows, example outcomes, diagnosis stage names and the CPU device description —
// translated for display. Anything else (error messages, reasons that carry numbers, a user's
// own phase names) comes back unchanged.
#include <string>

#include <QString>

namespace cxr::ui {

QString coreText(const std::string& text);
QString coreText(const char* text);
QString coreText(const QString& text);

// Whether coreText() knows `text` (one of its words, or a text matching one of its patterns);
// for the test that keeps them in step with core.
bool isCoreText(const QString& text);

}  // namespace cxr::ui
