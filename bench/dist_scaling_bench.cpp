// dist_scaling_bench: what splitting a training step over processes buys or costs on this
// machine. The same films, the same global batch, the same cores, in these ways:
//   A  one process, 2 LibTorch threads, global batch 2b;
//   B  two rank processes on loopback, 1 thread each, batch b each, the gradients averaged over
//      Gloo after every backward (ProcessGroup::averageParameterGradients, as a distributed
//      `cxr train` does), the all-reduce timed on its own;
//   B' the same with the gradients averaged during the backward (GradientReducer), timing what
//      is left of the averaging after the backward (finish);
//   R  one process, 1 thread, batch b: one core's rate, the yardstick of the others.
// Every step is training::trainEpoch's with TrainingConfig's defaults for the full-network phase
// (optimizer, step settings), on synthetic films (fixed seed) held in memory, so the figures are
// the product's step and nothing of the batch loader. The global step k of A and step k of both
// ranks hold the same films (the ranks' shards are distributed_shard.h's of A's epoch order).
// Started plainly it runs A and R itself, starts the two ranks of B and of B' as copies of
// itself, and prints the table; the four alternate over --rounds, so that a change in the load
// other programs put on the machine hits all of them. Started by torchrun it is one rank of B
// (of B' with CXR_SCALING_BENCH_AVERAGING=during) and rank 0 prints that configuration's figures.
//
//   dist_scaling_bench [--image-size 224] [--batch-per-rank 8] [--steps 10] [--warmup 2]
//                      [--rounds 2] [--json]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <sys/resource.h>

#include <ATen/Parallel.h>
#include <torch/types.h>
#include <torch/utils.h>

#include "bench/rank_launcher.h"
#include "core/common/allocator_settings.h"
#include "core/common/error.h"
#include "core/model/device.h"
#include "core/model/resnet18.h"
#include "core/training/distributed/dist_env.h"
#include "core/training/distributed/distributed_shard.h"
#include "core/training/distributed/gradient_reducer.h"
#include "core/training/distributed/process_group.h"
#include "core/training/epoch_loop.h"
#include "core/training/optimizer_factory.h"
#include "core/training/step_settings.h"
#include "core/training/tensor_batch_source.h"
#include "core/training/training_config.h"

namespace {

using Clock = std::chrono::steady_clock;
using Figures = std::map<std::string, std::vector<double>>;
namespace dist = cxr::training::dist;

constexpr std::uint64_t kSeed = 42;
// Where the ranks started by this program leave B's figures for it (rank 0 writes them).
constexpr const char* kResultVariable = "CXR_SCALING_BENCH_RESULT";
// "during": the ranks average the gradients during the backward (B'); unset: after it (B).
constexpr const char* kAveragingVariable = "CXR_SCALING_BENCH_AVERAGING";

struct Options {
    int imageSize = 224, batchPerRank = 8, steps = 10, warmup = 2, rounds = 2;  // steps and warm-up: per round
    bool json = false;
};

[[noreturn]] void usage(const std::string& why) {
    std::fprintf(stderr,
                 "dist_scaling_bench: %s\nusage: dist_scaling_bench [--image-size PX] [--batch-per-rank N] "
                 "[--steps N] [--warmup N] [--rounds N] [--json]\n",
                 why.c_str());
    std::exit(2);
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (flag == "--json") {
            o.json = true;
            continue;
        }
        int* target = flag == "--image-size"       ? &o.imageSize
                      : flag == "--batch-per-rank" ? &o.batchPerRank
                      : flag == "--steps"          ? &o.steps
                      : flag == "--warmup"         ? &o.warmup
                      : flag == "--rounds"         ? &o.rounds
                                                   : nullptr;
        if (!target)
            usage("unknown flag " + flag);
        if (i + 1 >= argc)
            usage(flag + " needs a value");
        const std::string value = argv[++i];
        char* end = nullptr;
        const long v = std::strtol(value.c_str(), &end, 10);
        if (value.empty() || *end != '\0' || v < 0 || v > 100000)
            usage(flag + " " + value + ": not a whole number from 0 to 100000");
        *target = static_cast<int>(v);
    }
    // ResNet18 halves the side five times; BatchNorm in train mode needs two films a batch.
    if (o.imageSize < 32)
        usage("--image-size " + std::to_string(o.imageSize) + ": at least 32 px");
    if (o.batchPerRank < 2)
        usage("--batch-per-rank " + std::to_string(o.batchPerRank) + ": at least 2 films");
    if (o.steps < 1)
        usage("--steps 0: at least one timed step");
    if (o.rounds < 1)
        usage("--rounds 0: at least one round");
    return o;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

double fastest(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }

double loadAverage() {
    std::ifstream in("/proc/loadavg");
    double oneMinute = -1;
    in >> oneMinute;
    return oneMinute;
}

// CPU time of the whole machine and of this program (itself and its finished ranks), to tell how
// much of the two cores other programs took while a configuration ran: the figures of A, whose
// two threads meet at a barrier in every operation, suffer most from a busy machine.
struct CpuClock {
    double machineBusy = 0, own = 0;
    Clock::time_point wall = Clock::now();

