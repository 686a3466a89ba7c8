#pragma once
// WalCheckpointer: folds the write-ahead log back into the records file on a thread of its own,
// so that no recording pays for it. SQLite's own auto-checkpoint runs inside the commit that
// pushes the log past its limit (1,000 pages): one film in a few hundred took 10-20 ms instead
// of 0.1 ms. Here the writing connection only notes the log's size after each commit (SQLite's
// WAL hook, which also switches its auto-checkpoint off); past the limit this thread, on its own
// connection, runs a PASSIVE checkpoint, which never blocks writers or readers. Checkpoints are
// SQLite's own crash-safe operation, so a kill at any moment still loses nothing committed.
// Owns the thread and its connection; stops and joins in the destructor.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <thread>

struct sqlite3;

namespace cxr::records::detail {

class WalCheckpointer {
public:
    // The log size, in pages, past which a checkpoint is started (SQLite's default limit).
    static constexpr int kDefaultPages = 1000;
    // A log this many times the limit after a passive checkpoint is restarted (see loop()).
    static constexpr int kRestartFactor = 4;

    // `writer`: the open, writable connection to `file` whose commits are watched; it must
    // outlive this object. `writers`: the mutex this process's writes take, held by a
    // restarting checkpoint (may be null). When the thread's own connection cannot be opened,
    // the writer's auto-checkpoint is left on (the old behaviour) and active() is false.
    WalCheckpointer(const std::filesystem::path& file, sqlite3* writer, int pages = kDefaultPages,
                    std::recursive_mutex* writers = nullptr);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    bool active() const { return m_thread.joinable(); }
    // Checkpoints run so far (for tests and the benchmark).
    std::int64_t checkpoints() const;

private:
    static int onCommit(void* self, sqlite3* db, const char* schema, int pages);
    void loop();

    sqlite3* m_writer;
    std::recursive_mutex* m_writers;
    sqlite3* m_own = nullptr;
    int m_pages;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_due = false, m_stop = false;
    std::atomic<int> m_lastPages{0};  // the log's size after the writer's last commit
    std::int64_t m_checkpoints = 0;
    std::thread m_thread;
};

}  // namespace cxr::records::detail
