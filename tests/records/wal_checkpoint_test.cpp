// The write-ahead log is folded into the records file by the checkpoint thread, not by the
// commit that pushes it past its limit (that commit took 10-20 ms instead of 0.1 ms), and it
// still is folded in: the log stays bounded over thousands of one-transaction writes.
#include <gtest/gtest.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <chrono>
#include <string>
#include <thread>

#include "core/records/records_db.h"
#include "core/records/wal_checkpointer.h"
#include "records/records_samples.h"
#include "test_dirs.h"

namespace fs = std::filesystem;
using namespace cxr;
using namespace cxr::records;

namespace {

constexpr std::uintmax_t kPage = 4096;

std::uintmax_t walPages(const fs::path& db) {
    std::error_code ec;
    const auto size = fs::file_size(fs::path(db.string() + "-wal"), ec);
    return ec ? 0 : size / kPage;
}

// One connection in WAL mode writing ~2 pages per transaction.
struct Writer {
    // The busy timeout RecordsDb uses: a restarting checkpoint holds the write lock a moment.
    explicit Writer(const fs::path& file)
        : db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 5000) {
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = NORMAL");
        db.exec("CREATE TABLE t (x BLOB)");
    }
    void commits(int n) {
        for (int i = 0; i < n; ++i) {
            SQLite::Transaction t(db);
            db.exec("INSERT INTO t VALUES (randomblob(6000))");
            t.commit();
        }
    }
    SQLite::Database db;
};

bool waitFor(const std::function<bool()>& done) {
    for (int i = 0; i < 200 && !done(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    return done();
}

}  // namespace

// With the checkpointer attached the writer's commits no longer checkpoint: past SQLite's own
// limit of 1,000 pages the log keeps growing while the thread is told to wait for more.
TEST(WalCheckpoint, TheCommitNoLongerCheckpointsItself) {
    const fs::path file = test::scratchDir() / "hooked.sqlite";
    Writer w(file);
    detail::WalCheckpointer checkpointer(file, w.db.getHandle(), 1000000);
    ASSERT_TRUE(checkpointer.active());
    w.commits(800);  // ~1,600 pages
    EXPECT_GT(walPages(file), 1200u) << "a commit checkpointed the log";
    EXPECT_EQ(checkpointer.checkpoints(), 0);
}

// Past its limit the thread checkpoints, and the writer then starts the log from its beginning:
// with writes arriving in bursts (films come one diagnosis apart) the log never grows much
// past the limit, however much is written in all.
TEST(WalCheckpoint, TheThreadFoldsTheLogInPastItsLimit) {
    const fs::path file = test::scratchDir() / "folded.sqlite";
    Writer w(file);
    detail::WalCheckpointer checkpointer(file, w.db.getHandle(), 100);
    for (int burst = 1; burst <= 20; ++burst) {
        const auto before = checkpointer.checkpoints();
        w.commits(50);  // ~150 pages: past the limit
        ASSERT_TRUE(waitFor([&] { return checkpointer.checkpoints() > before; })) << "burst " << burst;
        // The pause between films: the checkpoint asked for by the burst's last commit is done.
        for (auto seen = checkpointer.checkpoints();; seen = checkpointer.checkpoints()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            if (checkpointer.checkpoints() == seen)
                break;
        }
    }
    EXPECT_LT(walPages(file), 400u) << "the log was not folded in";  // 3,000 pages written in all
    // Everything committed is there and the file is whole.
    EXPECT_EQ(w.db.execAndGet("SELECT count(*) FROM t").getInt(), 1000);
    EXPECT_EQ(w.db.execAndGet("PRAGMA integrity_check").getString(), "ok");
}

// Through RecordsDb: thousands of films recorded one transaction each, back to back (faster than
// any diagnosis), leave a bounded log (unchecked it grows to ~7 pages a film: 35,000 here; the
// restarting checkpoint keeps it to a few thousand, more on a loaded machine), and a second
// connection reading sees every record.
TEST(WalCheckpoint, RecordsDbKeepsItsLogBounded) {
    const fs::path file = test::scratchDir() / "records.sqlite";
    auto db = RecordsDb::open(file);
    const std::string model = test::filmSha("model-a");
    for (int i = 0; i < 5000; ++i) {
        const std::string name = "film-" + std::to_string(i);
        db->recordFilm(test::sampleFilm(name));
        db->recordDiagnosis(test::sampleDiagnosis(name, model, i % 2 == 0));
    }
    EXPECT_LT(walPages(file), 15000u) << "the log grew without checkpoints";
    RecordsOptions readOnly;
    readOnly.readOnly = true;
    EXPECT_EQ(RecordsDb::open(file, readOnly)->worklist().size(), 5000u);
    db.reset();
    EXPECT_EQ(RecordsDb::open(file)->integrityCheck(), "ok");
}
