#include "core/workflows/arrival_diagnosis.h"

#include "core/common/error.h"

namespace cxr::workflows {

ArrivalDiagnosis::ArrivalDiagnosis(const diagnosis::Diagnoser& diagnoser, diagnosis::DiagnoseOptions options,
                                   std::function<void(const ArrivalResult&)> onResult)
    : m_diagnoser(diagnoser), m_options(std::move(options)), m_onResult(std::move(onResult)) {
    m_worker = std::thread([this] { run(); });
}

ArrivalDiagnosis::~ArrivalDiagnosis() { stop(false); }

void ArrivalDiagnosis::add(const pacs::ReceivedInstance& instance, const std::string& callingAeTitle,
                           Clock::time_point arrival) {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_queue.push_back({instance, callingAeTitle, arrival});
    }
    m_wake.notify_one();
}

void ArrivalDiagnosis::stop(bool drain) {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
        m_drain = drain;
    }
    m_wake.notify_one();
    if (m_worker.joinable()) m_worker.join();
}

size_t ArrivalDiagnosis::pending() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_queue.size() + m_busy;
}

ArrivalResult ArrivalDiagnosis::process(const Item& item) const {
    ArrivalResult r;
    r.instance = item.instance;
    r.callingAeTitle = item.caller;
    if (!item.instance.diagnosable) {
        r.reason = item.instance.note;
    } else {
        try {
            r.diagnosis = m_diagnoser.diagnoseFile(item.instance.file, m_options);
            r.diagnosed = true;
        } catch (const std::exception& e) {
            // A film that decodes badly or that the model refuses is reported, never fatal:
            // the listener keeps receiving.
            r.reason = e.what();
        }
    }
    r.delayMs = std::chrono::duration<double, std::milli>(Clock::now() - item.arrival).count();
    return r;
}

void ArrivalDiagnosis::run() {
    while (true) {
        Item item;
        bool skip = false;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty()) return;  // stopping, nothing left
            item = std::move(m_queue.front());
            m_queue.pop_front();
            ++m_busy;
            skip = m_stopping && !m_drain;
        }
        ArrivalResult result;
        if (skip) {
            result.instance = item.instance;
            result.callingAeTitle = item.caller;
            result.reason = "stopped before it was diagnosed";
        } else {
            result = process(item);
        }
        try {
            if (m_onResult) m_onResult(result);
        } catch (...) {
            // A reporting failure (a closed pipe) must not end the worker with objects queued.
        }
        std::lock_guard<std::mutex> lock(m_mutex);
        --m_busy;
    }
}

}  // namespace cxr::workflows
