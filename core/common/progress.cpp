#include "core/common/progress.h"

namespace cxr {

void EtaEstimator::start(std::size_t total) {
    m_start = Clock::now();
    m_total = total;
    m_rate = 0;
}

double EtaEstimator::update(std::size_t done) {
    const double elapsed = elapsedSeconds();
    if (done == 0 || elapsed <= 0)
        return -1;
    const double rate = static_cast<double>(done) / elapsed;
    m_rate = m_rate == 0 ? rate : 0.7 * m_rate + 0.3 * rate;
    if (done >= m_total)
        return 0;
    return static_cast<double>(m_total - done) / m_rate;
}

double EtaEstimator::elapsedSeconds() const {
    return std::chrono::duration<double>(Clock::now() - m_start).count();
}

}  // namespace cxr
