#include "core/model/device.h"

#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/version.h>

#include <sched.h>

#include <algorithm>
#include <thread>

#include "core/common/error.h"

namespace cxr::model {

bool cudaAvailable() { return torch::cuda::is_available(); }

int cudaDeviceCount() { return cudaAvailable() ? static_cast<int>(torch::cuda::device_count()) : 0; }

std::string resolveDevice(const std::string& requested) {
    if (requested == "auto")
        return cudaAvailable() ? "cuda" : "cpu";
    if (requested == "cpu")
        return "cpu";
    if (requested == "cuda" || requested.rfind("cuda:", 0) == 0) {
        if (!cudaAvailable())
            throw Error(ErrorCode::InvalidInput,
                        "device '" + requested + "' requested, but this LibTorch (" + torchVersion() +
                            ") sees no CUDA device; use --device cpu or auto");
        return requested;
    }
    throw Error(ErrorCode::InvalidInput,
                "unknown device '" + requested + "' (expected auto, cpu, cuda or cuda:N)");
}

Notice deviceDescription(const std::string& device) {
    if (device.rfind("cuda", 0) == 0)
        return Notice("device.cuda").integer("devices", torch::cuda::device_count());
    return Notice("device.cpu").integer("threads", at::get_num_threads());
}

std::string torchVersion() { return TORCH_VERSION; }

unsigned usableCores() {
    // The CPUs this process may run on (taskset, cgroups' cpusets), not the machine's total:
    // oversubscribing a 2-core pin with 16 threads halves training speed.
    cpu_set_t set;
    CPU_ZERO(&set);
    if (::sched_getaffinity(0, sizeof set, &set) == 0) {
        const int n = CPU_COUNT(&set);
        if (n > 0)
            return static_cast<unsigned>(n);
    }
    return std::max(1u, std::thread::hardware_concurrency());
}

void initTorchThreads() {
    at::init_num_threads();
    const unsigned cores = usableCores();
    if (cores > 0 && at::get_num_threads() != static_cast<int>(cores))
        at::set_num_threads(static_cast<int>(cores));
}

}  // namespace cxr::model
