#pragma once
// The CSV dialect of the run's film files (predictions.csv, films.csv): a field is quoted when
// written, so film paths may hold commas and quotes; doubled quotes inside.
#include <string>
#include <vector>

namespace cxr::workflows {

std::vector<std::string> splitCsvLine(const std::string& line);
std::string quotedCsvField(const std::string& text);

}  // namespace cxr::workflows
