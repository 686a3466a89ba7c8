// End-to-end tests of the built `cxr` binary: exit statuses, help, synth -> info on every
// variant the synth writes, JSON output, failure lines for every kind of bad input, the demo.
#include <sys/wait.h>

#include <fstream>
#include <map>
#include <random>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "core/common/atomic_file.h"
#include "core/common/json_io.h"
#include "test_dirs.h"

namespace {

namespace fs = std::filesystem;

struct RunResult {
    int status = -1;  // exit status; 128 + signal when killed by one
    std::string out, err;
};

std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s)
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

RunResult runCxr(const std::vector<std::string>& args) {
    static int counter = 0;
    const fs::path dir = fs::path(CXR_TEST_TMP) / "cli-output";
    fs::create_directories(dir);
    const fs::path out = dir / ("out" + std::to_string(::getpid()) + "_" + std::to_string(counter));
    const fs::path err = dir / ("err" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::string command = quote(CXR_CLI_BINARY);
    for (const auto& a : args)
        command += " " + quote(a);
    command += " >" + quote(out.string()) + " 2>" + quote(err.string()) + " </dev/null";
    const int raw = std::system(command.c_str());
    RunResult r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
    r.out = cxr::readFileText(out);
    r.err = cxr::readFileText(err);
    fs::remove(out);
    fs::remove(err);
    return r;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            out.push_back(line);
    return out;
}

std::vector<std::string> filmsIn(const fs::path& root) {
    std::vector<std::string> films;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.path().extension() == ".jpeg" || e.path().extension() == ".dcm")
            films.push_back(e.path().string());
    std::sort(films.begin(), films.end());
    return films;
}

TEST(Cli, VersionPrintsVersionsAndExitsZero) {
    // The expected versions come from the build (CMake's project version and the packages it
    // found), not from the code that prints them.
    const auto r = runCxr({"--version"});
    EXPECT_EQ(r.status, 0) << r.err;
    const auto text = lines(r.out);
    ASSERT_GE(text.size(), 2u) << r.out;
    EXPECT_EQ(text[0], std::string("CXR Studio ") + CXR_VERSION);
    for (const auto& [library, version] :
         std::vector<std::pair<std::string, std::string>>{{"LibTorch", CXR_EXPECT_TORCH_VERSION},
                                                          {"OpenCV", CXR_EXPECT_OPENCV_VERSION},
                                                          {"DCMTK", CXR_EXPECT_DCMTK_VERSION},
                                                          {"GDCM", CXR_EXPECT_GDCM_VERSION}}) {
        ASSERT_FALSE(version.empty()) << "the build found no version for " << library;
        // Whole version: "LibTorch 1.13.0" followed by a separator, not a prefix of "1.13.01".
        const std::regex exact("(^|[ ,])" + library + " " + std::regex_replace(version, std::regex("\\."), "\\.") +
                               "($|[ ,])");
        EXPECT_TRUE(std::regex_search(text[1], exact)) << library << " " << version << " not in: " << text[1];
    }
}

TEST(Cli, HelpOnEverySubcommand) {
    const auto top = runCxr({"--help"});
    EXPECT_EQ(top.status, 0);
    const std::map<std::string, std::string> mustMention{{"synth", "--dicom"}, {"info", "--json"}, {"demo", "OUT"}};
    for (const auto& [sub, option] : mustMention) {
        EXPECT_NE(top.out.find(sub), std::string::npos) << "top-level help does not list " << sub;
        const auto r = runCxr({sub, "--help"});
        EXPECT_EQ(r.status, 0) << sub << ": " << r.err;
        EXPECT_NE(r.out.find("Usage"), std::string::npos) << r.out;
        EXPECT_NE(r.out.find(option), std::string::npos) << r.out;
    }
}

