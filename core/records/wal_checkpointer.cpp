#include "core/records/wal_checkpointer.h"

#include <sqlite3.h>

#include "core/common/logging.h"

namespace cxr::records::detail {

WalCheckpointer::WalCheckpointer(const std::filesystem::path& file, sqlite3* writer, int pages,
                                 std::recursive_mutex* writers)
    : m_writer(writer), m_writers(writers), m_pages(pages) {
    // A connection of its own: the writer's is busy with the writes, and SQLite lets a
    // checkpoint on one connection run beside commits on another.
    if (sqlite3_open_v2(file.c_str(), &m_own, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        logger()->debug("records: no checkpoint thread ({}); SQLite checkpoints on commit",
                        m_own ? sqlite3_errmsg(m_own) : "out of memory");
        sqlite3_close(m_own);
        m_own = nullptr;
        return;
    }
    sqlite3_busy_timeout(m_own, 200);  // readers of other programs, for a restart
    m_thread = std::thread([this] { loop(); });
    // From here on the writer's commits only report the log's size.
    sqlite3_wal_hook(m_writer, &WalCheckpointer::onCommit, this);
}

WalCheckpointer::~WalCheckpointer() {
    if (!m_thread.joinable())
        return;
    sqlite3_wal_hook(m_writer, nullptr, nullptr);
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
    sqlite3_close(m_own);
}

std::int64_t WalCheckpointer::checkpoints() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_checkpoints;
}

// Called by SQLite after each commit on the writer, the write lock already released: a note
// and a wake-up, never disk work.
int WalCheckpointer::onCommit(void* self, sqlite3*, const char*, int pages) {
    auto* me = static_cast<WalCheckpointer*>(self);
    me->m_lastPages.store(pages);
    if (pages >= me->m_pages) {
        {
            std::lock_guard<std::mutex> lock(me->m_mutex);
            me->m_due = true;
        }
        me->m_wake.notify_one();
    }
    return SQLITE_OK;
}

void WalCheckpointer::loop() {
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_due || m_stop; });
        if (m_stop)
            return;
        m_due = false;
        lock.unlock();
        // PASSIVE: copies what no reader still needs and returns; what it could not copy is
        // taken by the next one (the next commit past the limit asks again). The writer
        // restarts the log from its beginning once everything was copied.
        // A connection learns that the file is in WAL mode only by reading it; until then a
        // checkpoint is a no-op.
        sqlite3_exec(m_own, "PRAGMA schema_version", nullptr, nullptr, nullptr);
        int logPages = 0, copied = 0;
        int rc = SQLITE_OK;
        // A writer that never pauses (a bulk import) keeps appending while the copy runs, so
        // the log is never wholly copied and never restarts. Far past the limit, RESTART takes
        // the write lock and holds it for the copy: that writer waits once, the log restarts.
        // This process's writers queue on their mutex meanwhile; polling SQLite's lock against
        // a writer in a tight loop could miss it for ever. Already that far behind when woken,
        // it restarts at once instead of copying most of the log twice.
        const bool farBehind = m_lastPages.load() >= kRestartFactor * m_pages;
        if (!farBehind)
            rc = sqlite3_wal_checkpoint_v2(m_own, "main", SQLITE_CHECKPOINT_PASSIVE, &logPages, &copied);
        if (rc == SQLITE_OK && (farBehind || logPages >= kRestartFactor * m_pages)) {
            std::unique_lock<std::recursive_mutex> writers;
            if (m_writers)
                writers = std::unique_lock<std::recursive_mutex>(*m_writers);
            rc = sqlite3_wal_checkpoint_v2(m_own, "main", SQLITE_CHECKPOINT_RESTART, &logPages, &copied);
        }
        if (rc != SQLITE_OK && rc != SQLITE_BUSY)
            logger()->debug("records: checkpoint failed: {}", sqlite3_errmsg(m_own));
        lock.lock();
        ++m_checkpoints;
    }
}

}  // namespace cxr::records::detail