    static CpuClock now() {
        CpuClock c;
        std::ifstream in("/proc/stat");
        std::string cpu;
        double user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
        in >> cpu >> user >> nice >> system >> idle >> iowait >> irq >> softirq >> steal;
        c.machineBusy = (user + nice + system + irq + softirq + steal) / static_cast<double>(::sysconf(_SC_CLK_TCK));
        for (const int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
            rusage u{};
            ::getrusage(who, &u);
            c.own += static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
                     static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
        }
        return c;
    }
    // Share of the machine's CPUs that other programs used since `start`, 0..1.
    double othersShareSince(const CpuClock& start) const {
        const double wallSeconds = std::chrono::duration<double>(wall - start.wall).count();
        const double others = (machineBusy - start.machineBusy) - (own - start.own);
        const double cpus = std::max(1u, std::thread::hardware_concurrency());
        return wallSeconds > 0 ? std::clamp(others / (wallSeconds * cpus), 0.0, 1.0) : 0.0;
    }
};

// One configuration's timed steps, as this process saw them.
struct StepTimes {
    std::vector<double> stepMs;       // each timed step, read-back to read-back
    std::vector<double> allReduceMs;  // B: averageParameterGradients within each timed step
    double filmChecksum = 0;          // sum of this process's films, to show A and B saw the same
    double gradientMb = 0;            // fp32 gradients of the parameters that train
};

// `batch` films a step on each of `worldSize` processes; with a group, the step is a rank's
// step in a distributed run: rank 0's weights to start from, gradients averaged after each
// backward, the non-finite and cancel checks agreed as the trainer agrees them.
StepTimes timeSteps(const Options& o, int batch, int worldSize, int rank, dist::ProcessGroup* group,
                    bool duringBackward = false) {
    using namespace cxr;
    const int stepCount = o.warmup + o.steps;
    const auto films = static_cast<std::size_t>(batch) * static_cast<std::size_t>(worldSize * stepCount);
    torch::manual_seed(kSeed);
    const auto allImages = torch::randn({static_cast<std::int64_t>(films), 3, o.imageSize, o.imageSize});
    const auto allLabels = torch::randint(0, 2, {static_cast<std::int64_t>(films)}, torch::kLong);
    std::vector<std::int64_t> shard;
    for (const std::size_t i : dist::shardIndices(films, worldSize, rank, kSeed, 0))
        shard.push_back(static_cast<std::int64_t>(i));
    const auto order = torch::tensor(shard, torch::kLong);
    const auto images = allImages.index_select(0, order);
    const auto labels = allLabels.index_select(0, order);

    StepTimes out;
    out.filmChecksum = images.sum(at::kDouble).item<double>();
    training::TrainingConfig config;
    config.device = "cpu";
    config.batchSize = batch;
    config.imageSize = o.imageSize;
    config.resolvePlan(/*pretrained=*/true);
    const training::PhaseConfig& phase = config.phases.back();  // the phase that trains every layer
    torch::manual_seed(kSeed);
    model::ResNet18 net(2);
    net->setFreezeBatchNormStats(config.freezeBatchNorm);
    training::StepSettings settings = training::stepSettingsFor(config, "cpu");
    if (settings.channelsLast)
        model::toChannelsLast(*net);
    net->setTrainable(phase.trainable);
    auto parameters = net->trainableParameters();
    for (const auto& p : parameters)
        out.gradientMb += static_cast<double>(p.numel()) * 4 / 1e6;
    std::unique_ptr<dist::GradientReducer> reducer;  // B': lives as long as the steps (its hooks)
    if (group) {
        std::vector<at::Tensor> start;
        for (const auto& p : net->parameters())
            start.push_back(p.data());
        for (const auto& b : net->buffers())
            start.push_back(b);
        group->broadcastFromRankZero(start);
        if (duringBackward) {
            reducer = std::make_unique<dist::GradientReducer>(*group);
            reducer->prepare(net->parameters());
        }
        settings.afterBackward = [group, &out, r = reducer.get()](model::ResNet18& n) {
            const auto t = Clock::now();
            if (r)
                r->finish(n->parameters());
            else
                group->averageParameterGradients(n->parameters());
            out.allReduceMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
        };
        settings.agreeNonFinite = [group](bool mine) { return group->allReduceSum({mine ? 1.0 : 0.0})[0] > 0; };
        settings.agreeCancel = [group](bool mine, std::size_t) {
            std::vector<double> flags(static_cast<std::size_t>(group->worldSize()), 0.0);
            flags[static_cast<std::size_t>(group->rank())] = mine ? 1.0 : 0.0;
            group->allReduceSum(flags);  // nobody cancels here; the collective is the step's cost
        };
    }
    auto optimizer = training::makeOptimizer(config, parameters, phase.learningRate);
    training::TensorBatchSource source(images, labels, batch);
    auto last = Clock::now();
    training::trainEpoch(
        net, *optimizer, source, 0, settings,
        [&](const training::BatchProgress&) {
            const auto now = Clock::now();
            out.stepMs.push_back(std::chrono::duration<double, std::milli>(now - last).count());
            last = now;
        },
        nullptr);
    if (out.stepMs.size() != static_cast<std::size_t>(stepCount))
        throw Error(ErrorCode::Training, "the loss went non-finite after " + std::to_string(out.stepMs.size()) +
                                             " of " + std::to_string(stepCount) + " steps: no figures");
    out.stepMs.erase(out.stepMs.begin(), out.stepMs.begin() + o.warmup);
    if (group)
        out.allReduceMs.erase(out.allReduceMs.begin(), out.allReduceMs.begin() + o.warmup);
    return out;
}

// B's figures over all ranks. The ranks meet at every all-reduce, so a step lasts as long on each;
// the rank that finishes its backward last waits in the all-reduce only for the transfer, the
// other one also for it: per step, the least all-reduce time over the ranks is the all-reduce's
// own cost and the spread is the waiting.
Figures gatherRankFigures(dist::ProcessGroup& group, const StepTimes& t, int steps) {
    const auto world = static_cast<std::size_t>(group.worldSize());
    const auto n = static_cast<std::size_t>(steps);
    const auto rank = static_cast<std::size_t>(group.rank());
    std::vector<double> mine(2 * world * n + 1, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        mine[rank * n + i] = t.stepMs[i];
        mine[world * n + rank * n + i] = t.allReduceMs[i];
    }
    mine.back() = t.filmChecksum;
    const auto all = group.allReduceSum(mine);
    std::vector<double> stepMs, allReduceMs, waitMs;  // per step
    for (std::size_t i = 0; i < n; ++i) {
        double slowest = 0, least = 1e300, most = 0;
        for (std::size_t r = 0; r < world; ++r) {
            slowest = std::max(slowest, all[r * n + i]);
            least = std::min(least, all[world * n + r * n + i]);
            most = std::max(most, all[world * n + r * n + i]);
        }
        stepMs.push_back(slowest);
        allReduceMs.push_back(least);
        waitMs.push_back(most - least);
    }
    return {{"step_ms", stepMs},
            {"allreduce_ms", allReduceMs},
            {"wait_ms", waitMs},
            {"checksum", {all.back()}},
            {"gradient_mb", {t.gradientMb}}};
}

void writeFigures(const std::filesystem::path& file, const Figures& figures) {
    std::ofstream out(file);
    out.precision(17);
    for (const auto& [key, values] : figures) {
        out << key;
        for (const double v : values)
            out << ' ' << v;
        out << '\n';
    }
    if (!out)
        throw cxr::Error(cxr::ErrorCode::Io, file, "cannot write the ranks' figures");
}

Figures readFigures(const std::filesystem::path& file) {
    std::ifstream in(file);
    Figures figures;
    std::string line, key;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        fields >> key;
        double v = 0;
        while (fields >> v)
            figures[key].push_back(v);
    }
    if (figures["step_ms"].empty())
        throw cxr::Error(cxr::ErrorCode::Corrupt, file, "holds no figures from rank 0");
    return figures;
}

