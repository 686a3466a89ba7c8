#pragma once
// BatchSource: where the trainer gets its batches. The product feeds it from the film cache
// through data::BatchLoader (LoaderBatchSource); tests and the benchmark feed it tensors held
// in memory (TensorBatchSource), so the trainer is exercised without any image decoding.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>

#include <ATen/core/Tensor.h>

#include "data/batch_loader.h"

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

class LoaderBatchSource : public BatchSource {
public:
    explicit LoaderBatchSource(std::unique_ptr<data::BatchLoader> loader);
    void startEpoch(int epoch) override;
    std::optional<data::Batch> next() override;
    std::size_t batchesPerEpoch() const override;
    std::size_t size() const override;

private:
    std::unique_ptr<data::BatchLoader> m_loader;
};

// images [N,C,S,S] float (already normalised), labels [N] int64.
class TensorBatchSource : public BatchSource {
public:
    TensorBatchSource(at::Tensor images, at::Tensor labels, int batchSize, bool shuffle = false,
                      std::uint64_t seed = 42);
    void startEpoch(int epoch) override;
    std::optional<data::Batch> next() override;
    std::size_t batchesPerEpoch() const override;
    std::size_t size() const override;

private:
    at::Tensor m_images, m_labels, m_order;
    int m_batchSize;
    bool m_shuffle;
    std::uint64_t m_seed;
    std::size_t m_position = 0;
};

}  // namespace cxr::training
