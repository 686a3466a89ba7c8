#include "core/training/loader_batch_source.h"

#include "core/common/error.h"

namespace cxr::training {

LoaderBatchSource::LoaderBatchSource(std::unique_ptr<data::BatchLoader> loader) : m_loader(std::move(loader)) {
    if (!m_loader)
        throw Error(ErrorCode::Internal, "LoaderBatchSource needs a loader");
}
void LoaderBatchSource::startEpoch(int epoch) { m_loader->startEpoch(epoch); }
std::optional<data::Batch> LoaderBatchSource::next() { return m_loader->next(); }
std::size_t LoaderBatchSource::batchesPerEpoch() const { return m_loader->batchesPerEpoch(); }
std::size_t LoaderBatchSource::size() const { return m_loader->size(); }

}  // namespace cxr::training
