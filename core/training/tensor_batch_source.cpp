#include "core/training/tensor_batch_source.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <vector>

#include <torch/types.h>

#include "core/common/error.h"

namespace cxr::training {

TensorBatchSource::TensorBatchSource(at::Tensor images, at::Tensor labels, int batchSize, bool shuffle,
                                     std::uint64_t seed)
    : m_images(std::move(images)), m_labels(std::move(labels)), m_batchSize(batchSize), m_shuffle(shuffle),
      m_seed(seed) {
    if (m_images.dim() != 4 || m_labels.dim() != 1 || m_images.size(0) != m_labels.size(0) ||
        m_images.size(0) == 0 || batchSize < 1)
        throw Error(ErrorCode::InvalidInput, "TensorBatchSource: need images [N,C,S,S], labels [N], N > 0");
    m_order = torch::arange(m_images.size(0), torch::kLong);
}

void TensorBatchSource::startEpoch(int epoch) {
    m_position = 0;
    if (m_shuffle) {
        std::vector<int64_t> order(static_cast<std::size_t>(m_images.size(0)));
        std::iota(order.begin(), order.end(), 0);
        std::mt19937_64 rng(m_seed * 1000003ULL + static_cast<std::uint64_t>(epoch));
        std::shuffle(order.begin(), order.end(), rng);
        m_order = torch::tensor(order, torch::kLong);
    }
}

std::optional<data::Batch> TensorBatchSource::next() {
    const auto n = static_cast<std::size_t>(m_images.size(0));
    if (m_position >= n)
        return std::nullopt;
    const auto end = std::min(n, m_position + static_cast<std::size_t>(m_batchSize));
    auto idx = m_order.slice(0, static_cast<int64_t>(m_position), static_cast<int64_t>(end));
    // The tensors may live on the GPU (benchmarks); the order is kept on the CPU.
    const auto idxOnDevice = idx.to(m_images.device());
    data::Batch b;
    b.images = m_images.index_select(0, idxOnDevice);
    b.labels = m_labels.index_select(0, idx.to(m_labels.device()));
    const auto* p = idx.data_ptr<int64_t>();
    for (int64_t i = 0; i < idx.size(0); ++i)
        b.indices.push_back(static_cast<std::size_t>(p[i]));
    m_position = end;
    return b;
}

std::size_t TensorBatchSource::batchesPerEpoch() const {
    const auto n = static_cast<std::size_t>(m_images.size(0));
    return (n + m_batchSize - 1) / m_batchSize;
}

std::size_t TensorBatchSource::size() const { return static_cast<std::size_t>(m_images.size(0)); }

}  // namespace cxr::training
