// The records file against real processes: a writer killed with SIGKILL in the middle of its
// batch leaves a database that opens, passes the integrity check and holds every record it
// reported, each whole; two writers at once both finish and nothing is lost.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <thread>

#include "core/records/records_db.h"
#include "records/records_samples.h"
#include "test_dirs.h"

namespace fs = std::filesystem;
using namespace cxr;
using namespace cxr::records;

namespace {

// records_writer as a child process, its stdout (one line per finished film) read here.
class Writer {
public:
    Writer(const fs::path& db, const std::string& tag, long count) {
        int fds[2];
        if (::pipe(fds) != 0)
            throw std::runtime_error("pipe failed");
        m_pid = ::fork();
        if (m_pid == 0) {
            ::dup2(fds[1], STDOUT_FILENO);
            ::close(fds[0]);
            ::close(fds[1]);
            const std::string countText = std::to_string(count);
            ::execl(CXR_RECORDS_WRITER, CXR_RECORDS_WRITER, db.c_str(), tag.c_str(), countText.c_str(),
                    static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::close(fds[1]);
        m_out = ::fdopen(fds[0], "r");
    }
    ~Writer() {
        if (m_pid > 0 && !m_reaped) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
        if (m_out)
            std::fclose(m_out);
    }
    // The index of the next film reported whole, or -1 at the end of its output.
    long next() {
        long index = -1;
        if (std::fscanf(m_out, "%ld", &index) != 1)
            return -1;
        return index;
    }
    void kill() {
        ::kill(m_pid, SIGKILL);
        wait();
    }
    int wait() {
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        m_reaped = true;
        return status;
    }

private:
    pid_t m_pid = -1;
    FILE* m_out = nullptr;
    bool m_reaped = false;
};

// Film TAG-i as the writer records it, checked field by field.
void expectWhole(RecordsDb& db, const std::string& tag, long i) {
    const std::string name = tag + "-" + std::to_string(i);
    const auto film = db.film(test::filmSha(name));
    ASSERT_TRUE(film) << name << " reported whole but missing";
    EXPECT_EQ(film->path, test::sampleFilm(name).path);
    const auto diagnoses = db.diagnosesOf(film->sha256);
    ASSERT_EQ(diagnoses.size(), 1u) << name;
    const auto expected = test::sampleDiagnosis(name, test::filmSha("model-" + tag), i % 3 == 0);
    EXPECT_EQ(diagnoses[0].probabilities, expected.probabilities) << name;
    EXPECT_EQ(diagnoses[0].label, expected.label) << name;
    EXPECT_EQ(diagnoses[0].timingsMs, expected.timingsMs) << name;
    EXPECT_EQ(db.verdictsOf(film->sha256).size(), i % 2 == 0 ? 1u : 0u) << name;
}

}  // namespace

TEST(RecordsProcesses, AWriterKilledMidBatchLeavesEveryRecordWhole) {
    const fs::path file = test::scratchDir() / "records.sqlite";
    long reported[3] = {-1, -1, -1};
    // Three kills at different depths into the batch, each writer on the last one's file.
    for (int round = 0; round < 3; ++round) {
        Writer writer(file, "k" + std::to_string(round), -1);
        const long target = 60 + 70 * round;
        for (long i; (i = writer.next()) >= 0;) {
            reported[round] = i;
            if (i >= target)
                break;
        }
        writer.kill();  // somewhere inside the next film's three transactions
        ASSERT_GE(reported[round], target) << "the writer stopped early";
    }

    auto db = RecordsDb::open(file);
    EXPECT_EQ(db->integrityCheck(), "ok");
    long films = 0;
    for (int round = 0; round < 3; ++round) {
        const std::string tag = "k" + std::to_string(round);
        // The writer ran on between the line read here and the kill: its films form an unbroken
        // run TAG-0..TAG-last, each one whole but the last, which may lack its diagnosis or
        // verdict (killed between those transactions), never half of one.
        long last = reported[round];
        while (db->film(test::filmSha(tag + "-" + std::to_string(last + 1))))
            ++last;
        for (long i = 0; i < std::max(last, reported[round] + 1); ++i)  // reported ones whole too
            expectWhole(*db, tag, i);
        const std::string lastSha = test::filmSha(tag + "-" + std::to_string(last));
        EXPECT_LE(db->diagnosesOf(lastSha).size(), 1u);
        EXPECT_LE(db->verdictsOf(lastSha).size(), last % 2 == 0 ? 1u : 0u);
        films += last + 1;
    }
    // Every row there is readable in full (a half-written one would fail to parse), and there is
    // nothing but those runs.
    const auto rows = db->worklist();
    EXPECT_EQ(static_cast<long>(rows.size()), films);
    for (const auto& row : rows) {
        for (const auto& d : db->diagnosesOf(row.film.sha256))
            EXPECT_EQ(d.classes.size(), d.probabilities.size());
    }
    db->recordFilm(test::sampleFilm("after"));  // and it takes new records
}

TEST(RecordsProcesses, TwoWritersAtOnceBothFinishAndNothingIsLost) {
    const fs::path file = test::scratchDir() / "records.sqlite";
    RecordsDb::open(file);  // made first, so both writers find the schema
    constexpr long kEach = 300;
    Writer p(file, "p", kEach), q(file, "q", kEach);
    long lastP = -1, lastQ = -1;
    for (long i; (i = p.next()) >= 0;)
        lastP = i;
    for (long i; (i = q.next()) >= 0;)
        lastQ = i;
    const int statusP = p.wait(), statusQ = q.wait();
    EXPECT_TRUE(WIFEXITED(statusP) && WEXITSTATUS(statusP) == 0) << "status " << statusP;
    EXPECT_TRUE(WIFEXITED(statusQ) && WEXITSTATUS(statusQ) == 0) << "status " << statusQ;
    EXPECT_EQ(lastP, kEach - 1);
    EXPECT_EQ(lastQ, kEach - 1);

    auto db = RecordsDb::open(file);
    EXPECT_EQ(db->integrityCheck(), "ok");
    EXPECT_EQ(db->worklist().size(), static_cast<size_t>(2 * kEach));
    EXPECT_EQ(db->models().size(), 2u);
    size_t verdicts = 0;
    for (const auto& row : db->worklist())
        verdicts += db->verdictsOf(row.film.sha256).size();
    EXPECT_EQ(verdicts, static_cast<size_t>(kEach));  // every other film of each writer
    expectWhole(*db, "p", 0);
    expectWhole(*db, "q", kEach - 1);
}

TEST(RecordsProcesses, TwoProgramsCreatingTheFileAtOnceBothWork) {
    // Two CXR Studio windows started together on a new profile: both make, switch to WAL and
    // migrate the same new file; one waits for the other instead of failing.
    const fs::path dir = test::scratchDir();
    for (int attempt = 0; attempt < 5; ++attempt) {
        const fs::path file = dir / ("records-" + std::to_string(attempt) + ".sqlite");
        Writer p(file, "p", 20), q(file, "q", 20);
        while (p.next() >= 0) {
        }
        while (q.next() >= 0) {
        }
        const int statusP = p.wait(), statusQ = q.wait();
        ASSERT_TRUE(WIFEXITED(statusP) && WEXITSTATUS(statusP) == 0) << "attempt " << attempt << " status " << statusP;
        ASSERT_TRUE(WIFEXITED(statusQ) && WEXITSTATUS(statusQ) == 0) << "attempt " << attempt << " status " << statusQ;
        auto db = RecordsDb::open(file);
        EXPECT_EQ(db->integrityCheck(), "ok");
        EXPECT_EQ(db->worklist().size(), 40u);
    }
}
