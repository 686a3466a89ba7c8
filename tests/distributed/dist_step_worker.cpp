// cxr_dist_step_worker: one rank of the exactness and fault tests. Started by the test with
// torchrun's variables (RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT, CXR_DIST_TIMEOUT), it joins
// the process group, takes rank 0's initial weights, and trains STEPS batches of its own films
// through training::trainEpoch with the gradients averaged in the afterBackward hook. Rank 0
// saves its final parameters to OUT. Each finished step is reported on stderr ("rank R step S")
// so the test can kill a rank mid-run; errors end it with exit 1 and the message.
//
//   cxr_dist_step_worker OUT STEPS [PAUSE_MS]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include <torch/serialize.h>
#include <torch/utils.h>

#include "core/common/error.h"
#include "core/training/distributed/dist_env.h"
#include "core/training/distributed/process_group.h"
#include "core/training/epoch_loop.h"
#include "core/training/tensor_batch_source.h"
#include "dist_step_fixture.h"

namespace {

int run(int argc, char** argv) {
    using namespace cxr;
    if (argc < 3) {
        std::fprintf(stderr, "usage: cxr_dist_step_worker OUT STEPS [PAUSE_MS]\n");
        return 2;
    }
    const std::string out = argv[1];
    const int steps = std::stoi(argv[2]);
    const int pauseMs = argc > 3 ? std::stoi(argv[3]) : 0;
    torch::set_num_threads(1);

    const auto env = training::dist::detectDistEnv();
    if (!env)
        throw Error(ErrorCode::InvalidInput, "cxr_dist_step_worker needs RANK/WORLD_SIZE in its environment");
    training::dist::ProcessGroup group;
    group.connect(*env);

    auto net = test::dist::makeNet(env->rank);
    std::vector<at::Tensor> state = net->parameters();
    for (const auto& b : net->buffers())
        state.push_back(b);
    group.broadcastFromRankZero(state);

    const auto mine = test::dist::rankSlice(test::dist::stepData(steps), env->rank);
    training::TensorBatchSource source(mine.images, mine.labels, test::dist::kPerRank);
    torch::optim::SGD optimizer(net->parameters(), test::dist::sgdOptions());
    training::StepSettings settings;
    settings.afterBackward = [&group](model::ResNet18& n) { group.averageParameterGradients(n->parameters()); };

    training::trainEpoch(
        net, optimizer, source, 0, settings,
        [&](const training::BatchProgress& p) {
            std::fprintf(stderr, "rank %d step %zu\n", env->rank, p.batch);
            std::fflush(stderr);
            if (pauseMs > 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(pauseMs));
        },
        nullptr);
    std::fprintf(stderr, "rank %d buckets %zu\n", env->rank, group.gradientBucketCalls());

    if (env->rank == 0)
        torch::save(net->parameters(), out);
    group.barrier();  // rank 0's file is complete before any rank reports success
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cxr_dist_step_worker: %s\n", e.what());
        return 1;
    }
}
