#pragma once
// Logging through spdlog: one named logger for the whole engine, set up once by each front end.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <spdlog/spdlog.h>

namespace cxr {

// level: "trace", "debug", "info", "warn", "error", "off". Logs go to stderr and, when given,
// to a file. Patient identifiers never reach the log: callers log de-identified metadata only.
void setupLogging(const std::string& level, const std::optional<std::filesystem::path>& file = {});

std::shared_ptr<spdlog::logger> logger();

}  // namespace cxr
