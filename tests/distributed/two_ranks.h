#pragma once
// Two ranks of a process group as two threads of the test (each with its own store client and
// Gloo group, as two processes would have), for tests of the collectives and what uses them.
#include <chrono>
#include <cstdint>
#include <exception>
#include <functional>
#include <thread>

#include "core/training/distributed/process_group.h"
#include "rank_process.h"

namespace cxr::test::dist {

// Runs body(rank, group) on two ranks connected on loopback (20 s timeout) at once, ends with a
// barrier, and rethrows the first failure.
inline void onTwoRanks(const std::function<void(int, training::dist::ProcessGroup&)>& body) {
    const int port = freeLoopbackPort();
    std::exception_ptr failures[2];
    auto rankMain = [&](int rank) {
        try {
            training::dist::DistEnv env;
            env.rank = rank;
            env.worldSize = 2;
            env.masterAddr = "127.0.0.1";
            env.masterPort = static_cast<std::uint16_t>(port);
            env.timeout = std::chrono::seconds(20);
            training::dist::ProcessGroup group;
            group.connect(env);
            body(rank, group);
            group.barrier();
        } catch (...) {
            failures[rank] = std::current_exception();
        }
    };
    std::thread r1(rankMain, 1);
    rankMain(0);
    r1.join();
    for (auto& f : failures)
        if (f)
            std::rethrow_exception(f);
}

}  // namespace cxr::test::dist
