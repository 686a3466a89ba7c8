// The records file in trouble: read-only, locked by another program, written by a newer
// version, not a database, damaged. Each gives a cxr::Error that names the file and says why.
#include <gtest/gtest.h>

#include <SQLiteCpp/Database.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "core/common/error.h"
#include "core/records/records_db.h"
#include "records/records_samples.h"
#include "test_dirs.h"

namespace fs = std::filesystem;
using namespace cxr;
using namespace cxr::records;

namespace {

std::string bytesOf(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void makeRecords(const fs::path& file, int films) {
    auto db = RecordsDb::open(file);
    for (int i = 0; i < films; ++i) {
        const std::string name = "film-" + std::to_string(i);
        db->recordFilm(test::sampleFilm(name));
        db->recordDiagnosis(test::sampleDiagnosis(name, test::filmSha("model"), i % 2 == 0));
    }
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The read-only checks, run as a user who may not write the file (root writes anything, so a
// root test drops to "nobody" in a child process). Returns what went wrong, empty when all held.
std::string readOnlyChecks(const fs::path& file) {
    std::string wrong;
    try {
        auto db = RecordsDb::open(file);  // writing asked for, not possible
        if (db->writable())
            wrong += "writable() is true; ";
        if (db->worklist().size() != 3)
            wrong += "the worklist did not read 3 films; ";
        if (!db->film(test::filmSha("film-1")))
            wrong += "film-1 not read; ";
        try {
            db->recordFilm(test::sampleFilm("new"));
            wrong += "recordFilm did not throw; ";
        } catch (const Error& e) {
            if (e.code() != ErrorCode::Io || !contains(e.what(), "is read-only") ||
                !contains(e.what(), file.string()))
                wrong += std::string("unclear error: ") + e.what() + "; ";
        }
        RecordsOptions readOnly;
        readOnly.readOnly = true;
        if (RecordsDb::open(file, readOnly)->worklist().size() != 3)
            wrong += "read-only open did not read 3 films; ";
    } catch (const std::exception& e) {
        wrong += std::string("threw: ") + e.what();
    }
    return wrong;
}

void expectReadOnlyWorks(const fs::path& file) {
    int pipeFds[2];
    ASSERT_EQ(::pipe(pipeFds), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::close(pipeFds[0]);
        if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0))
            ::_exit(3);
        const std::string wrong = readOnlyChecks(file);
        if (!wrong.empty() && ::write(pipeFds[1], wrong.data(), wrong.size()) < 0)
            ::_exit(4);
        ::_exit(wrong.empty() ? 0 : 1);
    }
    ::close(pipeFds[1]);
    std::string report;
    char buffer[512];
    for (ssize_t n; (n = ::read(pipeFds[0], buffer, sizeof buffer)) > 0;)
        report.append(buffer, static_cast<size_t>(n));
    ::close(pipeFds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "status " << status << ": " << report;
}

}  // namespace

TEST(RecordsFiles, AReadOnlyFileIsReadAndWritesSaySo) {
    const fs::path dir = test::scratchDir();
    // In a folder the user may write (SQLite makes its shared-memory file there) and in one the
    // user may not (the file is then read as it is).
    for (const auto& [folder, mode] : {std::pair{"open-folder", 0777}, std::pair{"closed-folder", 0555}}) {
        SCOPED_TRACE(folder);
        const fs::path file = dir / folder / "records.sqlite";
        makeRecords(file, 3);
        ASSERT_EQ(::chmod(file.c_str(), 0444), 0);
        ASSERT_EQ(::chmod(file.parent_path().c_str(), static_cast<mode_t>(mode)), 0);
        expectReadOnlyWorks(file);
        ::chmod(file.parent_path().c_str(), 0755);
        ::chmod(file.c_str(), 0644);
        EXPECT_EQ(RecordsDb::open(file)->integrityCheck(), "ok");
    }
}

TEST(RecordsFiles, ALockedFileIsReportedAfterTheBusyTimeout) {
    const fs::path file = test::scratchDir() / "records.sqlite";
    makeRecords(file, 2);
    SQLite::Database other(file.string(), SQLite::OPEN_READWRITE);
    other.exec("BEGIN EXCLUSIVE");  // another program in the middle of its writes

    RecordsOptions options;
    options.busyTimeoutMs = 300;
    auto db = RecordsDb::open(file, options);
    EXPECT_EQ(db->worklist().size(), 2u) << "reading goes on while another program writes";
    const auto start = std::chrono::steady_clock::now();
    try {
        db->recordFilm(test::sampleFilm("blocked"));
        ADD_FAILURE() << "the write went through a held lock";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Io);
        EXPECT_TRUE(contains(e.what(), "is locked by another program")) << e.what();
        EXPECT_TRUE(contains(e.what(), file.string())) << e.what();
    }
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(250)) << "it did not wait";
    other.exec("ROLLBACK");
    db->recordFilm(test::sampleFilm("after"));  // the lock gone, writing works again
    EXPECT_TRUE(db->film(test::filmSha("after")));
    EXPECT_FALSE(db->film(test::filmSha("blocked")));
}

