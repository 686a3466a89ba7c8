#pragma once
// The few LibTorch API differences between Debian's 1.13 and the 2.x CUDA builds, in one place.
#include <torch/version.h>

#define CXR_TORCH_VERSION_AT_LEAST(major, minor) \
    (TORCH_VERSION_MAJOR > (major) || (TORCH_VERSION_MAJOR == (major) && TORCH_VERSION_MINOR >= (minor)))
