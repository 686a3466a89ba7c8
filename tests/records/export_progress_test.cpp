// The export of reviewed films reports its progress and stops when cancelled, leaving a
// consistent folder: in the engine (exportReviewed with a progress callback and a CancelToken)
// and through `cxr records export` (a bar on the terminal, Ctrl-C).
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "hardening/cli_process.h"
#include "core/common/cancel_token.h"
#include "core/common/error.h"
#include "core/common/sha256.h"
#include "core/records/records_db.h"
#include "core/workflows/review_records.h"
#include "test_dirs.h"

namespace cxr {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// `n` reviewed films on disk (a PNG signature and unique bytes: linked as they are), half
// NORMAL, half PNEUMONIA, each with a diagnosis, in the database `db`.
void reviewedFilms(const fs::path& db, const fs::path& folder, int n) {
    fs::create_directories(folder);
    auto records = records::RecordsDb::open(db);
    const std::string model = sha256Hex(std::string("export test model"));
    records->batch([&] {
        for (int i = 0; i < n; ++i) {
            const std::string bytes = std::string("\x89PNG\r\n\x1a\n", 8) + "film " + std::to_string(i);
            const fs::path file = folder / ("film-" + std::to_string(i) + ".png");
            std::ofstream(file, std::ios::binary) << bytes;
            records::FilmRecord film;
            film.sha256 = sha256Hex(bytes);
            film.path = file.string();
            film.sizeBytes = static_cast<std::int64_t>(bytes.size());
            records->recordFilm(film);
            records::DiagnosisRecord d;
            d.filmSha256 = film.sha256;
            d.modelSha256 = model;
            d.modelName = "export-test";
            d.classes = {"NORMAL", "PNEUMONIA"};
            d.probabilities = {0.7, 0.3};
            d.label = "NORMAL";
            records::VerdictRecord v;
            v.filmSha256 = film.sha256;
            v.diagnosisId = records->recordDiagnosis(d);
            v.label = i % 2 ? "PNEUMONIA" : "NORMAL";
            v.agrees = v.label == d.label;
            v.reviewer = "dr-test";
            records->recordVerdict(v);
        }
    });
}

// The films in an export folder, and the files provenance.csv lists: they must be the same.
struct ExportFolder {
    std::set<std::string> files, listed;
};
ExportFolder readExport(const fs::path& dir) {
    ExportFolder out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().filename() != "provenance.csv")
            out.files.insert(fs::relative(e.path(), dir).generic_string());
    std::ifstream csv(dir / "provenance.csv");
    std::string line;
    std::getline(csv, line);  // header
    while (std::getline(csv, line)) {
        std::vector<std::string> fields;
        std::istringstream cells(line);
        for (std::string cell; std::getline(cells, cell, ',');)
            fields.push_back(cell);
        if (fields.size() > 2) {  // the file field is quoted
            std::string file = fields[2];
            if (file.size() >= 2 && file.front() == '"' && file.back() == '"')
                file = file.substr(1, file.size() - 2);
            out.listed.insert(file);
        }
    }
    return out;
}

TEST(ExportProgress, EveryFilmIsCountedOnceAndTheLastStepIsTheTotal) {
    const fs::path dir = test::scratchDir();
    reviewedFilms(dir / "records.sqlite", dir / "films", 40);
    fs::remove(dir / "films" / "film-3.png");  // checked, reported missing, never written
    auto db = records::RecordsDb::open(dir / "records.sqlite");
    std::vector<std::pair<std::int64_t, std::int64_t>> steps;
    workflows::ExportOptions options;
    options.progress = [&](std::int64_t done, std::int64_t total) { steps.emplace_back(done, total); };
    const auto result = workflows::exportReviewed(*db, dir / "out", options);
    EXPECT_EQ(result.exported, 39);
    ASSERT_EQ(steps.size(), 40u + 39u);  // 40 checked, 39 written
    for (std::size_t i = 0; i < steps.size(); ++i) {
        EXPECT_EQ(steps[i].first, static_cast<std::int64_t>(i + 1));
        EXPECT_LE(steps[i].first, steps[i].second);
    }
    EXPECT_EQ(steps.front().second, 80);      // before the checks: two steps a film
    EXPECT_EQ(steps.back(), std::make_pair(std::int64_t{79}, std::int64_t{79}));
    const auto folder = readExport(dir / "out");
    EXPECT_EQ(folder.files.size(), 39u);
    EXPECT_EQ(folder.files, folder.listed);
}

