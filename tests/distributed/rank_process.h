#pragma once
// RankProcess: one rank of a distributed test run as a child process — the worker program
// started with the launcher's variables added to this environment, its stderr and stdout in a
// log file — so a test can watch its progress, stop or kill it, and read how it ended.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace cxr::test::dist {

class RankProcess {
public:
    RankProcess(const std::string& program, const std::vector<std::string>& args,
                const std::map<std::string, std::string>& extraEnv, std::filesystem::path log);
    ~RankProcess();  // kills and reaps a child still running
    RankProcess(const RankProcess&) = delete;
    RankProcess& operator=(const RankProcess&) = delete;

    // Waits until the log holds `text` (true) or the child ended / `limit` passed (false).
    bool waitForLog(const std::string& text, std::chrono::milliseconds limit);
    // Waits for the end up to `limit` (then kills); returns the exit code, or -signal.
    int wait(std::chrono::milliseconds limit);
    void signal(int sig);
    std::string log() const;
    pid_t pid() const { return m_pid; }

private:
    bool reap(bool block);
    pid_t m_pid = -1;
    bool m_done = false;
    int m_code = -1;
    std::filesystem::path m_log;
};

// A TCP port on 127.0.0.1 that was free a moment ago (bound to 0, read back, closed).
int freeLoopbackPort();

}  // namespace cxr::test::dist
