#include "core/workflows/rank_device.h"

#include "core/common/error.h"
#include "core/model/device.h"
#include "core/training/distributed/process_group.h"

namespace cxr::workflows {

std::string rankDevice(const std::string& configured, const training::dist::DistEnv& env) {
    const std::string device = model::resolveDevice(configured);
    const std::string rank = "rank " + std::to_string(env.rank);
    if (device == "cpu") {
        if (env.backend == "nccl")
            throw Error(ErrorCode::InvalidInput, rank + ": the nccl backend reduces CUDA tensors, but this run trains "
                                                        "on the CPU: use --dist-backend gloo, or --device cuda");
        return device;
    }
    if (device != "cuda")
        throw Error(ErrorCode::InvalidInput, rank + ": device '" + configured +
                                                 "' names one GPU for every rank: use --device cuda (or auto) and each "
                                                 "rank takes the GPU of its local rank (LOCAL_RANK or SLURM_LOCALID)");
    if (env.backend != "nccl")
        throw Error(ErrorCode::Unsupported, rank + ": ranks that train on CUDA reduce their gradients with NCCL: "
                                                   "start them with --dist-backend nccl, or train on --device cpu");
    const int gpus = model::cudaDeviceCount();
    if (env.localRank >= gpus)
        throw Error(ErrorCode::InvalidInput, rank + " is local rank " + std::to_string(env.localRank) +
                                                 " on its node, which has " + std::to_string(gpus) +
                                                 " GPU(s): start at most one rank per GPU on each node");
    return "cuda:" + std::to_string(env.localRank);
}

std::string defaultBackend(const std::string& configured) {
    if (configured == "cpu" || !model::cudaAvailable())
        return "gloo";
    return training::dist::ProcessGroup::hasBackend("nccl") ? "nccl" : "gloo";
}

}  // namespace cxr::workflows
