// DICOM nodes as users write them, and C-ECHO against a real Orthanc started by the
// pacs.orthanc fixture (tests/pacs/orthanc_fixture.sh): answered, rejected, unreachable, and
// the same through `cxr pacs echo`.
#include <chrono>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/pacs/dicom_node.h"
#include "core/pacs/verification.h"
#include "hardening/cli_process.h"
#include "pacs/test_pacs_env.h"
#include "test_dirs.h"

namespace cxr::pacs {
namespace {

TEST(DicomNode, ParsesAetHostPortAndSaysWhatIsWrong) {
    const auto n = parseDicomNode("ORTHANC@localhost:4242");
    EXPECT_EQ(n.aeTitle, "ORTHANC");
    EXPECT_EQ(n.host, "localhost");
    EXPECT_EQ(n.port, 4242);
    EXPECT_EQ(n.toString(), "ORTHANC@localhost:4242");
    const auto v6 = parseDicomNode("PACS@[::1]:104");
    EXPECT_EQ(v6.host, "::1");
    EXPECT_EQ(v6.toString(), "PACS@[::1]:104");
    const std::map<std::string, std::string> bad{
        {"localhost:4242", "no '@'"},
        {"ORTHANC@localhost", "no ':'"},
        {"ORTHANC@:4242", "host is empty"},
        {"ORTHANC@localhost:port", "not a number"},
        {"ORTHANC@localhost:70000", "outside 1..65535"},
        {"@localhost:4242", "it is empty"},
        {"A_TITLE_OF_SEVENTEEN@h:1", "at most 16"},
        {"BAD\\AET@h:1", "backslashes"},
        {"   @h:1", "only spaces"},
    };
    for (const auto& [text, why] : bad) {
        try {
            parseDicomNode(text);
            ADD_FAILURE() << text << " was accepted";
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
            EXPECT_NE(std::string(e.what()).find(why), std::string::npos) << text << ": " << e.what();
            EXPECT_NE(std::string(e.what()).find(text), std::string::npos) << e.what();
        }
    }
}

DicomNode testPacs() { return test::testPacs().node; }
using test::closedPort;

TEST(Verification, ARealPacsAnswersTheEcho) {
    const auto result = verifyConnection(testPacs(), AssociationSettings{});
    EXPECT_GT(result.milliseconds, 0.0);
    EXPECT_LT(result.milliseconds, 10000.0);
}

TEST(Verification, AWrongCalledAeTitleIsRejectedAndSaidSo) {
    DicomNode wrong = testPacs();
    wrong.aeTitle = "NOTTHEPACS";
    try {
        verifyConnection(wrong, AssociationSettings{});
        FAIL() << "the PACS accepted a wrong called AE title";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
        EXPECT_NE(std::string(e.what()).find("rejected"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("NOTTHEPACS@127.0.0.1"), std::string::npos) << e.what();
    }
}

TEST(Verification, NobodyListeningFailsWithinTheTimeoutNamingTheNode) {
    const DicomNode nobody{"PACS", "127.0.0.1", closedPort()};
    AssociationSettings settings;
    settings.connectTimeoutSeconds = 2;
    const auto start = std::chrono::steady_clock::now();
    try {
        verifyConnection(nobody, settings);
        FAIL() << "an echo to a closed port succeeded";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Io);
        EXPECT_NE(std::string(e.what()).find(nobody.toString()), std::string::npos) << e.what();
    }
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(PacsCli, EchoAnswersAndABadNodeIsAUsageMessage) {
    const auto dir = test::scratchDir();
    const auto pacs = testPacs();
    const auto ok = test::runCli({"pacs", "echo", pacs.toString(), "--aet", "CXRTEST"}, dir / "ok.log",
                                 std::chrono::seconds(60));
    EXPECT_EQ(ok.code, 0) << ok.output;
    EXPECT_NE(ok.output.find(pacs.toString() + " answered the echo from CXRTEST"), std::string::npos) << ok.output;
    const auto bad = test::runCli({"pacs", "echo", "no-at-sign:4242"}, dir / "bad.log", std::chrono::seconds(60));
    EXPECT_EQ(bad.code, 1) << bad.output;
    EXPECT_NE(bad.output.find("is not a DICOM node"), std::string::npos) << bad.output;
    const auto rejected = test::runCli({"pacs", "echo", "WRONG@127.0.0.1:" + std::to_string(pacs.port)},
                                       dir / "rejected.log", std::chrono::seconds(60));
    EXPECT_EQ(rejected.code, 1) << rejected.output;
    EXPECT_NE(rejected.output.find("rejected"), std::string::npos) << rejected.output;
}

}  // namespace
}  // namespace cxr::pacs