int rankMain(const dist::DistEnv& env, const Options& o) {
    at::set_num_threads(1);
    dist::ProcessGroup group;
    group.connect(env);
    const char* averaging = std::getenv(kAveragingVariable);
    const bool during = averaging && std::string(averaging) == "during";
    const StepTimes t = timeSteps(o, o.batchPerRank, env.worldSize, env.rank, &group, during);
    const Figures figures = gatherRankFigures(group, t, o.steps);
    group.barrier();
    if (env.rank != 0)
        return 0;
    if (const char* file = std::getenv(kResultVariable)) {
        writeFigures(file, figures);
        return 0;
    }
    // Started by torchrun: B's figures only.
    const double global = static_cast<double>(o.batchPerRank) * env.worldSize;
    const double step = median(figures.at("step_ms")), allReduce = median(figures.at("allreduce_ms"));
    std::printf("%d ranks x 1 thread, batch %d each (%g global), %d px, averaged %s the backward: step %.1f ms "
                "(median of %d), %.2f img/s; all-reduce %.1f ms (%.1f%% of a step), waiting for the slower rank "
                "%.1f ms\n",
                env.worldSize, o.batchPerRank, global, o.imageSize, during ? "during" : "after", step, o.steps,
                global * 1000 / step, allReduce,
                100 * allReduce / step, median(figures.at("wait_ms")));
    return 0;
}

