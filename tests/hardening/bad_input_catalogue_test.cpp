// The rows of docs/bad-inputs.md that no area's own suite covers: 1-bit films, unreadable
// files (as a user without the permission, also when the suite runs as root), non-UTF-8 file
// names through the library and the `cxr` binary, a model trained on other classes, and
// Ctrl-C during training.
#include <grp.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "checkpoint_check.h"
#include "cli_process.h"
#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/common/json_io.h"
#include "imaging/dicom_bytes.h"
#include "core/imaging/film_writer.h"
#include "core/imaging/load_film.h"
#include "core/training/run_directory.h"
#include "core/training/run_state.h"
#include "test_dirs.h"

namespace cxr {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

ErrorCode loadErrorCode(const fs::path& path, std::string* message) {
    try {
        imaging::loadFilm(path);
    } catch (const Error& e) {
        *message = e.what();
        return e.code();
    }
    *message = "loaded";
    return ErrorCode::Internal;
}

void writeGreyJpeg(const fs::path& path) {
    std::vector<std::uint8_t> grey(64 * 48);
    for (std::size_t i = 0; i < grey.size(); ++i)
        grey[i] = static_cast<std::uint8_t>((i * 7) % 251);
    imaging::writeRaster(path, grey, 64, 48);
}

TEST(BadInputCatalogue, OneBitDicomIsRefusedByName) {
    const auto path = test::scratchDir() / "bitmap.dcm";
    // Bits Allocated 1: 64 pixels packed into 8 bytes.
    test::writeBytes(path, test::dicomFile(test::greyPixelModule(8, 8, 1, 1, false) +
                                           test::dicomElement(0x7FE0, 0x0010, "OB", std::string(8, '\x55'))));
    std::string message;
    EXPECT_EQ(loadErrorCode(path, &message), ErrorCode::Unsupported) << message;
    EXPECT_NE(message.find("bitmap.dcm"), std::string::npos) << message;
    EXPECT_NE(message.find("1 bits allocated"), std::string::npos) << message;
}

TEST(BadInputCatalogue, OneBitPngLoadsAsBlackAndWhite) {
    const auto dir = test::scratchDir();
    const auto path = dir / "bilevel.png";
    // A 16 x 4 bilevel PNG (bit depth 1, colour type 0): rows alternate 0xAA/0x55 bytes.
    const std::string script =
        "import struct, sys, zlib\n"
        "def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))\n"
        "rows = b''.join(b'\\x00' + (b'\\xaa\\xaa' if y % 2 == 0 else b'\\x55\\x55') for y in range(4))\n"
        "png = b'\\x89PNG\\r\\n\\x1a\\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 16, 4, 1, 0, 0, 0, 0))\n"
        "png += chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b'')\n"
        "open(sys.argv[1], 'wb').write(png)\n";
    writeFileAtomically(dir / "make_png.py", script);
    ASSERT_EQ(std::system((std::string(CXR_TEST_PYTHON) + " '" + (dir / "make_png.py").string() + "' '" +
                           path.string() + "'").c_str()),
              0);
    const imaging::Film film = imaging::loadFilm(path);
    ASSERT_EQ(film.width, 16);
    ASSERT_EQ(film.height, 4);
    // Bit 7 of 0xAA is set: white, then black, alternating; the next row the other way round.
    EXPECT_EQ(film.pixels[0], 255.0f);
    EXPECT_EQ(film.pixels[1], 0.0f);
    EXPECT_EQ(film.pixels[16], 0.0f);
    EXPECT_EQ(film.pixels[17], 255.0f);
}

// Runs `cxr args` as the unprivileged user "nobody" when we are root (root reads any file
// whatever its mode), as ourselves otherwise.
test::CliResult runUnprivileged(const std::vector<std::string>& args, const fs::path& log) {
    test::CliOptions options{false, log, 0};
    options.runAsUid = ::geteuid() == 0 ? 65534 : -1;
    test::CliProcess process(args, options);
    const int status = process.wait(120s);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, process.output()};
}

