#pragma once
// The PDF report lives outside `cxr`: it is drawn with Qt Charts by `cxr-report`, which the
// cxr-studio package installs, so that the server package links no Qt. This finds and runs it.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cxr::cli {

// `cxr-report` beside this `cxr` (an installed pair or one build folder), else on PATH; nothing
// when neither has it.
std::optional<std::filesystem::path> findReportProgram();

// What to tell a user whose `cxr` has no `cxr-report` to run, for `runDir`.
std::string reportProgramMissingText(const std::filesystem::path& runDir);

// Runs `program` with `args` (stdout and stderr shared), returns its exit status; 128 + the
// signal when a signal ended it. Throws cxr::Error when it cannot be started.
int runReportProgram(const std::filesystem::path& program, const std::vector<std::string>& args);

}  // namespace cxr::cli