TEST(ExportProgress, CancelledWhileWritingLeavesTheFilmsWrittenAndTheirList) {
    const fs::path dir = test::scratchDir();
    reviewedFilms(dir / "records.sqlite", dir / "films", 30);
    auto db = records::RecordsDb::open(dir / "records.sqlite");
    CancelToken token;
    workflows::ExportOptions options;
    options.cancel = &token;
    options.progress = [&](std::int64_t done, std::int64_t) {
        if (done == 30 + 7) token.cancel();  // the 7th film is written
    };
    try {
        workflows::exportReviewed(*db, dir / "out", options);
        FAIL() << "the export was not cancelled";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Cancelled) << e.what();
        EXPECT_NE(std::string(e.what()).find("7 of 30 films written"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find((dir / "out").string()), std::string::npos) << e.what();
    }
    const auto folder = readExport(dir / "out");
    EXPECT_EQ(folder.files.size(), 7u);
    EXPECT_EQ(folder.files, folder.listed);
}

TEST(ExportProgress, CancelledWhileCheckingWritesNothing) {
    const fs::path dir = test::scratchDir();
    reviewedFilms(dir / "records.sqlite", dir / "films", 10);
    auto db = records::RecordsDb::open(dir / "records.sqlite");
    CancelToken token;
    workflows::ExportOptions options;
    options.cancel = &token;
    options.progress = [&](std::int64_t done, std::int64_t) {
        if (done == 4) token.cancel();
    };
    try {
        workflows::exportReviewed(*db, dir / "out", options);
        FAIL() << "the export was not cancelled";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Cancelled) << e.what();
        EXPECT_NE(std::string(e.what()).find("nothing was written"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(fs::exists(dir / "out"));
}

// Ctrl-C on `cxr records export`: the bar was drawn, the program ends with 130 and says what it
// left; a folder it left is consistent.
TEST(ExportProgress, CtrlCStopsTheCommandWithAConsistentFolder) {
    const fs::path dir = test::scratchDir();
    reviewedFilms(dir / "records.sqlite", dir / "films", 6000);
    test::CliProcess p({"records", "--db", (dir / "records.sqlite").string(), "export", (dir / "out").string()},
                       {true, {}, 0});
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    while (!p.finished() && p.pollOutput().find("exporting reviewed films") == std::string::npos &&
           std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(2ms);  // polling, not spinning: the export needs the core
    }
    ASSERT_FALSE(p.finished()) << "the export ended before it could be interrupted:\n" << p.output();
    ::kill(p.pid(), SIGINT);
    const int status = p.wait(60s);
    const std::string output = p.output();
    ASSERT_TRUE(WIFEXITED(status)) << output;
    EXPECT_EQ(WEXITSTATUS(status), 130) << output;
    EXPECT_NE(output.find("export cancelled"), std::string::npos) << output;
    if (fs::exists(dir / "out")) {
        EXPECT_NE(output.find("provenance.csv lists them"), std::string::npos) << output;
        const auto folder = readExport(dir / "out");
        EXPECT_LT(folder.files.size(), 6000u);
        EXPECT_EQ(folder.files, folder.listed);
    } else {
        EXPECT_NE(output.find("nothing was written"), std::string::npos) << output;
    }
}

}  // namespace
}  // namespace cxr