TEST(BadInputCatalogue, UnreadableFileIsNamedWithTheReason) {
    const auto dir = test::scratchDir();
    const auto path = dir / "locked.jpeg";
    writeGreyJpeg(path);
    fs::permissions(path, fs::perms::none);
    fs::permissions(dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                             fs::perms::others_read | fs::perms::others_exec);
    const auto r = runUnprivileged({"info", path.string()}, dir / "info.txt");
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_NE(r.output.find("locked.jpeg"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("Permission denied"), std::string::npos) << r.output;
}

TEST(BadInputCatalogue, NonUtf8FileNamesLoadAndStayPrintable) {
    const auto dir = test::scratchDir();
    const fs::path good = dir / fs::path(std::string("film-\xFF\xFE-caf\xE9.jpeg"));
    const fs::path bad = dir / fs::path(std::string("empty-\xC3.dcm"));
    writeGreyJpeg(good);
    writeFileAtomically(bad, "");

    // The library reads the bytes of the name as they are.
    EXPECT_EQ(imaging::loadFilm(good).width, 64);
    std::string message;
    EXPECT_EQ(loadErrorCode(bad, &message), ErrorCode::InvalidInput) << message;
    EXPECT_NE(message.find("empty-\xEF\xBF\xBD.dcm"), std::string::npos) << "not named printably: " << message;

    // The binary: one JSON object per film, each parsable (nlohmann refuses invalid UTF-8),
    // the good film described, the bad one reported.
    const auto r = test::runCli({"info", "--json", good.string(), bad.string()}, dir / "info.txt");
    EXPECT_EQ(r.code, 1) << r.output;
    int ok = 0, failed = 0;
    std::istringstream lines(r.output);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line[0] != '{')
            continue;
        Json json;
        ASSERT_NO_THROW(json = Json::parse(line)) << line;
        (json.at("ok").get<bool>() ? ok : failed) += 1;
    }
    EXPECT_EQ(ok, 1) << r.output;
    EXPECT_EQ(failed, 1) << r.output;
}

TEST(BadInputCatalogue, ModelTrainedOnOtherClassesIsRefusedForThisData) {
    const auto dir = test::scratchDir();
    const auto synth = test::runCli({"synth", (dir / "data").string(), "--train", "8", "--val", "4", "--test", "8",
                                     "--size", "64", "--seed", "2"},
                                    dir / "synth.txt");
    ASSERT_EQ(synth.code, 0) << synth.output;
    test::exportUntrainedBundle(dir / "pets", {"CAT", "DOG"});

    const auto r = test::runCli({"evaluate", (dir / "pets").string(), (dir / "data").string(), "--device", "cpu"},
                                dir / "evaluate.txt");
    EXPECT_EQ(r.code, 1) << r.output;
    for (const char* name : {"CAT", "DOG", "NORMAL", "PNEUMONIA"})
        EXPECT_NE(r.output.find(name), std::string::npos) << "the message should name " << name << ": " << r.output;
    EXPECT_EQ(r.output.find("unexpected error"), std::string::npos) << r.output;
}

TEST(BadInputCatalogue, CtrlCDuringTrainingStopsCleanlyAndCanResume) {
    const auto dir = test::scratchDir();
    const auto synth = test::runCli({"synth", (dir / "data").string(), "--train", "48", "--val", "4", "--test", "8",
                                     "--size", "64", "--seed", "4"},
                                    dir / "synth.txt");
    ASSERT_EQ(synth.code, 0) << synth.output;
    const auto run = dir / "run";
    test::CliProcess train({"train", (dir / "data").string(), "--out", run.string(), "--device", "cpu",
                            "--phase-epochs", "2,2,2", "--batch", "8", "--image-size", "32", "--workers", "1",
                            "--threads", "1"},
                           {false, dir / "train.txt", 0});
    const auto deadline = std::chrono::steady_clock::now() + 10min;
    bool interrupted = false;
    while (!interrupted && std::chrono::steady_clock::now() < deadline && !train.finished()) {
        try {
            if (training::RunState::read(run / "state.json").epochsDone >= 1) {
                ::kill(train.pid(), SIGINT);
                interrupted = true;
            }
        } catch (const std::exception&) {
        }
        std::this_thread::sleep_for(10ms);
    }
    ASSERT_TRUE(interrupted) << train.output();
    const int status = train.wait(300s);
    ASSERT_TRUE(WIFEXITED(status)) << train.output();
    EXPECT_EQ(WEXITSTATUS(status), 130) << train.output();
    EXPECT_NE(train.output().find("--resume"), std::string::npos) << train.output();
    const auto state = training::RunState::read(run / "state.json");
    EXPECT_EQ(test::checkpointProblem(training::RunDirectory(run).bestCheckpoint(state)), "");
    EXPECT_NE(state.status, "finished");
    EXPECT_LT(state.epochsDone, 6);
}

}  // namespace
}  // namespace cxr
