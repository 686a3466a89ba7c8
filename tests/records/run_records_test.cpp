// Runs trained here are recorded: `cxr train` (through trainFolder, which the studio's training
// also runs) writes the run's folder, config hash, model SHA-256 and test figures into the
// review records, `cxr records runs` lists them, --no-record skips, and a database that cannot
// be written warns without failing the training.
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "hardening/cli_process.h"
#include "core/common/error.h"
#include "core/common/json_io.h"
#include "core/common/sha256.h"
#include "core/workflows/run_record.h"
#include "test_dirs.h"

namespace cxr {
namespace {

namespace fs = std::filesystem;

class RunRecords : public ::testing::Test {
protected:
    void SetUp() override { dir = test::scratchDir(); }

    test::CliResult cxr(const std::vector<std::string>& args) {
        return test::runCli(args, dir / ("cli-" + std::to_string(++calls) + ".log"), std::chrono::seconds(300));
    }
    const fs::path& data() {
        if (m_data.empty()) {
            m_data = dir / "data";
            const auto r = cxr({"synth", m_data.string(), "--train", "16", "--val", "4", "--test", "8", "--size",
                                "64", "--seed", "1717"});
            EXPECT_EQ(r.code, 0) << r.output;
        }
        return m_data;
    }
    test::CliResult train(const fs::path& run, std::vector<std::string> extra) {
        std::vector<std::string> args{"train", data().string(), "--out", run.string(), "--device", "cpu",
                                      "--epochs", "1", "--batch", "4", "--image-size", "32", "--workers", "1",
                                      "--threads", "1", "--seed", "5"};
        args.insert(args.end(), extra.begin(), extra.end());
        return cxr(args);
    }
    static Json firstJson(const std::string& output) {
        const auto at = output.find('[');
        return at == std::string::npos ? Json() : Json::parse(output.substr(at, output.find('\n', at) - at));
    }

    fs::path dir;
    int calls = 0;

private:
    fs::path m_data;
};

TEST_F(RunRecords, TrainRecordsTheRunAndRecordsRunsListsIt) {
    const fs::path db = dir / "records.sqlite", run = dir / "run";
    const auto trained = train(run, {"--db", db.string()});
    ASSERT_EQ(trained.code, 0) << trained.output;
    EXPECT_NE(trained.output.find("Recorded as run 1 in the review records"), std::string::npos) << trained.output;

    const auto listed = cxr({"records", "--db", db.string(), "runs", "--json"});
    ASSERT_EQ(listed.code, 0) << listed.output;
    const Json runs = firstJson(listed.output);
    ASSERT_EQ(runs.size(), 1u) << listed.output;
    const Json& r = runs[0];
    EXPECT_EQ(r.at("id"), 1);
    EXPECT_EQ(fs::path(r.at("folder").get<std::string>()), fs::absolute(run).lexically_normal());
    // The weights' hash, the one predict records diagnoses under.
    EXPECT_EQ(r.at("model_sha256"), sha256File(run / "X_ray_classifier.pth"));
    const Json config = readJsonFile(run / "config.json");
    EXPECT_EQ(r.at("config_hash"), sha256Hex(config.at("training").dump()));
    EXPECT_TRUE(std::regex_match(r.at("config_hash").get<std::string>(), std::regex("[0-9a-f]{64}")));
    // The test split's figures as evaluation.json has them, without the ROC points.
    const Json evaluation = readJsonFile(run / "evaluation.json");
    const Json& figures = r.at("test_figures");
    EXPECT_EQ(figures.at("films"), evaluation.at("test").at("films"));
    EXPECT_EQ(figures.at("films"), 8);
    EXPECT_DOUBLE_EQ(figures.at("accuracy").get<double>(), evaluation.at("test").at("accuracy").get<double>());
    EXPECT_DOUBLE_EQ(figures.at("auc").get<double>(), evaluation.at("test").at("auc").get<double>());
    EXPECT_EQ(figures.at("threshold"), evaluation.at("threshold"));
    EXPECT_FALSE(figures.contains("roc"));
    EXPECT_FALSE(r.at("created_at").get<std::string>().empty());

    const auto text = cxr({"records", "--db", db.string(), "runs"});
    ASSERT_EQ(text.code, 0) << text.output;
    EXPECT_NE(text.output.find("run 1 "), std::string::npos) << text.output;
    EXPECT_NE(text.output.find(r.at("model_sha256").get<std::string>().substr(0, 12)), std::string::npos);
    EXPECT_NE(text.output.find("on 8 test films"), std::string::npos) << text.output;

    // --no-record: trained alike (same config hash), not recorded.
    const fs::path second = dir / "run-2";
    const auto unrecorded = train(second, {"--db", db.string(), "--no-record"});
    ASSERT_EQ(unrecorded.code, 0) << unrecorded.output;
    EXPECT_EQ(unrecorded.output.find("Recorded as run"), std::string::npos) << unrecorded.output;
    EXPECT_EQ(firstJson(cxr({"records", "--db", db.string(), "runs", "--json"}).output).size(), 1u);
    EXPECT_EQ(workflows::runRecordOf(second).configHash, r.at("config_hash").get<std::string>());
}

TEST_F(RunRecords, ADatabaseThatCannotBeWrittenWarnsAndTheTrainingStands) {
    // The database's folder would have to be made inside a regular file.
    const fs::path blocker = dir / "not-a-folder";
    { std::ofstream(blocker) << "x"; }
    const fs::path db = blocker / "records.sqlite", run = dir / "run";
    const auto trained = train(run, {"--db", db.string()});
    EXPECT_EQ(trained.code, 0) << trained.output;
    EXPECT_TRUE(fs::exists(run / "model.json"));
    EXPECT_NE(trained.output.find("the run was not recorded in the review records"), std::string::npos)
        << trained.output;
    EXPECT_NE(trained.output.find(db.string()), std::string::npos) << trained.output;
    EXPECT_EQ(trained.output.find("Recorded as run"), std::string::npos) << trained.output;
}

TEST(RunRecordOf, NamesTheFileAFolderWithoutAFinishedRunLacks) {
    const fs::path dir = test::scratchDir();
    writeJsonFile(dir / "config.json", Json{{"training", {{"seed", 1}}}});
    try {
        workflows::runRecordOf(dir);
        FAIL() << "a folder without model.json was recorded";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("model.json"), std::string::npos) << e.what();
    }
    const auto recording = workflows::recordFinishedRun(dir, dir / "records.sqlite");
    EXPECT_EQ(recording.id, 0);
    EXPECT_NE(recording.problem.find("model.json"), std::string::npos) << recording.problem;
}

}  // namespace
}  // namespace cxr
