#pragma once
// LoaderBatchSource: batches from the memory-mapped film cache through data::BatchLoader's
// worker threads (augmentation and prefetch on the CPU).
#include <memory>

#include "core/data/batch_loader.h"
#include "core/training/batch_source.h"

namespace cxr::training {

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

}  // namespace cxr::training
