#pragma once
// BatchSource: where the trainer gets its batches. The product feeds it from the film cache
// through data::BatchLoader (LoaderBatchSource); tests and the benchmark feed it tensors held
// in memory (TensorBatchSource), so the trainer is exercised without any image decoding; on
// CUDA the films live on the GPU (DeviceBatchSource).
#include <cstddef>
#include <cstdint>
#include <optional>

#include <ATen/core/Tensor.h>

#include "core/data/batch_loader.h"

namespace cxr::training {

class BatchSource {
public:
    virtual ~BatchSource() = default;
    // `epoch` counts across the whole run, so each epoch of each phase draws its own order and
    // augmentation, and a resumed run draws the same ones again.
    virtual void startEpoch(int epoch) = 0;
    virtual std::optional<data::Batch> next() = 0;
    virtual std::size_t batchesPerEpoch() const = 0;
    virtual std::size_t size() const = 0;  // films per epoch
};

}  // namespace cxr::training
