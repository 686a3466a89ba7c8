#pragma once
// Shared fixture: a training configuration small enough for a test to train every phase in
// seconds on a CPU — the trainer's, the workflows' and the wizard's tests start from it and
// change only what they test.
#include <cstdlib>

#include "core/training/training_config.h"

namespace cxr::test {

// `imageSize` px input (the film cache at `workingSize`, the same when 0), batch 8, one thread
// (tiny tensors: hand-offs would cost more than the work), fp32 on CPU whatever the processor so
// compared figures match on every machine (bf16 on CUDA: CXR_TEST_DEVICE=cuda runs the same
// tests on a GPU), `epochsPerPhase` epochs in each of the default plan's phases, patience 5 so
// no phase stops early unless a test asks.
inline training::TrainingConfig tinyTrainingConfig(int imageSize = 32, int epochsPerPhase = 1, int workingSize = 0) {
    training::TrainingConfig c;
    const char* device = std::getenv("CXR_TEST_DEVICE");
    c.device = device ? device : "cpu";
    c.imageSize = imageSize;
    c.workingSize = workingSize > 0 ? workingSize : imageSize;
    c.batchSize = 8;
    c.workers = 0;
    c.threads = 1;
    c.precision = "auto-cuda";
    for (auto& p : c.phases) {
        p.epochs = epochsPerPhase;
        p.patience = 5;
    }
    return c;
}

}  // namespace cxr::test