// One row of the table.
struct Row {
    std::string name, what;
    int threads, ranks, globalBatch;
    double stepMs, fastestStepMs;
    double othersShare;  // of the machine's CPUs, taken by other programs while it ran
    double imagesPerSecond() const { return globalBatch * 1000.0 / stepMs; }
};

// rows: A, B, B', R; b and bo: B's and B''s pooled figures.
void printJson(const Options& o, const std::vector<Row>& rows, const Figures& b, const Figures& bo, unsigned cores,
               double loadBefore, double loadAfter, bool sameFilms) {
    std::printf("{\"bench\": \"dist_scaling_bench\", \"image_size\": %d, \"batch_per_rank\": %d, \"steps\": %d, "
                "\"warmup\": %d, \"cores\": %u, \"load_before\": %.2f, \"load_after\": %.2f, \"same_films\": %s,\n"
                " \"configs\": [",
                o.imageSize, o.batchPerRank, o.steps, o.warmup, cores, loadBefore, loadAfter,
                sameFilms ? "true" : "false");
    for (std::size_t i = 0; i < rows.size(); ++i)
        std::printf("%s\n  {\"config\": \"%s\", \"threads\": %d, \"ranks\": %d, \"global_batch\": %d, "
                    "\"step_ms\": %.1f, \"fastest_step_ms\": %.1f, \"img_per_s\": %.3f, \"others_cpu_share\": %.3f}",
                    i ? "," : "", rows[i].name.c_str(), rows[i].threads, rows[i].ranks, rows[i].globalBatch,
                    rows[i].stepMs, rows[i].fastestStepMs, rows[i].imagesPerSecond(), rows[i].othersShare);
    const double step = rows[1].stepMs, allReduce = median(b.at("allreduce_ms"));
    const double stepO = rows[2].stepMs, finish = median(bo.at("allreduce_ms"));
    std::printf("],\n \"scaling_efficiency\": %.3f, \"allreduce_ms\": %.1f, \"allreduce_share\": %.4f, "
                "\"wait_ms\": %.1f,\n \"scaling_efficiency_overlapped\": %.3f, \"overlapped_finish_ms\": %.1f, "
                "\"overlapped_finish_share\": %.4f, \"overlapped_wait_ms\": %.1f,\n \"gradient_mb\": %.1f, "
                "\"rounds\": %d}\n",
                rows[1].imagesPerSecond() / rows[0].imagesPerSecond(), allReduce, allReduce / step,
                median(b.at("wait_ms")), rows[2].imagesPerSecond() / rows[0].imagesPerSecond(), finish,
                finish / stepO, median(bo.at("wait_ms")), b.at("gradient_mb").at(0), o.rounds);
}

