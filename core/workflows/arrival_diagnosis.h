#pragma once
// ArrivalDiagnosis: diagnoses objects as a listener stores them. The listener's association
// threads only hand each stored object over (add(): a queue, never blocks on the model); one
// worker thread diagnoses them in arrival order and reports every object, diagnosed or not,
// with the delay from its arrival to its diagnosis. `cxr listen --model` and its benchmark use
// it; the GUI hands arrivals to its triage list, which diagnoses them like films it opened.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "core/diagnosis/diagnoser.h"
#include "core/pacs/instance_store.h"

namespace cxr::workflows {

// What became of one received object.
struct ArrivalResult {
    pacs::ReceivedInstance instance;
    std::string callingAeTitle;
    bool diagnosed = false;
    diagnosis::Diagnosis diagnosis;  // when diagnosed
    std::string reason;              // why not, when not (the instance's note, or the error)
    double delayMs = 0;              // from arrival (stored) to the end of its diagnosis
};

// Owns the queue and the worker thread; borrows the Diagnoser (which must outlive it).
class ArrivalDiagnosis {
public:
    using Clock = std::chrono::steady_clock;
    // `onResult` runs on the worker thread, once per object added, in arrival order.
    ArrivalDiagnosis(const diagnosis::Diagnoser& diagnoser, diagnosis::DiagnoseOptions options,
                     std::function<void(const ArrivalResult&)> onResult);
    ~ArrivalDiagnosis();  // stop(false)
    ArrivalDiagnosis(const ArrivalDiagnosis&) = delete;
    ArrivalDiagnosis& operator=(const ArrivalDiagnosis&) = delete;

    // Queues a stored object (any thread; returns at once). `arrival`: when it was stored.
    void add(const pacs::ReceivedInstance& instance, const std::string& callingAeTitle,
             Clock::time_point arrival = Clock::now());
    // Ends the worker. drain = true: every queued object is diagnosed first; false: the one
    // under way finishes and the rest are reported as not diagnosed ("stopped before ...").
    void stop(bool drain);
    // Objects added and not yet reported.
    size_t pending() const;

private:
    struct Item {
        pacs::ReceivedInstance instance;
        std::string caller;
        Clock::time_point arrival;
    };
    void run();
    ArrivalResult process(const Item& item) const;

    const diagnosis::Diagnoser& m_diagnoser;
    diagnosis::DiagnoseOptions m_options;
    std::function<void(const ArrivalResult&)> m_onResult;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Item> m_queue;
    size_t m_busy = 0;  // items taken off the queue and not yet reported
    bool m_stopping = false, m_drain = true;
    std::thread m_worker;
};

}  // namespace cxr::workflows
