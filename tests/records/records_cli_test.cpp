// `cxr predict` recording into the review records and `cxr records list|show|verdict|export|stats`,
// through the real binary on a database of the test's own (--db): films known by content (a
// renamed film is the same film), verdicts appended, filters, the agreement figures against a
// matrix counted here by hand, the export's layout without names or patient data, accepted by
// `cxr train`, and bad inputs named with exit status 1 (usage errors 2).
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "hardening/cli_process.h"
#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/common/json_io.h"
#include "core/common/sha256.h"
#include "core/evaluation/proportion_ci.h"
#include "core/imaging/film_writer.h"
#include "support/patient_film.h"
#include "support/tiny_model.h"
#include "test_dirs.h"

namespace cxr {
namespace {

namespace fs = std::filesystem;

// In the films' names and headers: none may reach the records' outputs or the export.
const std::string kNamePart = "GRISWOLD_ODALYS";
const std::string kPatientName = "GRISWOLD^ODALYS";
const std::string kPatientId = "PID7730419";

// Each test's scratch folder, model, database and films.
class RecordsCli : public ::testing::Test {
protected:
    void SetUp() override {
        dir = test::scratchDir();
        db = dir / "records.sqlite";
    }

    test::CliResult cxr(std::vector<std::string> args) {
        return test::runCli(args, dir / ("cli-" + std::to_string(++calls) + ".log"), std::chrono::seconds(300));
    }
    test::CliResult records(std::vector<std::string> args) {
        args.insert(args.begin(), {"records", "--db", db.string()});
        return cxr(args);
    }
    // The first line of the output that is a JSON document (warnings go to stderr, same log).
    static Json jsonOf(const test::CliResult& r) {
        std::istringstream lines(r.output);
        for (std::string line; std::getline(lines, line);)
            if (!line.empty() && (line[0] == '{' || line[0] == '['))
                return Json::parse(line);
        ADD_FAILURE() << "no JSON in: " << r.output;
        return Json();
    }

    // A 64 x 64 grey PNG of noise seeded by `seed`, named like a hospital export names films.
    fs::path pngFilm(int seed) {
        std::vector<std::uint8_t> grey(64 * 64);
        std::uint32_t state = 2654435761u * static_cast<std::uint32_t>(seed + 7);
        for (auto& v : grey) {
            state = state * 1664525u + 1013904223u;
            v = static_cast<std::uint8_t>(state >> 24);
        }
        fs::create_directories(dir / "films");
        const fs::path file = dir / "films" / (kNamePart + "_" + std::to_string(seed) + ".png");
        imaging::writeRaster(file, grey, 64, 64);
        return file;
    }
    fs::path dicomFilm(int seed) {
        std::vector<std::uint16_t> pixels(64 * 64);
        std::uint32_t state = 2246822519u * static_cast<std::uint32_t>(seed + 3);
        for (auto& v : pixels) {
            state = state * 1664525u + 1013904223u;
            v = static_cast<std::uint16_t>(state >> 20);
        }
        fs::create_directories(dir / "films");
        const fs::path file = dir / "films" / (kNamePart + "_" + std::to_string(seed) + ".dcm");
        imaging::writeDicom(file, test::patientFilm(64, 64, pixels, test::identifiedPatient(kPatientName, kPatientId)),
                            imaging::DicomSyntax::ExplicitLittle);
        return file;
    }
    const fs::path& model() {
        if (modelDir.empty()) modelDir = test::tinyRandomModel(dir / "model", 32);
        return modelDir;
    }
    // Predicts `films` with recording; returns each film's call by SHA-256.
    std::map<std::string, std::string> predict(const std::vector<fs::path>& films) {
        std::vector<std::string> args{"predict", model().string()};
        for (const auto& f : films) args.push_back(f.string());
        args.insert(args.end(), {"--device", "cpu", "--json", "--db", db.string()});
        const auto r = cxr(args);
        EXPECT_EQ(r.code, 0) << r.output;
        std::map<std::string, std::string> calls;
        std::istringstream lines(r.output);
        for (std::string line; std::getline(lines, line);)
            if (!line.empty() && line[0] == '{') {
                const Json j = Json::parse(line);
                calls[sha256File(j.at("file").get<std::string>())] = j.at("label").get<std::string>();
                modelSha = j.at("model_sha256").get<std::string>();
            }
        EXPECT_EQ(calls.size(), films.size()) << r.output;
        return calls;
    }