TEST(Cli, UsageErrorsExitTwo) {
    const fs::path dir = cxr::test::scratchDir();
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--no-such-option"},
             {"no-such-command"},
             {"info"},
             {"synth"},
             {"synth", (dir / "x").string(), "--size", "5"},
             {"synth", (dir / "x").string(), "--train", "-3"},
             {"synth", (dir / "x").string(), "--train", "many"},
             {"demo"}}) {
        const auto r = runCxr(args);
        EXPECT_EQ(r.status, 2) << args[0] << (args.size() > 1 ? " " + args.back() : "") << ": " << r.err;
        EXPECT_FALSE(r.err.empty());
    }
    EXPECT_FALSE(fs::exists(dir / "x"));
}

TEST(Cli, SynthThenInfoDescribesEveryVariant) {
    const fs::path dir = cxr::test::scratchDir();
    const auto jpeg = runCxr({"synth", (dir / "jpeg").string(), "--train", "6", "--val", "2", "--test", "4",
                              "--size", "64", "--seed", "3"});
    ASSERT_EQ(jpeg.status, 0) << jpeg.err;
    EXPECT_NE(jpeg.out.find("Wrote 12 synthetic JPEG films"), std::string::npos) << jpeg.out;
    EXPECT_NE(jpeg.out.find("opacities.csv"), std::string::npos) << jpeg.out;
    const auto dicom = runCxr({"synth", (dir / "dicom").string(), "--train", "18", "--val", "0", "--test",
                               "0", "--size", "64", "--dicom"});
    ASSERT_EQ(dicom.status, 0) << dicom.err;

    std::vector<std::string> films = filmsIn(dir / "jpeg");
    const auto dicomFilms = filmsIn(dir / "dicom");
    ASSERT_EQ(films.size(), 12u);
    ASSERT_EQ(dicomFilms.size(), 18u);
    films.insert(films.end(), dicomFilms.begin(), dicomFilms.end());

    std::vector<std::string> args{"info"};
    args.insert(args.end(), films.begin(), films.end());
    const auto info = runCxr(args);
    EXPECT_EQ(info.status, 0) << info.err;
    EXPECT_TRUE(info.err.empty()) << info.err;
    const auto out = lines(info.out);
    ASSERT_EQ(out.size(), films.size()) << info.out;
    for (size_t i = 0; i < films.size(); ++i) {
        EXPECT_EQ(out[i].rfind(films[i] + ": ", 0), 0u) << out[i];
        const bool isDicom = i >= 12;
        EXPECT_NE(out[i].find(isDicom ? "DICOM" : "JPEG"), std::string::npos) << out[i];
        if (isDicom) {
            EXPECT_NE(out[i].find("12-bit"), std::string::npos) << out[i];
            EXPECT_NE(out[i].find("DX"), std::string::npos) << out[i];
            EXPECT_NE(out[i].find("window"), std::string::npos) << out[i];
        }
    }
    for (const char* uid : {"1.2.840.10008.1.2)", "1.2.840.10008.1.2.1)", "1.2.840.10008.1.2.2)",
                            "1.2.840.10008.1.2.1.99)", "1.2.840.10008.1.2.4.70)", "1.2.840.10008.1.2.4.80)",
                            "1.2.840.10008.1.2.5)", "1.2.840.10008.1.2.4.90)", "1.2.840.10008.1.2.4.91)"})
        EXPECT_NE(info.out.find(uid), std::string::npos) << "no film in " << uid;
    EXPECT_NE(info.out.find("MONOCHROME1"), std::string::npos);
    EXPECT_NE(info.out.find("MONOCHROME2"), std::string::npos);
}

