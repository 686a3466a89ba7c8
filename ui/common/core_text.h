#pragma once
// coreText: the fixed words core (Qt-free, English) hands the interface — the intended-use
// statement, the default phase names, phase stop reasons, class weighting and validation policy
// names, the data set's class names (Normal, Pneumonia) — translated for display. Anything else core says (error messages, reasons that carry
// numbers, a user's own phase names) comes back unchanged.
#include <string>

#include <QString>
#include <QStringList>

namespace cxr::ui {

QString coreText(const std::string& text);
QString coreText(const char* text);
QString coreText(const QString& text);

// The English texts coreText() knows, for the test that keeps them in step with core.
QStringList coreTextSources();

}  // namespace cxr::ui