void printTable(const Options& o, const std::vector<Row>& rows, const Figures& b, const Figures& bo, unsigned cores,
                double loadBefore, double loadAfter, bool sameFilms) {
    std::printf("ResNet18, full-network phase, %d px, synthetic films (seed %llu), %d round(s) of %d timed steps "
                "after %d warm-up per configuration; %u usable cores; load average %.2f before, %.2f after\n\n",
                o.imageSize, static_cast<unsigned long long>(kSeed), o.rounds, o.steps, o.warmup, cores, loadBefore,
                loadAfter);
    std::printf("%-36s %7s %5s %12s %16s %8s %8s %12s\n", "config", "threads", "ranks", "global batch",
                "step ms (median)", "fastest", "img/s", "others' CPU");
    for (const auto& r : rows)
        std::printf("%-36s %7d %5d %12d %16.1f %8.1f %8.2f %11.0f%%\n", (r.name + std::string(4 - r.name.size(), ' ') + r.what).c_str(), r.threads,
                    r.ranks, r.globalBatch, r.stepMs, r.fastestStepMs, r.imagesPerSecond(), 100 * r.othersShare);
    const double a = rows[0].imagesPerSecond(), two = rows[1].imagesPerSecond(), twoO = rows[2].imagesPerSecond(),
                 one = rows[3].imagesPerSecond();
    const double step = rows[1].stepMs, allReduce = median(b.at("allreduce_ms")), wait = median(b.at("wait_ms"));
    const double stepO = rows[2].stepMs, finish = median(bo.at("allreduce_ms")), waitO = median(bo.at("wait_ms"));
    std::printf("\nimg/s from the median step; \"others' CPU\": the share of the machine's CPUs other programs took "
                "meanwhile\n");
    std::printf("scaling efficiency, img/s B / img/s A:  %.3f   (B' / A: %.3f)\n", two / a, twoO / a);
    std::printf("all-reduce in B (averageParameterGradients, %.1f MB of fp32 gradients): median %.1f ms = %.1f%% of "
                "a step\n",
                b.at("gradient_mb").at(0), allReduce, 100 * allReduce / step);
    std::printf("  the rank done with backward first waits a further median %.1f ms (%.1f%%) for the other\n",
                wait, 100 * wait / step);
    std::printf("B' (GradientReducer): averaging left after the backward (finish) median %.1f ms = %.1f%% of a "
                "step; the rank done first waits a further %.1f ms\n",
                finish, 100 * finish / stepO, waitO);
    std::printf("use of 2 cores, img/s / (2 x R's img/s):  A %.2f, B %.2f, B' %.2f\n", a / (2 * one), two / (2 * one),
                twoO / (2 * one));
    std::printf("same films in A, B and B': %s\n", sameFilms ? "yes (checksums agree)" : "NO (checksums differ)");
}

