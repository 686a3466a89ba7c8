#pragma once
// Compute-device choice ("auto", "cpu", "cuda") and LibTorch facts for About boxes and logs.
// Kept free of <torch/torch.h> so front ends can ask without the heavy include.
#include <string>

#include "core/common/notice.h"

namespace cxr::model {

bool cudaAvailable();
// The CUDA devices this LibTorch sees (0 without CUDA).
int cudaDeviceCount();
// "cpu", "cuda" or "cuda:N"; "auto" picks CUDA when present. Throws InvalidInput for
// anything else, and for "cuda" when this LibTorch has no usable CUDA device.
std::string resolveDevice(const std::string& requested);
// device.cpu with the threads LibTorch uses, or device.cuda with the devices it sees.
Notice deviceDescription(const std::string& device);
std::string torchVersion();
// LibTorch 1.13 defaults to half the cores; call once at start-up and first in every
// worker thread that runs LibTorch (OpenMP thread counts are per thread).
void initTorchThreads();
// CPUs this process may use (its affinity mask), at least 1.
unsigned usableCores();

}  // namespace cxr::model