    fs::path dir, db, modelDir;
    std::string modelSha;
    int calls = 0;
};

std::string opposite(const std::string& label) { return label == "NORMAL" ? "PNEUMONIA" : "NORMAL"; }

std::string fileText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(WilsonInterval, MatchesHandComputedBounds) {
    // 8 of 10 at 95 %: centre (0.8 + 1.92/10) / 1.384, half width 1.96/1.384 * sqrt(0.016 + 0.0096).
    const auto ci = evaluation::wilsonInterval(8, 10);
    EXPECT_NEAR(ci.lower, 0.4902, 1e-4);
    EXPECT_NEAR(ci.upper, 0.9433, 1e-4);
    const auto none = evaluation::wilsonInterval(0, 0);
    EXPECT_EQ(none.lower, 0);
    EXPECT_EQ(none.upper, 1);
    EXPECT_NEAR(evaluation::wilsonInterval(0, 5).lower, 0.0, 1e-12);
    EXPECT_THROW(evaluation::wilsonInterval(6, 5), Error);
}

TEST_F(RecordsCli, PredictRecordsEachFilmAndNoRecordDoesNot) {
    const std::vector<fs::path> films{pngFilm(1), pngFilm(2), dicomFilm(3)};
    std::vector<std::string> args{"predict", model().string()};
    for (const auto& f : films) args.push_back(f.string());
    args.insert(args.end(), {"--device", "cpu", "--db", db.string(), "--no-record"});
    const auto skipped = cxr(args);
    ASSERT_EQ(skipped.code, 0) << skipped.output;
    EXPECT_FALSE(fs::exists(db)) << "--no-record opened the database";

    const auto calls = predict(films);
    const Json list = jsonOf(records({"list", "--json"}));
    ASSERT_EQ(list.size(), 3u) << list.dump();
    for (const auto& row : list) {
        const std::string sha = row.at("film").at("sha256");
        ASSERT_TRUE(calls.count(sha)) << sha;
        EXPECT_EQ(row.at("diagnosis").at("label"), calls.at(sha));
        EXPECT_EQ(row.at("diagnosis").at("model_sha256"), modelSha);
        EXPECT_TRUE(row.at("verdict").is_null());
        const double p = row.at("diagnosis").at("probabilities").at("PNEUMONIA");
        EXPECT_GE(p, 0.0);
        EXPECT_LE(p, 1.0);
    }
    // The DICOM film's UIDs are kept, its patient is not (nor in the database file).
    const Json shown = jsonOf(records({"show", films[2].string(), "--json"}));
    EXPECT_FALSE(shown.at("film").at("study_instance_uid").get<std::string>().empty());
    EXPECT_FALSE(shown.at("film").at("sop_instance_uid").get<std::string>().empty());
    EXPECT_FALSE(shown.at("film").contains("patient_name"));
    for (const auto& f : fs::directory_iterator(dir))
        if (f.path().filename().string().rfind("records.sqlite", 0) == 0) {
            const std::string bytes = fileText(f.path());
            EXPECT_EQ(bytes.find(kPatientName), std::string::npos) << f.path();
            EXPECT_EQ(bytes.find(kPatientId), std::string::npos) << f.path();
        }
}

// The CLI records every run (a record of what was run and when); the GUI, which reopens its
// list, skips films the same model has diagnosed.
TEST_F(RecordsCli, RenamedFilmIsTheSameFilmAndASecondRunAddsADiagnosis) {
    const fs::path a = pngFilm(11), b = pngFilm(12);
    predict({a, b});
    const fs::path renamed = dir / "films" / "renamed.png";
    fs::rename(a, renamed);
    predict({renamed});
    const Json list = jsonOf(records({"list", "--json"}));
    ASSERT_EQ(list.size(), 2u) << list.dump();
    const Json history = jsonOf(records({"show", renamed.string(), "--json"}));
    EXPECT_EQ(history.at("diagnoses").size(), 2u);
    EXPECT_EQ(fs::path(history.at("film").at("path").get<std::string>()).filename(), "renamed.png");
    // By SHA-256 and by a prefix of it, too.
    const std::string sha = sha256File(renamed);
    EXPECT_EQ(jsonOf(records({"show", sha.substr(0, 10), "--json"})).at("film").at("sha256"), sha);
}

TEST_F(RecordsCli, VerdictsFiltersHistoryAndStatsAgainstAHandCountedMatrix) {
    const std::vector<fs::path> films{pngFilm(21), pngFilm(22), pngFilm(23), pngFilm(24), pngFilm(25)};
    auto calls = predict(films);
    std::vector<std::string> sha;
    for (const auto& f : films) sha.push_back(sha256File(f));

    // 0 agrees; 1 and 2 disagree with their own labels; 3 "other"; 4 stays unreviewed.
    std::map<std::string, std::string> truth;
    auto r = records({"verdict", films[0].string(), "--agree", "--reviewer", "dr-a"});
    ASSERT_EQ(r.code, 0) << r.output;
    truth[sha[0]] = calls[sha[0]];
    for (int i : {1, 2}) {
        truth[sha[i]] = opposite(calls[sha[i]]);
        r = records({"verdict", sha[i], "--label", truth[sha[i]], "--note", "looked again", "--reviewer", "dr-b"});
        ASSERT_EQ(r.code, 0) << r.output;
    }
    r = records({"verdict", films[3].string(), "--label", "other", "--other-text", "effusion", "--json"});
    ASSERT_EQ(r.code, 0) << r.output;
    const Json other = jsonOf(r).at("verdict");
    EXPECT_EQ(other.at("label"), "other");
    EXPECT_EQ(other.at("other_text"), "effusion");
    EXPECT_FALSE(other.at("reviewer").get<std::string>().empty());  // the OS user
    EXPECT_FALSE(other.at("agrees").get<bool>());

    auto shasOf = [](const Json& list) {
        std::vector<std::string> out;
        for (const auto& row : list) out.push_back(row.at("film").at("sha256"));
        std::sort(out.begin(), out.end());
        return out;
    };
    EXPECT_EQ(shasOf(jsonOf(records({"list", "--unreviewed", "--json"}))), std::vector<std::string>{sha[4]});
    std::vector<std::string> disagreeing{sha[1], sha[2], sha[3]};
    std::sort(disagreeing.begin(), disagreeing.end());
    EXPECT_EQ(shasOf(jsonOf(records({"list", "--disagreements", "--json"}))), disagreeing);
    EXPECT_EQ(shasOf(jsonOf(records({"list", "--model", modelSha, "--json"}))).size(), 5u);
    EXPECT_TRUE(jsonOf(records({"list", "--model", std::string(64, 'a'), "--json"})).empty());
    const auto text = records({"list"});
    EXPECT_EQ(text.code, 0);
    EXPECT_NE(text.output.find(sha[1].substr(0, 12)), std::string::npos) << text.output;

    // A change of mind appends: film 1 now agrees, its history keeps both.
    r = records({"verdict", films[1].string(), "--agree"});
    ASSERT_EQ(r.code, 0) << r.output;
    truth[sha[1]] = calls[sha[1]];
    const Json history = jsonOf(records({"show", films[1].string(), "--json"}));
    ASSERT_EQ(history.at("verdicts").size(), 2u);
    EXPECT_EQ(history.at("verdicts")[0].at("note"), "looked again");
    EXPECT_TRUE(history.at("verdicts")[1].at("agrees").get<bool>());
    const auto shownText = records({"show", films[1].string()});
    EXPECT_NE(shownText.output.find("verdict agrees"), std::string::npos) << shownText.output;
    EXPECT_NE(shownText.output.find("verdict disagrees"), std::string::npos) << shownText.output;

    // The matrix by hand: rows the reviewer's label, columns the call; "other" apart.
    std::int64_t m[2][2] = {{0, 0}, {0, 0}};
    auto index = [](const std::string& l) { return l == "PNEUMONIA" ? 1 : 0; };
    for (const auto& [s, label] : truth) ++m[index(label)][index(calls[s])];
    const Json stats = jsonOf(records({"stats", "--json"}));
    ASSERT_EQ(stats.size(), 1u) << stats.dump();
    const Json& s = stats[0];
    EXPECT_EQ(s.at("model_sha256"), modelSha);
    EXPECT_EQ(s.at("confusion"), Json({{m[0][0], m[0][1]}, {m[1][0], m[1][1]}})) << s.dump();
    EXPECT_EQ(s.at("reviewed"), 4);
    EXPECT_EQ(s.at("other_labels"), 1);
    EXPECT_EQ(s.at("unreviewed"), 1);
    EXPECT_EQ(s.at("agreements"), 2);  // films 0 and 1 agree, 2 does not
    const double tp = static_cast<double>(m[1][1]), fn = static_cast<double>(m[1][0]);
    const double tn = static_cast<double>(m[0][0]), fp = static_cast<double>(m[0][1]);
    EXPECT_NEAR(s.at("sensitivity").get<double>(), tp + fn > 0 ? tp / (tp + fn) : 0, 1e-12);
    EXPECT_NEAR(s.at("specificity").get<double>(), tn + fp > 0 ? tn / (tn + fp) : 0, 1e-12);
    EXPECT_NEAR(s.at("agreement").get<double>(), 2.0 / 3.0, 1e-12);
    const auto ci = evaluation::wilsonInterval(2, 3);
    EXPECT_NEAR(s.at("agreement_ci").at("lower").get<double>(), ci.lower, 1e-12);
    EXPECT_NEAR(s.at("agreement_ci").at("upper").get<double>(), ci.upper, 1e-12);
    const auto statsText = records({"stats", "--model", modelSha});
    EXPECT_EQ(statsText.code, 0) << statsText.output;
    EXPECT_NE(statsText.output.find("agreement 2/3"), std::string::npos) << statsText.output;
}

TEST_F(RecordsCli, ExportWritesAKaggleFolderWithoutNamesThatTrainAccepts) {
    std::vector<fs::path> films;
    for (int i = 0; i < 8; ++i) films.push_back(pngFilm(31 + i));
    films.push_back(dicomFilm(41));
    films.push_back(dicomFilm(42));
    const fs::path gone = pngFilm(51), edited = pngFilm(52), effusion = pngFilm(53);
    std::vector<fs::path> all = films;
    all.insert(all.end(), {gone, edited, effusion});
    predict(all);
    // Five NORMAL, five PNEUMONIA (a DICOM film in each); one "other"; two that change below.
    for (std::size_t i = 0; i < films.size(); ++i) {
        const auto r = records({"verdict", films[i].string(), "--label", i % 2 ? "PNEUMONIA" : "NORMAL"});
        ASSERT_EQ(r.code, 0) << r.output;
    }
    ASSERT_EQ(records({"verdict", gone.string(), "--label", "NORMAL"}).code, 0);
    ASSERT_EQ(records({"verdict", edited.string(), "--label", "PNEUMONIA"}).code, 0);
    ASSERT_EQ(records({"verdict", effusion.string(), "--label", "other", "--other-text", "effusion"}).code, 0);
    const std::string goneSha = sha256File(gone), editedSha = sha256File(edited);
    fs::remove(gone);
    { std::ofstream(edited, std::ios::app) << "changed"; }

    const fs::path out = dir / "reviewed";
    const auto r = records({"export", out.string()});
    EXPECT_EQ(r.code, 1) << r.output;  // two films could not be exported
    EXPECT_NE(r.output.find(goneSha.substr(0, 12) + ": the film's file is missing"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(editedSha.substr(0, 12) + ": the film's file has changed"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("exported 10 reviewed films"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("1 labelled other"), std::string::npos) << r.output;

    // Layout: both splits, both classes, de-identified names only.
    const std::regex name("rev-[0-9a-f]{12}\\.(png|jpeg)");
    std::map<std::string, int> counts;
    for (const auto& entry : fs::recursive_directory_iterator(out)) {
        if (!entry.is_regular_file() || entry.path().filename() == "provenance.csv") continue;
        const fs::path rel = fs::relative(entry.path(), out);
        EXPECT_TRUE(std::regex_match(entry.path().filename().string(), name)) << rel;
        ++counts[rel.parent_path().generic_string()];
        const std::string bytes = fileText(entry.path());
        for (const std::string& id : {kPatientName, kPatientId, kNamePart, std::string("DICM")})
            EXPECT_EQ(bytes.find(id), std::string::npos) << rel << " holds " << id;
    }
    EXPECT_EQ(counts["train/NORMAL"] + counts["test/NORMAL"], 5);
    EXPECT_EQ(counts["train/PNEUMONIA"] + counts["test/PNEUMONIA"], 5);
    for (const char* split : {"train/NORMAL", "train/PNEUMONIA", "test/NORMAL", "test/PNEUMONIA"})
        EXPECT_GE(counts[split], 1) << split;

    const std::string provenance = fileText(out / "provenance.csv");
    EXPECT_EQ(provenance.rfind("sha256,split,file,label,reviewer,verdict_time,model_call,model_sha256\n", 0), 0u);
    EXPECT_EQ(std::count(provenance.begin(), provenance.end(), '\n'), 11);
    EXPECT_NE(provenance.find(sha256File(films[0]) + ","), std::string::npos);
    EXPECT_NE(provenance.find(modelSha), std::string::npos);
    for (const std::string& id : {kPatientName, kPatientId, kNamePart, dir.string()})
        EXPECT_EQ(provenance.find(id), std::string::npos) << id;

    // The export is a training folder as it is.
    const auto train = cxr({"train", out.string(), "--out", (dir / "run").string(), "--device", "cpu", "--epochs",
                            "1", "--batch", "4", "--image-size", "32", "--workers", "1", "--threads", "1"});
    EXPECT_EQ(train.code, 0) << train.output;
    EXPECT_TRUE(fs::exists(dir / "run" / "model.json") || fs::exists(dir / "run" / "model")) << train.output;

    // Never over an earlier export.
    const auto again = records({"export", out.string()});
    EXPECT_EQ(again.code, 1);
    EXPECT_NE(again.output.find("not an empty folder"), std::string::npos) << again.output;
}

TEST_F(RecordsCli, BadInputsAreNamedWithExitStatusOneAndUsageErrorsTwo) {
    const fs::path film = pngFilm(61);
    predict({film});
    const std::string unknown(64, '0');
    auto r = records({"show", unknown});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.output.find(unknown + ": no such film"), std::string::npos) << r.output;
    const fs::path missing = dir / "films" / "nowhere.png";
    r = records({"verdict", missing.string(), "--agree"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.output.find("nowhere.png"), std::string::npos) << r.output;
    const fs::path unseen = pngFilm(62);
    r = records({"show", unseen.string()});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.output.find("not in the records"), std::string::npos) << r.output;
    r = records({"verdict", film.string(), "--label", "MAYBE"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.output.find("MAYBE"), std::string::npos) << r.output;
    r = records({"verdict", film.string()});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.output.find("--agree or --label"), std::string::npos) << r.output;
    r = records({"verdict", film.string(), "--label", "NORMAL", "--other-text", "x"});
    EXPECT_EQ(r.code, 2) << r.output;
    r = records({"stats", "--model", "feedface"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.output.find("feedface"), std::string::npos) << r.output;
    // Nothing was recorded by the refused commands.
    EXPECT_TRUE(jsonOf(records({"show", film.string(), "--json"})).at("verdicts").empty());
}

// Without --db, CXR_RECORDS_DB chooses the database for predict and records alike.
TEST_F(RecordsCli, TheEnvironmentChoosesTheDatabase) {
    const fs::path film = pngFilm(81);
    const char* before = std::getenv("CXR_RECORDS_DB");
    const std::string saved = before ? before : "";
    const fs::path chosen = dir / "chosen.sqlite";
    ::setenv("CXR_RECORDS_DB", chosen.string().c_str(), 1);
    const auto p = cxr({"predict", model().string(), film.string(), "--device", "cpu"});
    const auto list = cxr({"records", "list", "--json"});
    if (before) ::setenv("CXR_RECORDS_DB", saved.c_str(), 1); else ::unsetenv("CXR_RECORDS_DB");
    ASSERT_EQ(p.code, 0) << p.output;
    EXPECT_TRUE(fs::exists(chosen));
    const Json rows = jsonOf(list);
    ASSERT_EQ(rows.size(), 1u) << list.output;
    EXPECT_EQ(rows[0].at("film").at("sha256"), sha256File(film));
    // --db after the subcommand names another database: empty.
    EXPECT_TRUE(jsonOf(records({"list", "--json"})).empty());
    EXPECT_TRUE(jsonOf(cxr({"records", "list", "--db", db.string(), "--json"})).empty());
}

// A database that cannot be opened never stops a prediction: said once, films still diagnosed.
TEST_F(RecordsCli, PredictGoesOnWithoutADatabaseItCannotOpen) {
    const std::vector<fs::path> films{pngFilm(71), pngFilm(72)};
    const fs::path notAFile = dir / "a-folder.sqlite";
    fs::create_directories(notAFile);
    const auto r = cxr({"predict", model().string(), films[0].string(), films[1].string(), "--device", "cpu",
                        "--db", notAFile.string()});
    EXPECT_EQ(r.code, 0) << r.output;
    std::size_t warnings = 0;
    for (std::size_t at = r.output.find("not recording"); at != std::string::npos;
         at = r.output.find("not recording", at + 1))
        ++warnings;
    EXPECT_EQ(warnings, 1u) << r.output;
    EXPECT_NE(r.output.find(films[0].filename().string()), std::string::npos);
    EXPECT_NE(r.output.find(films[1].filename().string()), std::string::npos);
}

}  // namespace
}  // namespace cxr
