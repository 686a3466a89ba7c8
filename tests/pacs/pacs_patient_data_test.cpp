// Patient identifiers stay out of what CXR Studio prints as a DICOM node (the PACS side of
// tests/hardening/patient_data_test.cpp): films carrying a patient name, ID, birth date and
// accession number are retrieved with `cxr pacs get`, pushed to `cxr listen --model --json`
// and sent back with `cxr pacs send`, all at --log-level debug; none of those values appears
// in their output (console and logs). Only `cxr pacs find` shows them: it is the user's own
// PACS browser. The DICOM objects themselves keep them, as DICOM requires.
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "core/imaging/film_writer.h"
#include "hardening/cli_process.h"
#include "pacs/test_pacs_env.h"
#include "support/patient_film.h"
#include "support/tiny_model.h"
#include "test_dirs.h"

namespace cxr {
namespace {

namespace fs = std::filesystem;

// Distinct from every other test's patient, so finding one means it was copied out of a header.
const std::vector<std::string> kIdentifiers = {"VOLUPTAS", "ISENGRIM", "PID6620417", "19410923", "ACC7720194"};

std::string identifiersIn(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
    std::string found;
    for (const auto& id : kIdentifiers)
        if (text.find(id) != std::string::npos) found += (found.empty() ? "" : ", ") + id;
    return found;
}

// Two films of one patient in one new study, uploaded to the test PACS; returns the files.
std::vector<fs::path> uploadPatientStudy(const test::TestPacs& pacs, const fs::path& dir, std::string& studyUid) {
    studyUid = "1.2.826.0.1.3680043.10.7720." + std::to_string(::getpid()) + "." +
               std::to_string(std::chrono::steady_clock::now().time_since_epoch().count() % 1000000007);
    std::vector<fs::path> files;
    for (int i = 0; i < 2; ++i) {
        std::vector<std::uint16_t> pixels(96 * 112);
        for (size_t p = 0; p < pixels.size(); ++p) pixels[p] = static_cast<std::uint16_t>((p * 37 + i * 500) % 4096);
        auto patient = test::identifiedPatient("VOLUPTAS^ISENGRIM", "PID6620417");
        patient.birthDate = "19410923";
        patient.accessionNumber = "ACC7720194";
        patient.studyInstanceUid = studyUid;
        const fs::path file = dir / ("film" + std::to_string(i) + ".dcm");
        imaging::writeDicom(file, test::patientFilm(96, 112, pixels, patient), imaging::DicomSyntax::ExplicitLittle);
        test::uploadToOrthanc(pacs, file);
        files.push_back(file);
    }
    return files;
}

TEST(PatientData, NeverInWhatThePacsCommandsPrint) {
    const auto dir = test::scratchDir();
    const auto pacs = test::testPacs();
    const std::string node = pacs.node.toString();
    std::string study;
    const auto films = uploadPatientStudy(pacs, dir, study);
    const std::string model = test::tinyRandomModel(dir / "model").string();

    // The PACS browser shows the patient: that is what it is for.
    const auto find = test::runCli({"--log-level", "debug", "pacs", "find", node, "--patient-id", "PID6620417"},
                                   dir / "find.log", std::chrono::seconds(60));
    EXPECT_EQ(find.code, 0) << find.output;
    EXPECT_NE(identifiersIn(find.output), "") << "find shows whose studies they are";

    const auto get = test::runCli({"--log-level", "debug", "pacs", "get", node, "--study", study, "--out",
                                   (dir / "got").string()},
                                  dir / "get.log", std::chrono::seconds(60));
    EXPECT_EQ(get.code, 0) << get.output;
    EXPECT_NE(get.output.find("2 object(s)"), std::string::npos) << get.output;
    EXPECT_EQ(identifiersIn(get.output), "") << get.output;

    const auto send = test::runCli({"--log-level", "debug", "pacs", "send", node, "--model", model, films[0].string()},
                                   dir / "send.log", std::chrono::seconds(120));
    EXPECT_EQ(send.code, 0) << send.output;
    EXPECT_EQ(identifiersIn(send.output), "") << send.output;

    const int port = test::closedPort();
    test::CliOptions options;
    options.logFile = dir / "listen.log";
    test::CliProcess listen({"--log-level", "debug", "listen", "--port", std::to_string(port), "--out",
                             (dir / "received").string(), "--model", model, "--json"},
                            options);
    // Pushes until the listener has bound its port (the first tries may find nobody there).
    int pushed = -1;
    for (int attempt = 0; attempt < 50 && pushed != 0; ++attempt) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        const std::string command = "storescu -aec CXRSTUDIO 127.0.0.1 " + std::to_string(port) + " " +
                                    films[0].string() + " " + films[1].string() + " >/dev/null 2>&1";
        pushed = std::system(command.c_str());
    }
    ASSERT_EQ(pushed, 0) << "storescu could not push to cxr listen";
    const auto diagnosedBoth = [&] {
        const std::string text = listen.output();
        return std::count(text.begin(), text.end(), '\n') >= 2 && text.find("probability") != std::string::npos;
    };
    for (int i = 0; i < 300 && !diagnosedBoth(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ::kill(listen.pid(), SIGINT);
    const int status = listen.wait(std::chrono::seconds(30));
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << listen.output();
    const std::string out = listen.output();
    EXPECT_NE(out.find("probability"), std::string::npos) << out;
    EXPECT_EQ(identifiersIn(out), "") << out;
}

}  // namespace
}  // namespace cxr
