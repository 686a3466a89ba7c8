#pragma once
// CliProcess: runs the `cxr` binary as a child process the way a user's shell would, so tests
// can kill it at a chosen moment (SIGKILL: no handler, no flush), limit the file size it may
// write, or watch its terminal progress through a pseudo-terminal.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace cxr::test {

struct CliOptions {
    // Child output goes to a pseudo-terminal the test reads (the progress bar is drawn only on
    // a terminal); otherwise to `logFile`.
    bool terminal = false;
    std::filesystem::path logFile;
    // > 0: RLIMIT_FSIZE in bytes, with SIGXFSZ ignored, so writes past it fail with EFBIG the
    // way a full disk fails them with ENOSPC.
    long long maxFileBytes = 0;
    // >= 0: run as this user id (and group id) without supplementary groups; needs root.
    int runAsUid = -1;
};

class CliProcess {
public:
    CliProcess(const std::vector<std::string>& args, CliOptions options);
    ~CliProcess();  // kills and reaps a child still running
    CliProcess(const CliProcess&) = delete;
    CliProcess& operator=(const CliProcess&) = delete;

    // Reads what the terminal has written so far (terminal mode; waits up to `wait`).
    // Returns everything read since the start.
    const std::string& pollOutput(std::chrono::milliseconds wait = std::chrono::milliseconds(20));
    // True once the child has exited or died; `status()` then holds the waitpid status.
    bool finished();
    void killNow();  // SIGKILL and reap
    // Waits for the end (up to `limit`, then kills); returns the waitpid status.
    int wait(std::chrono::seconds limit);
    int status() const { return m_status; }
    pid_t pid() const { return m_pid; }
    std::string output();  // terminal text so far, or the log file's content

private:
    pid_t m_pid = -1;
    int m_master = -1;
    bool m_done = false;
    int m_status = 0;
    std::string m_text;
    CliOptions m_options;
};

// Runs `cxr args...` to the end with output into `log`; returns {exit code (-signal when
// killed), output}.
struct CliResult {
    int code = -1;
    std::string output;
};
CliResult runCli(const std::vector<std::string>& args, const std::filesystem::path& log,
                 std::chrono::seconds limit = std::chrono::seconds(600));

}  // namespace cxr::test
