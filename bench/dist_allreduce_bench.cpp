// dist_allreduce_bench: what averaging ResNet18's gradients over ranks costs — the all-reduce
// of its 44.7 MB of fp32 gradients in flat buckets (25 MB by default) through the process group
// training uses (Gloo, CPU), on this machine's loopback. Started plainly, it launches --ranks
// copies of itself with torchrun's variables (1 compute thread each) and rank 0 prints the
// figures; started by torchrun or srun, it is one of the ranks. With --step-batch N it also
// times one forward+backward of N films at --size px on one thread, to put the all-reduce beside
// a training step.
//
//   dist_allreduce_bench [--ranks 2] [--iters 20] [--warmup 3] [--bucket-mb 25]
//                        [--step-batch 0] [--size 224]
#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include <torch/nn/functional/loss.h>
#include <torch/types.h>
#include <torch/utils.h>

#include "bench/rank_launcher.h"
#include "core/common/allocator_settings.h"
#include "core/common/error.h"
#include "core/model/resnet18.h"
#include "core/training/distributed/dist_env.h"
#include "core/training/distributed/process_group.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
    int ranks = 2, iters = 20, warmup = 3, stepBatch = 0, size = 224;
    double bucketMb = 25;
};

[[noreturn]] void usage(const std::string& why) {
    std::fprintf(stderr, "dist_allreduce_bench: %s\nusage: dist_allreduce_bench [--ranks N] [--iters N] "
                         "[--warmup N] [--bucket-mb MB] [--step-batch N] [--size PX]\n", why.c_str());
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
        else if (flag == "--iters") o.iters = static_cast<int>(v);
        else if (flag == "--warmup") o.warmup = static_cast<int>(v);
        else if (flag == "--bucket-mb") o.bucketMb = v;
        else if (flag == "--step-batch") o.stepBatch = static_cast<int>(v);
        else if (flag == "--size") o.size = static_cast<int>(v);
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
    const auto params = net->parameters();
    std::size_t bytes = 0;
    for (const auto& p : params) {
        p.mutable_grad() = torch::randn_like(p);
        bytes += static_cast<std::size_t>(p.numel()) * p.element_size();
    }
    const auto bucketBytes = static_cast<std::size_t>(o.bucketMb * 1024 * 1024);
    for (int i = 0; i < o.warmup; ++i)
        group.averageParameterGradients(params, bucketBytes);
    const std::size_t callsBefore = group.gradientBucketCalls();
    std::vector<double> ms;
    for (int i = 0; i < o.iters; ++i) {
        group.barrier();  // every rank starts together, so a rank's time is the all-reduce's
        const auto start = Clock::now();
        group.averageParameterGradients(params, bucketBytes);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    const double buckets = static_cast<double>(group.gradientBucketCalls() - callsBefore) / o.iters;

    double stepMs = 0;
    if (o.stepBatch > 0 && env.rank == 0) {
        // One forward+backward at the given batch, one thread: the compute an all-reduce follows.
        const auto x = torch::randn({o.stepBatch, 3, o.size, o.size});
        const auto y = torch::randint(0, 2, {o.stepBatch}, torch::kLong);
        net->train(true);
        std::vector<double> steps;
        for (int i = 0; i < 3; ++i) {
            const auto start = Clock::now();
            for (auto& p : params)
                p.mutable_grad().zero_();
            torch::nn::functional::cross_entropy(net->forward(x), y).backward();
            steps.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        }
        stepMs = median(std::vector<double>(steps.begin() + 1, steps.end()));
    }
    group.barrier();

    if (env.rank == 0) {
        const double mb = static_cast<double>(bytes) / 1e6;
        const double med = median(ms);
        std::printf("ranks %d, gradients %.1f MB fp32 (%zu tensors), buckets of %.0f MiB: %.1f all-reduce calls each\n",
                    env.worldSize, mb, params.size(), o.bucketMb, buckets);
        std::printf("all-reduce of all gradients: median %.1f ms, min %.1f ms, max %.1f ms over %d runs (%d warm-up)\n",
                    med, *std::min_element(ms.begin(), ms.end()), *std::max_element(ms.begin(), ms.end()), o.iters,
                    o.warmup);
        std::printf("  = %.2f GB/s of gradients averaged\n", mb / 1e3 / (med / 1e3));
        if (stepMs > 0)
            std::printf("forward+backward, batch %d at %d px, 1 thread: %.0f ms; the all-reduce is %.1f%% of a step "
                        "(not overlapped)\n",
                        o.stepBatch, o.size, stepMs, 100.0 * med / (stepMs + med));
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
        std::fprintf(stderr, "dist_allreduce_bench: %s\n", e.what());
        return 1;
    }
}