TEST(Cli, InfoJsonIsOneParsableObjectPerFilm) {
    const fs::path dir = cxr::test::scratchDir();
    ASSERT_EQ(runCxr({"synth", dir.string() + "/set", "--train", "9", "--val", "0", "--test", "0", "--size",
                      "80", "--dicom"})
                  .status,
              0);
    auto films = filmsIn(dir / "set");
    films.push_back((dir / "missing.dcm").string());
    std::vector<std::string> args{"info", "--json"};
    args.insert(args.end(), films.begin(), films.end());
    const auto r = runCxr(args);
    EXPECT_EQ(r.status, 1);
    const auto out = lines(r.out);
    ASSERT_EQ(out.size(), films.size());
    for (size_t i = 0; i < out.size(); ++i) {
        const cxr::Json j = cxr::Json::parse(out[i]);  // throws (fails the test) if not JSON
        EXPECT_EQ(j.at("file").get<std::string>(), films[i]);
        if (i + 1 == out.size()) {
            EXPECT_FALSE(j.at("ok").get<bool>());
            EXPECT_FALSE(j.at("error").get<std::string>().empty());
            continue;
        }
        EXPECT_TRUE(j.at("ok").get<bool>());
        EXPECT_EQ(j.at("format"), "DICOM");
        EXPECT_EQ(std::max(j.at("width").get<int>(), j.at("height").get<int>()), 80);
        EXPECT_EQ(j.at("bits_stored"), 12);
        EXPECT_EQ(j.at("modality"), "DX");
        EXPECT_TRUE(j.at("window").contains("center"));
        EXPECT_TRUE(j.at("patient_identifiers").get<bool>());
        EXPECT_EQ(j.at("invert").get<bool>(), j.at("photometric") == "MONOCHROME1");
    }
    EXPECT_NE(r.err.find("cxr: " + films.back() + ": "), std::string::npos) << r.err;
}

TEST(Cli, InfoReportsEveryBadInputOnStderrAndNeverCrashes) {
    const fs::path dir = cxr::test::scratchDir();
    ASSERT_EQ(runCxr({"synth", dir.string() + "/set", "--train", "6", "--val", "0", "--test", "0", "--size",
                      "64", "--dicom"})
                  .status,
              0);
    const auto good = filmsIn(dir / "set");
    // An uncompressed film: cutting its pixel data short must be noticed, not decoded as black.
    std::string uncompressed;
    for (const auto& row : lines(cxr::readFileText(dir / "set" / "films.csv"))) {
        std::vector<std::string> cells;  // split,class,subtype,patient,file,...,transfer_syntax,opacities
        std::stringstream in(row);
        for (std::string cell; std::getline(in, cell, ',');)
            cells.push_back(cell);
        if (cells.size() == 11 && cells[9] == "explicit-little")
            uncompressed = (dir / "set" / cells[4]).string();
    }
    ASSERT_TRUE(fs::is_regular_file(uncompressed)) << uncompressed;
    const auto dicomBytes = cxr::readFileBytes(uncompressed);
    auto write = [&](const std::string& name, const std::string& bytes) {
        std::ofstream(dir / name, std::ios::binary) << bytes;
        return (dir / name).string();
    };
    std::mt19937 rng(42);
    std::string junk(4096, '\0');
    for (auto& c : junk)
        c = static_cast<char>(rng());
    std::string fakeDicom = junk;
    fakeDicom.replace(128, 4, "DICM");
    std::string fakeJpeg = "\xFF\xD8\xFF\xE0" + junk.substr(0, 500);
    const std::vector<std::string> bad{
        (dir / "does-not-exist.dcm").string(),
        write("empty.dcm", ""),
        (dir / "set").string(),  // a folder
        write("junk.jpeg", junk),
        write("notes.txt", "not an image at all\n"),
        write("truncated.dcm", std::string(dicomBytes.begin(), dicomBytes.begin() + 400)),
        write("cut-pixels.dcm", std::string(dicomBytes.begin(), dicomBytes.end() - 1000)),
        write("fake-magic.dcm", fakeDicom),
        write("fake.jpeg", fakeJpeg),
    };
    std::vector<std::string> args{"info", good.front()};
    args.insert(args.end(), bad.begin(), bad.end());
    args.push_back(good.back());
    const auto r = runCxr(args);
    EXPECT_EQ(r.status, 1) << r.err;  // not a signal (>= 128), not 0
    const auto out = lines(r.out);
    ASSERT_EQ(out.size(), 2u) << r.out;  // the two good films still described
    EXPECT_EQ(out[0].rfind(good.front() + ": ", 0), 0u);
    EXPECT_EQ(out[1].rfind(good.back() + ": ", 0), 0u);
    const auto err = lines(r.err);
    ASSERT_EQ(err.size(), bad.size()) << r.err;
    for (size_t i = 0; i < bad.size(); ++i) {
        const std::string prefix = "cxr: " + bad[i] + ": ";
        EXPECT_EQ(err[i].rfind(prefix, 0), 0u) << err[i];
        EXPECT_GT(err[i].size(), prefix.size() + 3) << "no reason given: " << err[i];
    }
}