int coordinatorMain(char** argv, const Options& o) {
    using namespace cxr;
    if (!dist::ProcessGroup::hasBackend("gloo")) {
        std::fprintf(stderr, "dist_scaling_bench: this build has no Gloo backend (libgloo-dev's headers were not "
                             "found when it was configured), so configuration B, two ranks averaging gradients "
                             "over Gloo, cannot run; nothing measured\n");
        return 1;
    }
    model::initTorchThreads();
    const unsigned cores = model::usableCores();
    const double loadBefore = loadAverage();
    const int b = o.batchPerRank;
    auto progress = [&](const char* what) {
        std::fprintf(stderr, "dist_scaling_bench: %s\n", what);
        std::fflush(stderr);
    };

    const auto file = std::filesystem::temp_directory_path() /
                      ("dist_scaling_bench." + std::to_string(::getpid()) + ".figures");
    std::vector<double> stepsA, stepsR;
    Figures fb, fo;                                            // B's and B''s steps, pooled
    double othersA = 0, othersR = 0, othersB = 0, othersO = 0;  // summed over rounds
    bool sameFilms = true;
    // Runs B or B' once: the two ranks as copies of this program; their figures join `pooled`.
    auto runRanks = [&](bool during, Figures& pooled, double& others, double checksumA) {
        const CpuClock start = CpuClock::now();
        std::filesystem::remove(file);
        // A rank that fails ends its peer's wait within a minute instead of the default five.
        const int rc = bench::launchRanks(argv, 2,
                                          {{"OMP_NUM_THREADS", "1"},
                                           {"CXR_DIST_TIMEOUT", "60"},
                                           {kResultVariable, file.string()},
                                           {kAveragingVariable, during ? "during" : "after"}});
        if (rc != 0) {
            std::filesystem::remove(file);
            throw Error(ErrorCode::Training, std::string("a rank of configuration ") + (during ? "B'" : "B") +
                                                 " exited with status " + std::to_string(rc) +
                                                 " (its message is above): no figures");
        }
        others += CpuClock::now().othersShareSince(start);
        const Figures round = readFigures(file);
        std::filesystem::remove(file);
        for (const auto& [key, values] : round)
            if (key != "checksum" && key != "gradient_mb")
                pooled[key].insert(pooled[key].end(), values.begin(), values.end());
        pooled["gradient_mb"] = round.at("gradient_mb");
        const double checksum = round.at("checksum").at(0);
        sameFilms = sameFilms && std::abs(checksum - checksumA) <= 1e-6 * (1 + std::abs(checksumA));
    };
    for (int round = 1; round <= o.rounds; ++round) {
        const std::string of = " (round " + std::to_string(round) + " of " + std::to_string(o.rounds) + ")";
        progress(("A: 1 process x 2 threads" + of).c_str());
        at::set_num_threads(2);
        const CpuClock startA = CpuClock::now();
        const StepTimes a = timeSteps(o, 2 * b, 1, 0, nullptr);
        othersA += CpuClock::now().othersShareSince(startA);
        progress(("R: 1 process x 1 thread" + of).c_str());
        at::set_num_threads(1);
        const CpuClock startR = CpuClock::now();
        const StepTimes r = timeSteps(o, b, 1, 0, nullptr);
        othersR += CpuClock::now().othersShareSince(startR);
        progress(("B: 2 ranks x 1 thread, Gloo on 127.0.0.1, averaged after the backward" + of).c_str());
        runRanks(false, fb, othersB, a.filmChecksum);
        progress(("B': 2 ranks x 1 thread, Gloo on 127.0.0.1, averaged during the backward" + of).c_str());
        runRanks(true, fo, othersO, a.filmChecksum);
        stepsA.insert(stepsA.end(), a.stepMs.begin(), a.stepMs.end());
        stepsR.insert(stepsR.end(), r.stepMs.begin(), r.stepMs.end());
    }
    const double loadAfter = loadAverage();

    const std::vector<Row> rows{
        {"A", "1 process x 2 threads", 2, 1, 2 * b, median(stepsA), fastest(stepsA), othersA / o.rounds},
        {"B", "2 ranks x 1 thread, Gloo", 1, 2, 2 * b, median(fb.at("step_ms")), fastest(fb.at("step_ms")),
         othersB / o.rounds},
        {"B'", "B, averaged during backward", 1, 2, 2 * b, median(fo.at("step_ms")), fastest(fo.at("step_ms")),
         othersO / o.rounds},
        {"R", "1 process x 1 thread (one core)", 1, 1, b, median(stepsR), fastest(stepsR), othersR / o.rounds},
    };
    if (o.json)
        printJson(o, rows, fb, fo, cores, loadBefore, loadAfter, sameFilms);
    else
        printTable(o, rows, fb, fo, cores, loadBefore, loadAfter, sameFilms);
    return sameFilms ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    cxr::keepFreedMemoryForReuse();  // what cxr does at start: measure what users run
    try {
        const Options o = parse(argc, argv);
        const auto env = dist::detectDistEnv();
        if (env)
            return rankMain(*env, o);
        return coordinatorMain(argv, o);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "dist_scaling_bench: %s\n", e.what());
        return 1;
    }
}
