#pragma once
// termText: the fixed words core and the run files name things with — the intended-use
// statement, the default phase names, class weighting and validation policy names, the data
// set's class names (Normal, Pneumonia), the classification report's average rows, example
// outcomes, split names and diagnosis stage names — translated for display. These are
// identifiers, matched whole; a word it does not know (a user's own phase name, a class folder
// of another data set) comes back as it is. Sentences with values are notices (notice_text.h).
#include <string>

#include <QString>

namespace cxr::ui {

QString termText(const std::string& term);
QString termText(const char* term);
QString termText(const QString& term);

// Whether termText() knows `term`; for the test that keeps the list in step with core.
bool isTerm(const std::string& term);

}  // namespace cxr::ui
