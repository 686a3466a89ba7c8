#pragma once
// Precise BatchNorm statistics: before a validation pass, the running mean and variance of every
// BatchNorm that is training are re-estimated from the training batches the weights now see,
// each batch weighted equally, instead of the momentum-0.1 running averages. With few batches
// per epoch (a few hundred films) those averages still hold much of what the previous weights
// produced, so eval mode would score validation films with another network's statistics.
#include <cstddef>

#include "core/common/cancel_token.h"
#include "core/model/resnet18.h"
#include "core/training/batch_source.h"
#include "core/training/epoch_loop.h"

namespace cxr::training {

struct RecalibrationStats {
    std::size_t batches = 0, films = 0, layers = 0;
};

// Replays `globalEpoch` of `source` (its order and augmentation) through the net in train mode
// under NoGrad, for at most `maxFilms` films (whole batches; one-film batches skipped), with a
// cumulative average in every BatchNorm that train(true) puts in training mode (frozen ones,
// see setFreezeBatchNormStats, keep theirs). Momentum and the net's mode are restored afterwards,
// also when cancelled. Weights are untouched.
RecalibrationStats recalibrateBatchNorm(model::ResNet18& net, BatchSource& source, int globalEpoch,
                                        const StepSettings& settings, std::size_t maxFilms,
                                        const CancelToken* cancel);

}  // namespace cxr::training
