#include "app/cli/report_program.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <system_error>

#include "core/common/error.h"

extern char** environ;

namespace cxr::cli {
namespace {

constexpr const char* kProgram = "cxr-report";

bool executable(const std::filesystem::path& file) {
    std::error_code ec;
    return std::filesystem::is_regular_file(file, ec) && ::access(file.c_str(), X_OK) == 0;
}

}  // namespace

std::optional<std::filesystem::path> findReportProgram() {
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec && executable(self.parent_path() / kProgram))
        return self.parent_path() / kProgram;
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "";
    for (std::size_t start = 0; start <= dirs.size();) {
        const auto end = std::min(dirs.find(':', start), dirs.size());
        const std::string dir = dirs.substr(start, end - start);
        if (!dir.empty() && executable(std::filesystem::path(dir) / kProgram))
            return std::filesystem::path(dir) / kProgram;
        start = end + 1;
    }
    return std::nullopt;
}

std::string reportProgramMissingText(const std::filesystem::path& runDir) {
    return "the PDF report is drawn by cxr-report, which comes with the cxr-studio package (it needs Qt; "
           "this cxr has none beside it or on PATH). Install cxr-studio, then run: cxr report " +
           runDir.string() + " --pdf report.pdf";
}

int runReportProgram(const std::filesystem::path& program, const std::vector<std::string>& args) {
    std::vector<std::string> owned{program.string()};
    owned.insert(owned.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : owned)
        argv.push_back(arg.data());
    argv.push_back(nullptr);
    pid_t child = 0;
    const int started = ::posix_spawn(&child, program.c_str(), nullptr, nullptr, argv.data(), environ);
    if (started != 0)
        throw Error(ErrorCode::Io, program, std::string("could not start it: ") + std::strerror(started));
    int status = 0;
    while (::waitpid(child, &status, 0) < 0) {
        if (errno != EINTR)  // Ctrl-C reaches the child too; wait for it to finish
            throw Error(ErrorCode::Io, program, std::string("lost track of it: ") + std::strerror(errno));
    }
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 1;
}

}  // namespace cxr::cli
