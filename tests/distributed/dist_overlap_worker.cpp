// cxr_dist_overlap_worker: one rank of the overlapped-averaging tests. Started with torchrun's
// variables, it joins the process group, takes rank 0's initial weights and trains STEPS
// batches of its own films per phase through training::trainEpoch, each phase with its own
// trainable set (as the trainer's phases: "fc", "layer4+fc", "all") and a new SGD optimizer
// over what trains. MODE "after" averages with ProcessGroup::averageParameterGradients after
// the backward (25 MB buckets); "overlap" with a GradientReducer of BUCKET_BYTES, prepared at
// the start of each phase except the second, so that one shows the first step after a change
// falling back. Per phase it reports on stderr "rank R phase P buckets B in-backward X
// at-finish Y fallback Z" (overlap), each step "rank R step S"; rank 0 saves its parameters
// and their final gradients to OUT. Errors end it with exit 1 and the message.
//
//   cxr_dist_overlap_worker MODE OUT STEPS BUCKET_BYTES PHASES [PAUSE_MS]
//   PHASES: comma-separated, each "fc", "layer4+fc" or "all"
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include <torch/serialize.h>
#include <torch/utils.h>

#include "core/common/error.h"
#include "core/training/distributed/dist_env.h"
#include "core/training/distributed/gradient_reducer.h"
#include "core/training/distributed/process_group.h"
#include "core/training/epoch_loop.h"
#include "core/training/tensor_batch_source.h"
#include "dist_step_fixture.h"

namespace {

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, sep);)
        out.push_back(item);
    return out;
}

int run(int argc, char** argv) {
    using namespace cxr;
    if (argc < 6) {
        std::fprintf(stderr, "usage: cxr_dist_overlap_worker after|overlap OUT STEPS BUCKET_BYTES PHASES [PAUSE_MS]\n");
        return 2;
    }
    const std::string mode = argv[1];
    const std::string out = argv[2];
    const int steps = std::stoi(argv[3]);
    const auto bucketBytes = static_cast<std::size_t>(std::stoull(argv[4]));
    const auto phases = split(argv[5], ',');
    const int pauseMs = argc > 6 ? std::stoi(argv[6]) : 0;
    if (mode != "after" && mode != "overlap")
        throw Error(ErrorCode::InvalidInput, "MODE must be after or overlap, not " + mode);
    torch::set_num_threads(1);

    const auto env = training::dist::detectDistEnv();
    if (!env)
        throw Error(ErrorCode::InvalidInput, "cxr_dist_overlap_worker needs RANK/WORLD_SIZE in its environment");
    training::dist::ProcessGroup group;
    group.connect(*env);

    auto net = test::dist::makeNet(env->rank);
    std::vector<at::Tensor> state = net->parameters();
    for (const auto& b : net->buffers())
        state.push_back(b);
    group.broadcastFromRankZero(state);

    const int phaseCount = static_cast<int>(phases.size());
    const auto mine = test::dist::rankSlice(test::dist::stepData(steps * phaseCount), env->rank);
    auto reducer = std::make_shared<training::dist::GradientReducer>(group, bucketBytes);
    training::StepSettings settings;
    if (mode == "after")
        settings.afterBackward = [&group](model::ResNet18& n) { group.averageParameterGradients(n->parameters()); };
    else
        settings.afterBackward = [reducer](model::ResNet18& n) { reducer->finish(n->parameters()); };

    for (int p = 0; p < phaseCount; ++p) {
        const std::string& phase = phases[static_cast<std::size_t>(p)];
        if (phase == "fc")
            net->setTrainable({"fc"});
        else if (phase == "layer4+fc")
            net->setTrainable({"layer4", "fc"});
        else if (phase == "all")
            net->setTrainable({});
        else
            throw Error(ErrorCode::InvalidInput, "unknown phase " + phase);
        if (mode == "overlap" && p != 1)
            reducer->prepare(net->parameters());
        const auto before = reducer->counts();
        const int64_t first = static_cast<int64_t>(p) * steps * test::dist::kPerRank;
        const int64_t count = static_cast<int64_t>(steps) * test::dist::kPerRank;
        training::TensorBatchSource source(mine.images.narrow(0, first, count), mine.labels.narrow(0, first, count),
                                           test::dist::kPerRank);
        torch::optim::SGD optimizer(net->trainableParameters(), test::dist::sgdOptions());
        training::trainEpoch(
            net, optimizer, source, p, settings,
            [&](const training::BatchProgress& b) {
                std::fprintf(stderr, "rank %d step %zu\n", env->rank, b.batch);
                std::fflush(stderr);
                if (pauseMs > 0)
                    std::this_thread::sleep_for(std::chrono::milliseconds(pauseMs));
            },
            nullptr);
        if (mode == "overlap") {
            const auto after = reducer->counts();
            std::fprintf(stderr, "rank %d phase %d buckets %zu in-backward %zu at-finish %zu fallback %zu\n", env->rank,
                         p + 1, reducer->bucketCount(), after.bucketsInBackward - before.bucketsInBackward,
                         after.bucketsAtFinish - before.bucketsAtFinish, after.fallbackSteps - before.fallbackSteps);
        }
    }

    if (env->rank == 0) {
        std::vector<at::Tensor> saved;
        for (const auto& p : net->parameters())
            saved.push_back(p.detach());
        for (const auto& p : net->parameters())
            saved.push_back(p.grad().defined() ? p.grad().detach() : at::zeros_like(p));
        torch::save(saved, out);
    }
    group.barrier();  // rank 0's file is complete before any rank reports success
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cxr_dist_overlap_worker: %s\n", e.what());
        return 1;
    }
}
