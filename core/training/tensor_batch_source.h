#pragma once
// TensorBatchSource: batches cut from tensors held in memory (tests, benchmark), optionally
// shuffled per epoch from a seed.
#include <cstdint>

#include "core/training/batch_source.h"

namespace cxr::training {

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
