#include "cli_process.h"

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <thread>

#include "core/common/atomic_file.h"

namespace cxr::test {

namespace {

[[noreturn]] void execCxr(const std::vector<std::string>& args, const CliOptions& options) {
    if (options.maxFileBytes > 0) {
        // Ignored signals stay ignored across exec: a write past the limit then fails (EFBIG)
        // instead of killing the process.
        ::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{static_cast<rlim_t>(options.maxFileBytes), static_cast<rlim_t>(options.maxFileBytes)};
        ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    if (options.runAsUid >= 0) {
        const auto id = static_cast<uid_t>(options.runAsUid);
        if (::setgroups(0, nullptr) != 0 || ::setgid(id) != 0 || ::setuid(id) != 0)
            ::_exit(126);
    }
    std::vector<char*> argv;
    static std::string binary = CXR_CLI_BINARY;
    argv.push_back(binary.data());
    for (const auto& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
}

}  // namespace

CliProcess::CliProcess(const std::vector<std::string>& args, CliOptions options) : m_options(std::move(options)) {
    if (m_options.terminal) {
        winsize size{};
        size.ws_col = 160;
        size.ws_row = 40;
        m_pid = ::forkpty(&m_master, nullptr, nullptr, &size);
        if (m_pid == 0)
            execCxr(args, m_options);
        if (m_pid > 0)
            ::fcntl(m_master, F_SETFL, ::fcntl(m_master, F_GETFL) | O_NONBLOCK);
    } else {
        m_pid = ::fork();
        if (m_pid == 0) {
            const int fd = ::open(m_options.logFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (fd >= 0) {
                ::dup2(fd, STDOUT_FILENO);
                ::dup2(fd, STDERR_FILENO);
                ::close(fd);
            }
            execCxr(args, m_options);
        }
    }
    if (m_pid < 0)
        throw std::runtime_error("cannot start cxr");
}

CliProcess::~CliProcess() {
    if (!m_done)
        killNow();
    if (m_master >= 0)
        ::close(m_master);
}

const std::string& CliProcess::pollOutput(std::chrono::milliseconds wait) {
    if (m_master < 0) {
        std::this_thread::sleep_for(wait);
        return m_text;
    }
    pollfd fd{m_master, POLLIN, 0};
    if (::poll(&fd, 1, static_cast<int>(wait.count())) > 0) {
        char buffer[4096];
        ssize_t n = 0;
        while ((n = ::read(m_master, buffer, sizeof buffer)) > 0)
            m_text.append(buffer, static_cast<std::size_t>(n));
    }
    return m_text;
}

bool CliProcess::finished() {
    if (!m_done && ::waitpid(m_pid, &m_status, WNOHANG) == m_pid)
        m_done = true;
    return m_done;
}

void CliProcess::killNow() {
    if (m_done)
        return;
    ::kill(m_pid, SIGKILL);
    ::waitpid(m_pid, &m_status, 0);
    m_done = true;
}

int CliProcess::wait(std::chrono::seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!finished()) {
        if (std::chrono::steady_clock::now() > deadline) {
            killNow();
            break;
        }
        pollOutput(std::chrono::milliseconds(50));
    }
    pollOutput(std::chrono::milliseconds(0));
    return m_status;
}

std::string CliProcess::output() {
    if (m_options.terminal)
        return pollOutput(std::chrono::milliseconds(0));
    return std::filesystem::exists(m_options.logFile) ? readFileText(m_options.logFile) : std::string();
}

CliResult runCli(const std::vector<std::string>& args, const std::filesystem::path& log, std::chrono::seconds limit) {
    CliProcess process(args, CliOptions{false, log, 0, -1});
    const int status = process.wait(limit);
    CliResult result;
    result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    result.output = process.output();
    return result;
}

}  // namespace cxr::test
