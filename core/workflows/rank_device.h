#pragma once
// Where one rank of a data-parallel run trains, and whether its process group can reduce there:
// on CUDA each rank takes the GPU of its local rank and reduces with NCCL; on the CPU, Gloo.
#include <string>

#include "core/training/distributed/dist_env.h"

namespace cxr::workflows {

// "cpu" or "cuda:<local rank>" for the configured device ("auto", "cpu", "cuda"). Throws
// cxr::Error: InvalidInput for "cuda:N" (one GPU named for every rank), for a local rank with no
// GPU of its own, or for nccl on the CPU; Unsupported for CUDA ranks on gloo.
std::string rankDevice(const std::string& configured, const training::dist::DistEnv& env);

// The backend a launch uses when none was given: nccl when the configured device resolves to
// CUDA and this build has NCCL, else gloo.
std::string defaultBackend(const std::string& configured);

}  // namespace cxr::workflows
