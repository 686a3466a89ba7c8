#pragma once
// CancelToken: the shared, atomic "stop now" flag every long task polls. The UI or a signal
// handler sets it; the task notices within one unit of work and throws ErrorCode::Cancelled.
#include <atomic>
#include <memory>

namespace cxr {

class CancelToken {
public:
    void cancel() noexcept { m_cancelled.store(true, std::memory_order_relaxed); }
    void reset() noexcept { m_cancelled.store(false, std::memory_order_relaxed); }
    bool isCancelled() const noexcept { return m_cancelled.load(std::memory_order_relaxed); }
    // Throws cxr::Error(Cancelled) when cancelled; `what` names the task for the message.
    void throwIfCancelled(const char* what = "task") const;

private:
    std::atomic<bool> m_cancelled{false};
};

using CancelTokenPtr = std::shared_ptr<CancelToken>;

}  // namespace cxr
