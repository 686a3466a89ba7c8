// dist_overlap_bench: what overlapping the gradient all-reduce with the backward pass saves — a
// ResNet18 training step (zero_grad, forward, backward, averaging, SGD step) on every rank, with
// the gradients averaged three ways in turn: not at all ("local", the compute alone), after the
// backward (ProcessGroup::averageParameterGradients), and during it (GradientReducer). Started
// plainly it launches --ranks copies of itself on loopback with torchrun's variables (1 compute
// thread each) and rank 0 prints the median step per way; started by torchrun, it is a rank.
// The ways alternate over --rounds so that a drift of the machine's load hits all three.
//
//   dist_overlap_bench [--ranks 2] [--batch 8] [--size 128] [--steps 8] [--rounds 2] [--bucket-mb 25]
#include <spawn.h>
#include <sys/wait.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <torch/nn/functional/loss.h>
#include <torch/optim/sgd.h>
#include <torch/types.h>

#include "bench/rank_launcher.h"
#include "core/common/allocator_settings.h"
#include "core/common/error.h"
#include "core/model/resnet18.h"
#include "core/training/distributed/dist_env.h"
#include "core/training/distributed/gradient_reducer.h"
#include "core/training/distributed/process_group.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
    int ranks = 2, batch = 8, size = 128, steps = 8, rounds = 2;
    double bucketMb = 25;
};

[[noreturn]] void usage(const std::string& why) {
    std::fprintf(stderr, "dist_overlap_bench: %s\nusage: dist_overlap_bench [--ranks N] [--batch N] [--size PX] "
                         "[--steps N] [--rounds N] [--bucket-mb MB]\n", why.c_str());
    std::exit(2);
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (i + 1 >= argc)
            usage(flag + " needs a value");
        const std::string value = argv[++i];
        char* end = nullptr;
        const double v = std::strtod(value.c_str(), &end);
        if (value.empty() || *end != '\0' || v <= 0)
            usage(flag + " " + value + ": not a positive number");
        if (flag == "--ranks") o.ranks = static_cast<int>(v);
        else if (flag == "--batch") o.batch = static_cast<int>(v);
        else if (flag == "--size") o.size = static_cast<int>(v);
        else if (flag == "--steps") o.steps = static_cast<int>(v);
        else if (flag == "--rounds") o.rounds = static_cast<int>(v);
        else if (flag == "--bucket-mb") o.bucketMb = v;
        else usage("unknown flag " + flag);
    }
    return o;
}

// Starts the ranks as copies of this program on loopback and waits for them all.
int launch(char** argv, const Options& o) {
    std::printf("launching %d ranks on 127.0.0.1, 1 compute thread each\n", o.ranks);
    std::fflush(stdout);
    return cxr::bench::launchRanks(argv, o.ranks, {{"OMP_NUM_THREADS", "1"}});
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

int rankMain(const cxr::training::dist::DistEnv& env, const Options& o) {
    using namespace cxr;
    torch::set_num_threads(1);
    training::dist::ProcessGroup group;
    group.connect(env);
    torch::manual_seed(1);
    model::ResNet18 net(2);
    net->train(true);
    group.broadcastFromRankZero(net->parameters());
    torch::optim::SGD optimizer(net->parameters(), torch::optim::SGDOptions(1e-3).momentum(0.9));
    const auto x = torch::randn({o.batch, 3, o.size, o.size});
    const auto y = torch::randint(0, 2, {o.batch}, torch::kLong);
    const auto bucketBytes = static_cast<std::size_t>(o.bucketMb * 1024 * 1024);
    // Made for the overlapped way only: while it lives, its hooks start all-reduces in every backward.
    std::unique_ptr<training::dist::GradientReducer> reducer;
    std::size_t buckets = 0, inBackward = 0, atFinish = 0;

    const char* names[] = {"local (no averaging)", "averaged after backward", "averaged during backward"};
    std::vector<double> ms[3];
    auto step = [&](int way) {
        optimizer.zero_grad();
        torch::nn::functional::cross_entropy(net->forward(x), y).backward();
        if (way == 1)
            group.averageParameterGradients(net->parameters(), bucketBytes);
        else if (way == 2)
            reducer->finish(net->parameters());
        optimizer.step();
    };
    for (int round = 0; round < o.rounds; ++round)
        for (int way = 0; way < 3; ++way) {
            if (way == 2) {
                reducer = std::make_unique<training::dist::GradientReducer>(group, bucketBytes);
                reducer->prepare(net->parameters());
            }
            step(way);  // warm-up
            for (int s = 0; s < o.steps; ++s) {
                group.barrier();  // the ranks start each step together
                const auto start = Clock::now();
                step(way);
                ms[way].push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
            }
            if (way == 2) {
                const auto c = reducer->counts();
                buckets = reducer->bucketCount();
                inBackward += c.bucketsInBackward;
                atFinish += c.bucketsAtFinish;
                reducer.reset();
            }
        }
    group.barrier();
    if (env.rank == 0) {
        std::printf("ResNet18, batch %d at %d px per rank, %d ranks x 1 thread, buckets of %.0f MiB (%zu during "
                    "backward), %d steps x %d rounds per way\n",
                    o.batch, o.size, env.worldSize, o.bucketMb, buckets, o.steps, o.rounds);
        for (int way = 0; way < 3; ++way)
            std::printf("  %-26s median %.1f ms a step (min %.1f, max %.1f)\n", names[way], median(ms[way]),
                        *std::min_element(ms[way].begin(), ms[way].end()),
                        *std::max_element(ms[way].begin(), ms[way].end()));
        const double local = median(ms[0]), after = median(ms[1]), during = median(ms[2]);
        std::printf("  averaging costs %.1f ms a step after the backward, %.1f ms during it (%.0f%% of it hidden); "
                    "the reducer started %zu buckets during backward, %zu at finish\n",
                    after - local, during - local, after > local ? 100.0 * (after - during) / (after - local) : 0.0,
                    inBackward, atFinish);
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    cxr::keepFreedMemoryForReuse();  // what cxr does at start: measure what users run
    try {
        const Options o = parse(argc, argv);
        const auto env = cxr::training::dist::detectDistEnv();
        if (!env)
            return launch(argv, o);
        return rankMain(*env, o);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "dist_overlap_bench: %s\n", e.what());
        return 1;
    }
}