TEST(Cli, SynthRefusesAForeignFolderWithExitOne) {
    const fs::path dir = cxr::test::scratchDir();
    std::ofstream(dir / "keep.txt") << "mine";
    const auto r = runCxr({"synth", dir.string(), "--size", "64", "--train", "2", "--val", "0", "--test", "0"});
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("cxr: " + dir.string() + ": "), std::string::npos) << r.err;
    EXPECT_TRUE(fs::exists(dir / "keep.txt"));
}

TEST(Cli, DemoSynthesizesItsDataAndKeepsItOnTheSecondRun) {
    const fs::path dir = cxr::test::scratchDir() / "demo";
    // --no-train: the training stage has its own tests; this one checks the data stage.
    const auto first = runCxr({"demo", dir.string(), "--size", "48", "--no-train"});
    ASSERT_EQ(first.status, 0) << first.err;
    EXPECT_NE(first.out.find((dir / "data").string()), std::string::npos) << first.out;
    EXPECT_NE(first.out.find("Wrote 600 synthetic JPEG films"), std::string::npos) << first.out;
    EXPECT_NE(first.out.find("not a medical device"), std::string::npos) << first.out;
    EXPECT_EQ(filmsIn(dir / "data").size(), 600u);
    const auto stamp = fs::last_write_time(dir / "data" / "films.csv");
    const auto second = runCxr({"demo", dir.string(), "--size", "48", "--no-train"});
    ASSERT_EQ(second.status, 0) << second.err;
    EXPECT_NE(second.out.find("Kept 600 synthetic"), std::string::npos) << second.out;
    EXPECT_EQ(fs::last_write_time(dir / "data" / "films.csv"), stamp);
}

// The PDF report is cxr-report's (the studio package); cxr itself links no Qt. A cxr alone says
// where the report comes from; beside the build's cxr-report it hands the options over.
TEST(Cli, ReportRunsTheStudiosReportProgramOrSaysWhereItComesFrom) {
    const fs::path dir = cxr::test::scratchDir() / "report-program";
    fs::create_directories(dir / "lone");
    fs::copy_file(CXR_CLI_BINARY, dir / "lone" / "cxr", fs::copy_options::overwrite_existing);
    const std::string command = "env PATH=/usr/bin:/bin " + quote((dir / "lone" / "cxr").string()) + " report " +
                                quote((dir / "no-run").string()) + " --pdf " + quote((dir / "x.pdf").string()) +
                                " >" + quote((dir / "out.txt").string()) + " 2>&1";
    const int raw = std::system(command.c_str());
    ASSERT_TRUE(WIFEXITED(raw));
    EXPECT_EQ(WEXITSTATUS(raw), 1);
    const std::string lone = cxr::readFileText(dir / "out.txt");
    EXPECT_NE(lone.find("cxr-report, which comes with the cxr-studio package"), std::string::npos) << lone;
    EXPECT_NE(lone.find("cxr report " + (dir / "no-run").string() + " --pdf"), std::string::npos) << lone;
    EXPECT_FALSE(fs::exists(dir / "x.pdf"));

#if CXR_GUI_BUILD
    // Beside bin/cxr-report: its own refusal of the missing run folder, under its own name.
    const auto handed = runCxr({"report", (dir / "no-run").string(), "--pdf", (dir / "x.pdf").string()});
    EXPECT_EQ(handed.status, 1) << handed.out << handed.err;
    EXPECT_NE(handed.err.find("cxr-report: "), std::string::npos) << handed.err;
    EXPECT_NE(handed.err.find((dir / "no-run").string()), std::string::npos) << handed.err;
#endif
}

}  // namespace
