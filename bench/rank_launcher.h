#pragma once
// Starting a distributed benchmark's ranks on this machine: copies of the running program,
// each with the variables torchrun would give it (RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR
// 127.0.0.1, a free MASTER_PORT) plus the caller's own, so that detectDistEnv() in the copy
// finds a rank and the program takes its rank path. Header-only: benchmark programs only.
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/common/error.h"

extern char** environ;

namespace cxr::bench {

// A loopback port nobody listens on now (rank 0 binds it a moment later; the race with another
// program taking it in between only fails the rendezvous, with cxr::Error).
inline int freeLoopbackPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    const bool ok = fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
                    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0;
    if (fd >= 0)
        ::close(fd);
    if (!ok)
        throw Error(ErrorCode::Io, "no free loopback port for the ranks' rendezvous");
    return ntohs(addr.sin_port);
}

// Starts `ranks` copies of this program (same arguments) on loopback, each with torchrun's
// variables and `extra` in its environment, and waits for all of them. Returns the worst exit
// status (128 + signal for a rank that was killed).
inline int launchRanks(char** argv, int ranks, const std::map<std::string, std::string>& extra) {
    const int port = freeLoopbackPort();
    std::vector<pid_t> pids;
    for (int r = 0; r < ranks; ++r) {
        std::map<std::string, std::string> vars = extra;
        vars["RANK"] = std::to_string(r);
        vars["WORLD_SIZE"] = std::to_string(ranks);
        vars["LOCAL_RANK"] = std::to_string(r);
        vars["MASTER_ADDR"] = "127.0.0.1";
        vars["MASTER_PORT"] = std::to_string(port);
        std::vector<std::string> envText;
        for (char** e = environ; *e; ++e) {
            const std::string entry(*e);
            if (!vars.count(entry.substr(0, entry.find('='))))
                envText.push_back(entry);
        }
        for (const auto& [k, v] : vars)
            envText.push_back(k + "=" + v);
        std::vector<char*> envp;
        for (auto& s : envText)
            envp.push_back(s.data());
        envp.push_back(nullptr);
        pid_t pid = -1;
        if (posix_spawn(&pid, "/proc/self/exe", nullptr, nullptr, argv, envp.data()) != 0) {
            for (const pid_t started : pids) {  // they would wait out the rendezvous timeout
                ::kill(started, SIGTERM);
                ::waitpid(started, nullptr, 0);
            }
            throw Error(ErrorCode::Io, "cannot start rank " + std::to_string(r));
        }
        pids.push_back(pid);
    }
    int worst = 0;
    for (const pid_t pid : pids) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        worst = std::max(worst, code);
    }
    return worst;
}

}  // namespace cxr::bench
