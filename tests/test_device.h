#pragma once
// The device the ml tests compute on: the CPU unless CXR_TEST_DEVICE names another ("cuda",
// "cuda:1"). scripts/gpu-check sets it so the same suites prove the CUDA path on a GPU server.
#include <cstdlib>
#include <string>

#include <c10/core/Device.h>

namespace cxr::test {

inline c10::Device testDevice() {
    const char* requested = std::getenv("CXR_TEST_DEVICE");
    return c10::Device(requested && *requested ? std::string(requested) : std::string("cpu"));
}

}  // namespace cxr::test
