#include "core/common/logging.h"

#include <mutex>
#include <vector>

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include "core/common/error.h"

namespace cxr {
namespace {
std::mutex g_mutex;
std::shared_ptr<spdlog::logger> g_logger;

std::shared_ptr<spdlog::logger> makeDefault() {
    auto sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    auto log = std::make_shared<spdlog::logger>("cxr", sink);
    log->set_level(spdlog::level::warn);
    log->set_pattern("cxr [%l] %v");
    return log;
}
}  // namespace

void setupLogging(const std::string& level, const std::optional<std::filesystem::path>& file) {
    const auto lvl = spdlog::level::from_str(level);
    if (lvl == spdlog::level::off && level != "off")
        throw Error(ErrorCode::InvalidInput, "unknown log level '" + level + "'");
    std::vector<spdlog::sink_ptr> sinks{std::make_shared<spdlog::sinks::stderr_color_sink_mt>()};
    if (file) {
        try {
            sinks.push_back(std::make_shared<spdlog::sinks::basic_file_sink_mt>(file->string()));
        } catch (const spdlog::spdlog_ex& e) {
            throw Error(ErrorCode::Io, *file, std::string("cannot open log file: ") + e.what());
        }
    }
    auto log = std::make_shared<spdlog::logger>("cxr", sinks.begin(), sinks.end());
    log->set_level(lvl);
    log->set_pattern("cxr [%l] %v");
    std::lock_guard<std::mutex> lock(g_mutex);
    g_logger = log;
}

std::shared_ptr<spdlog::logger> logger() {
    std::lock_guard<std::mutex> lock(g_mutex);
    if (!g_logger)
        g_logger = makeDefault();
    return g_logger;
}

}  // namespace cxr