TEST(RecordsFiles, ANewerSchemaIsRefusedAndLeftUnchanged) {
    const fs::path file = test::scratchDir() / "records.sqlite";
    {
        SQLite::Database newer(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        newer.exec("CREATE TABLE films (id INTEGER PRIMARY KEY, sha256 TEXT, shape TEXT)");
        newer.exec("INSERT INTO films (sha256, shape) VALUES ('abc', 'from the future')");
        newer.exec("PRAGMA user_version = " + std::to_string(RecordsDb::kSchemaVersion + 1));
    }
    const std::string before = bytesOf(file);
    RecordsOptions readOnly;
    readOnly.readOnly = true;
    for (const auto& options : {RecordsOptions{}, readOnly}) {
        try {
            RecordsDb::open(file, options);
            ADD_FAILURE() << "a newer database was opened";
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::Unsupported) << e.what();
            EXPECT_TRUE(contains(e.what(), file.string())) << e.what();
            EXPECT_TRUE(contains(e.what(), "newer")) << e.what();
        }
    }
    EXPECT_EQ(bytesOf(file), before) << "the newer database was altered";
    EXPECT_FALSE(fs::exists(file.string() + "-wal"));
    EXPECT_EQ(std::distance(fs::directory_iterator(file.parent_path()), fs::directory_iterator()), 1)
        << "something was set aside or made next to it";
}

TEST(RecordsFiles, AFileThatIsNotADatabaseIsMovedAsideAndReported) {
    const fs::path dir = test::scratchDir();
    const fs::path file = dir / "records.sqlite";
    std::string garbage;
    for (int i = 0; i < 200; ++i)
        garbage += "this is a note, not a database. ";
    std::ofstream(file, std::ios::binary) << garbage;
    fs::path aside;
    try {
        RecordsDb::open(file);
        ADD_FAILURE() << "a text file was opened as records";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Corrupt) << e.what();
        EXPECT_TRUE(contains(e.what(), file.string())) << e.what();
        for (const auto& entry : fs::directory_iterator(dir))
            if (contains(entry.path().filename().string(), "records.sqlite.corrupt-"))
                aside = entry.path();
        ASSERT_FALSE(aside.empty()) << "nothing moved aside";
        EXPECT_TRUE(contains(e.what(), aside.string())) << "the message does not say where: " << e.what();
    }
    EXPECT_EQ(bytesOf(aside), garbage) << "the damaged file is kept as it was";
    EXPECT_FALSE(fs::exists(file));
    auto fresh = RecordsDb::open(file);
    EXPECT_TRUE(fresh->worklist().empty());
    fresh->recordFilm(test::sampleFilm("new"));
    EXPECT_EQ(fresh->integrityCheck(), "ok");
}

TEST(RecordsFiles, ADamagedDatabaseIsMovedAsideAndReported) {
    const fs::path dir = test::scratchDir();
    const fs::path file = dir / "records.sqlite";
    makeRecords(file, 200);
    std::string bytes = bytesOf(file);
    ASSERT_GT(bytes.size(), 8u * 4096u);
    // Scribble over a page in the middle: the header is fine, the tables are not.
    for (size_t i = 4 * 4096; i < 6 * 4096; ++i)
        bytes[i] = static_cast<char>(0xA5 ^ (i * 7));
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
    try {
        RecordsDb::open(file);
        ADD_FAILURE() << "a damaged database was opened";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Corrupt) << e.what();
        EXPECT_TRUE(contains(e.what(), "moved aside to " + file.string() + ".corrupt-")) << e.what();
    }
    EXPECT_FALSE(fs::exists(file));
    EXPECT_EQ(RecordsDb::open(file)->integrityCheck(), "ok");
}

TEST(RecordsFiles, ReadOnlyOpeningOfAMissingFileMakesNothing) {
    const fs::path file = test::scratchDir() / "none" / "records.sqlite";
    RecordsOptions readOnly;
    readOnly.readOnly = true;
    try {
        RecordsDb::open(file, readOnly);
        ADD_FAILURE() << "opened a missing file";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::NotFound) << e.what();
    }
    EXPECT_FALSE(fs::exists(file.parent_path()));
}
