// RecordsDb's records: each kind written, closed, reopened and read back field by field.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <functional>
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

const std::string kModelA = test::filmSha("model-a");
const std::string kModelB = test::filmSha("model-b");

bool isIsoUtc(const std::string& t) {
    // 2026-12-07T21:52:24.123Z
    return t.size() == 24 && t[4] == '-' && t[10] == 'T' && t[13] == ':' && t.back() == 'Z';
}

std::string bytesOf(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST(RecordsDb, EveryRecordKindRoundTripsThroughTheFile) {
    const fs::path file = test::scratchDir() / "sub" / "records.sqlite";
    std::int64_t diagnosisId = 0, verdictId = 0, runId = 0;
    {
        auto db = RecordsDb::open(file);  // creates the missing folder
        EXPECT_TRUE(db->writable());
        EXPECT_EQ(db->path(), file);
        db->recordFilm(test::sampleFilm("one"));
        auto d = test::sampleDiagnosis("one", kModelA, true);
        d.probabilities = {0.1234567890123, 0.8765432109877};
        diagnosisId = db->recordDiagnosis(d);
        auto v = test::sampleVerdict("one", diagnosisId, false, "other");
        v.otherText = "pleural effusion";
        verdictId = db->recordVerdict(v);
        RunRecord run;
        run.folder = "/runs/2026-12-07";
        run.configHash = "cfg123";
        run.modelSha256 = kModelB;
        run.testFiguresJson = R"({"auc":0.97,"accuracy":0.91})";
        runId = db->recordRun(run);
    }
    EXPECT_GT(diagnosisId, 0);
    EXPECT_GT(verdictId, 0);
    EXPECT_GT(runId, 0);

    auto db = RecordsDb::open(file);
    const auto film = db->film(test::filmSha("one"));
    ASSERT_TRUE(film);
    const auto expected = test::sampleFilm("one");
    EXPECT_EQ(film->sha256, expected.sha256);
    EXPECT_EQ(film->path, expected.path);
    EXPECT_EQ(film->studyInstanceUid, expected.studyInstanceUid);
    EXPECT_EQ(film->seriesInstanceUid, expected.seriesInstanceUid);
    EXPECT_EQ(film->sopInstanceUid, expected.sopInstanceUid);
    EXPECT_EQ(film->sizeBytes, expected.sizeBytes);
    EXPECT_EQ(film->patientName, "");  // not kept by default
    EXPECT_EQ(film->patientId, "");
    EXPECT_TRUE(isIsoUtc(film->firstSeen)) << film->firstSeen;
    EXPECT_EQ(film->firstSeen, film->lastSeen);
    EXPECT_FALSE(db->film(test::filmSha("never")));

    const auto diagnoses = db->diagnosesOf(test::filmSha("one"));
    ASSERT_EQ(diagnoses.size(), 1u);
    const auto& d = diagnoses[0];
    EXPECT_EQ(d.id, diagnosisId);
    EXPECT_EQ(d.filmSha256, test::filmSha("one"));
    EXPECT_EQ(d.modelSha256, kModelA);
    EXPECT_EQ(d.modelName, "resnet18-" + kModelA.substr(0, 4));
    EXPECT_EQ(d.method, "gradcam");
    EXPECT_EQ(d.layer, "layer4");
    EXPECT_EQ(d.classes, (std::vector<std::string>{"NORMAL", "PNEUMONIA"}));
    EXPECT_EQ(d.probabilities, (std::vector<double>{0.1234567890123, 0.8765432109877}));  // exact
    EXPECT_EQ(d.label, "PNEUMONIA");
    EXPECT_DOUBLE_EQ(d.threshold, 0.4);
    EXPECT_EQ(d.warnings, std::vector<std::string>{"lateral-view"});
    EXPECT_EQ(d.timingsMs, (std::map<std::string, double>{{"forward", 40.25}, {"load", 12.5}}));
    EXPECT_TRUE(isIsoUtc(d.createdAt)) << d.createdAt;

    const auto verdicts = db->verdictsOf(test::filmSha("one"));
    ASSERT_EQ(verdicts.size(), 1u);
    const auto& v = verdicts[0];
    EXPECT_EQ(v.id, verdictId);
    EXPECT_EQ(v.filmSha256, test::filmSha("one"));
    EXPECT_EQ(v.diagnosisId, diagnosisId);
    EXPECT_FALSE(v.agrees);
    EXPECT_EQ(v.label, "other");
    EXPECT_EQ(v.otherText, "pleural effusion");
    EXPECT_EQ(v.note, "seen by one");
    EXPECT_EQ(v.reviewer, "dr-test");
    EXPECT_TRUE(isIsoUtc(v.createdAt)) << v.createdAt;

    const auto runs = db->runs();
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].id, runId);
    EXPECT_EQ(runs[0].folder, "/runs/2026-12-07");
    EXPECT_EQ(runs[0].configHash, "cfg123");
    EXPECT_EQ(runs[0].modelSha256, kModelB);
    EXPECT_EQ(runs[0].testFiguresJson, R"({"auc":0.97,"accuracy":0.91})");
    EXPECT_TRUE(isIsoUtc(runs[0].createdAt));

    EXPECT_EQ(db->models(), (std::map<std::string, std::string>{{kModelA, "resnet18-" + kModelA.substr(0, 4)}}));
    EXPECT_EQ(db->integrityCheck(), "ok");
}

TEST(RecordsDb, AFilmSeenAgainKeepsItsRowAndMovesItsPathOn) {
    auto db = RecordsDb::open(test::scratchDir() / "records.sqlite");
    db->recordFilm(test::sampleFilm("film"));
    const auto first = *db->film(test::filmSha("film"));
    const auto id = db->recordDiagnosis(test::sampleDiagnosis("film", kModelA, true));

    auto renamed = test::sampleFilm("film");
    renamed.path = "/elsewhere/renamed.dcm";
    renamed.studyInstanceUid.clear();  // a JPEG export of it: no UIDs this time
    renamed.seriesInstanceUid.clear();
    renamed.sopInstanceUid.clear();
    db->recordFilm(renamed);

    const auto again = *db->film(test::filmSha("film"));
    EXPECT_EQ(again.sha256, first.sha256);
    EXPECT_EQ(again.path, "/elsewhere/renamed.dcm");
    EXPECT_EQ(again.studyInstanceUid, first.studyInstanceUid) << "UIDs known are kept";
    EXPECT_EQ(again.sopInstanceUid, first.sopInstanceUid);
    EXPECT_EQ(again.firstSeen, first.firstSeen);
    EXPECT_GE(again.lastSeen, first.lastSeen);
    EXPECT_EQ(db->worklist().size(), 1u) << "one film, not two";
    ASSERT_EQ(db->diagnosesOf(test::filmSha("film")).size(), 1u);
    EXPECT_EQ(db->diagnosesOf(test::filmSha("film"))[0].id, id) << "its diagnoses stay with it";
}

TEST(RecordsDb, LatestDiagnosisIsPerModel) {
    auto db = RecordsDb::open(test::scratchDir() / "records.sqlite");
    db->recordFilm(test::sampleFilm("film"));
    db->recordFilm(test::sampleFilm("other"));
    EXPECT_FALSE(db->latestDiagnosis(test::filmSha("film"), kModelA));
    const auto a1 = db->recordDiagnosis(test::sampleDiagnosis("film", kModelA, false));
    const auto b1 = db->recordDiagnosis(test::sampleDiagnosis("film", kModelB, true));
    const auto a2 = db->recordDiagnosis(test::sampleDiagnosis("film", kModelA, true));
    db->recordDiagnosis(test::sampleDiagnosis("other", kModelA, false));

    const auto latestA = db->latestDiagnosis(test::filmSha("film"), kModelA);
    ASSERT_TRUE(latestA);
    EXPECT_EQ(latestA->id, a2);
    EXPECT_EQ(latestA->label, "PNEUMONIA");
    const auto latestB = db->latestDiagnosis(test::filmSha("film"), kModelB);
    ASSERT_TRUE(latestB);
    EXPECT_EQ(latestB->id, b1);
    EXPECT_EQ(db->latestDiagnosis(test::filmSha("film"), "")->id, a2) << "empty model: any";
    EXPECT_FALSE(db->latestDiagnosis(test::filmSha("film"), test::filmSha("model-c")));
    EXPECT_FALSE(db->latestDiagnosis(test::filmSha("never"), kModelA));

    const auto all = db->diagnosesOf(test::filmSha("film"));
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].id, a1);  // oldest first
    EXPECT_EQ(all[2].id, a2);
    EXPECT_EQ(db->models().size(), 2u);
}

TEST(RecordsDb, VerdictsAreAppendedAndTheLatestCounts) {
    auto db = RecordsDb::open(test::scratchDir() / "records.sqlite");
    db->recordFilm(test::sampleFilm("film"));
    const auto d = db->recordDiagnosis(test::sampleDiagnosis("film", kModelA, true));
    const auto v1 = db->recordVerdict(test::sampleVerdict("film", d, false, "NORMAL"));
    const auto v2 = db->recordVerdict(test::sampleVerdict("film", d, true, "PNEUMONIA"));
    EXPECT_GT(v2, v1);

    const auto verdicts = db->verdictsOf(test::filmSha("film"));
    ASSERT_EQ(verdicts.size(), 2u) << "a change adds a row";
    EXPECT_EQ(verdicts[0].label, "NORMAL");
    EXPECT_FALSE(verdicts[0].agrees);
    EXPECT_EQ(verdicts[1].label, "PNEUMONIA");

    const auto rows = db->worklist();
    ASSERT_EQ(rows.size(), 1u);
    ASSERT_TRUE(rows[0].verdict);
    EXPECT_EQ(rows[0].verdict->id, v2);
    EXPECT_TRUE(rows[0].verdict->agrees);
    WorklistFilter disagreements;
    disagreements.disagreementsOnly = true;
    EXPECT_TRUE(db->worklist(disagreements).empty()) << "the earlier disagreement no longer counts";
}

TEST(RecordsDb, RefusesRecordsItCannotKeep) {
    auto db = RecordsDb::open(test::scratchDir() / "records.sqlite");
    auto expectCode = [](ErrorCode code, const std::function<void()>& f, const std::string& words) {
        try {
            f();
            ADD_FAILURE() << "no error for " << words;
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), code) << e.what();
            EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
        }
    };
    expectCode(ErrorCode::InvalidInput, [&] { db->recordDiagnosis(test::sampleDiagnosis("ghost", kModelA, true)); },
               "is not recorded");
    db->recordFilm(test::sampleFilm("film"));
    db->recordFilm(test::sampleFilm("other"));
    const auto d = db->recordDiagnosis(test::sampleDiagnosis("other", kModelA, true));
    expectCode(ErrorCode::InvalidInput, [&] { db->recordVerdict(test::sampleVerdict("film", d, true, "NORMAL")); },
               "is not one of film");
    expectCode(ErrorCode::InvalidInput, [&] { db->recordVerdict(test::sampleVerdict("film", 0, true, "maybe")); },
               "NORMAL, PNEUMONIA or other");
    expectCode(ErrorCode::InvalidInput, [&] { db->recordVerdict(test::sampleVerdict("film", 0, true, "other")); },
               "needs its text");
    auto mismatched = test::sampleDiagnosis("film", kModelA, true);
    mismatched.probabilities.pop_back();
    expectCode(ErrorCode::InvalidInput, [&] { db->recordDiagnosis(mismatched); }, "probabilities");
    // Nothing of the refused records arrived; the database still works.
    EXPECT_TRUE(db->verdictsOf(test::filmSha("film")).empty());
    EXPECT_TRUE(db->diagnosesOf(test::filmSha("film")).empty());
    EXPECT_EQ(db->recordVerdict(test::sampleVerdict("other", d, true, "PNEUMONIA")) > 0, true);
}

TEST(RecordsDb, AVerdictWithoutReviewerIsTheOsUsers) {
    auto db = RecordsDb::open(test::scratchDir() / "records.sqlite");
    db->recordFilm(test::sampleFilm("film"));
    auto v = test::sampleVerdict("film", 0, true, "NORMAL");
    v.reviewer.clear();
    db->recordVerdict(v);
    const auto verdicts = db->verdictsOf(test::filmSha("film"));
    ASSERT_EQ(verdicts.size(), 1u);
    EXPECT_FALSE(verdicts[0].reviewer.empty());
    EXPECT_EQ(verdicts[0].diagnosisId, 0);
}

TEST(RecordsDb, PatientNamesAndIdsAreNotStoredUnlessAsked) {
    const fs::path dir = test::scratchDir();
    {
        auto db = RecordsDb::open(dir / "plain.sqlite");
        db->recordFilm(test::sampleFilm("secret"));
        EXPECT_EQ(db->film(test::filmSha("secret"))->patientName, "");
    }
    // Closed: the write-ahead log is folded in and removed; the file's bytes are everything.
    EXPECT_FALSE(fs::exists(dir / "plain.sqlite-wal"));
    const std::string bytes = bytesOf(dir / "plain.sqlite");
    EXPECT_EQ(bytes.find("DOE^JANE"), std::string::npos) << "the patient name reached the file";
    EXPECT_EQ(bytes.find("PID-secret"), std::string::npos) << "the patient ID reached the file";
    EXPECT_NE(bytes.find("/films/secret.dcm"), std::string::npos) << "the check looks at the right bytes";

    RecordsOptions keep;
    keep.keepPatientIdentity = true;
    {
        auto db = RecordsDb::open(dir / "kept.sqlite", keep);
        db->recordFilm(test::sampleFilm("secret"));
        const auto film = db->film(test::filmSha("secret"));
        EXPECT_EQ(film->patientName, "DOE^JANE^secret");
        EXPECT_EQ(film->patientId, "PID-secret");
    }
    EXPECT_NE(bytesOf(dir / "kept.sqlite").find("DOE^JANE^secret"), std::string::npos);
}

TEST(RecordsDb, DefaultPathFollowsTheEnvironment) {
    const auto saved = [](const char* name) {
        const char* v = std::getenv(name);
        return v ? std::optional<std::string>(v) : std::nullopt;
    };
    const auto db = saved("CXR_RECORDS_DB"), xdg = saved("XDG_DATA_HOME"), home = saved("HOME");
    ::setenv("CXR_RECORDS_DB", "/tmp/chosen.sqlite", 1);
    ::setenv("XDG_DATA_HOME", "/data/xdg", 1);
    EXPECT_EQ(RecordsDb::defaultPath(), fs::path("/tmp/chosen.sqlite"));
    ::unsetenv("CXR_RECORDS_DB");
    EXPECT_EQ(RecordsDb::defaultPath(), fs::path("/data/xdg/cxr-studio/records.sqlite"));
    ::setenv("XDG_DATA_HOME", "relative/ignored", 1);
    ::setenv("HOME", "/home/reviewer", 1);
    EXPECT_EQ(RecordsDb::defaultPath(), fs::path("/home/reviewer/.local/share/cxr-studio/records.sqlite"));
    ::unsetenv("XDG_DATA_HOME");
    EXPECT_EQ(RecordsDb::defaultPath(), fs::path("/home/reviewer/.local/share/cxr-studio/records.sqlite"));
    const auto restore = [](const char* name, const std::optional<std::string>& v) {
        if (v)
            ::setenv(name, v->c_str(), 1);
        else
            ::unsetenv(name);
    };
    restore("CXR_RECORDS_DB", db);
    restore("XDG_DATA_HOME", xdg);
    restore("HOME", home);
}

TEST(RecordsDb, ABatchIsAllOrNothing) {
    auto db = RecordsDb::open(test::scratchDir() / "records.sqlite");
    db->batch([&] {
        for (const char* name : {"a", "b", "c"}) {
            db->recordFilm(test::sampleFilm(name));
            db->recordDiagnosis(test::sampleDiagnosis(name, kModelA, true));
        }
        EXPECT_EQ(db->worklist().size(), 3u) << "a batch reads its own writes";
    });
    EXPECT_EQ(db->worklist().size(), 3u);
    EXPECT_THROW(db->batch([&] {
        db->recordFilm(test::sampleFilm("d"));
        db->recordDiagnosis(test::sampleDiagnosis("ghost", kModelA, true));  // not recorded: throws
    }),
                 Error);
    EXPECT_FALSE(db->film(test::filmSha("d"))) << "the failed batch left a film behind";
    EXPECT_EQ(db->worklist().size(), 3u);
    db->recordFilm(test::sampleFilm("e"));  // single writes work after it
    EXPECT_EQ(db->worklist().size(), 4u);
}

TEST(RecordsDb, OddValuesInListsSurviveTheirJsonColumns) {
    auto db = RecordsDb::open(test::scratchDir() / "records.sqlite");
    db->recordFilm(test::sampleFilm("film"));
    auto d = test::sampleDiagnosis("film", kModelA, true);
    d.probabilities = {std::numeric_limits<double>::quiet_NaN(), 1e-300};
    d.warnings = {"quote \"inside\"", "back\\slash", "ünïcode", ""};
    d.timingsMs = {{"odd \"stage\"", 0.1}, {"nan", std::numeric_limits<double>::quiet_NaN()}};
    d.classes = {"NORMAL", "PNEU\nMONIA"};
    db->recordDiagnosis(d);
    db->recordDiagnosis(test::sampleDiagnosis("film", kModelA, false));  // plain, after the odd one
    const auto all = db->diagnosesOf(test::filmSha("film"));
    ASSERT_EQ(all.size(), 2u);
    EXPECT_TRUE(std::isnan(all[0].probabilities[0]));
    EXPECT_EQ(all[0].probabilities[1], 1e-300);
    EXPECT_EQ(all[0].warnings, d.warnings);
    EXPECT_EQ(all[0].classes, d.classes);
    EXPECT_EQ(all[0].timingsMs.at("odd \"stage\""), 0.1);
    EXPECT_TRUE(std::isnan(all[0].timingsMs.at("nan")));
    EXPECT_EQ(all[1].probabilities, (std::vector<double>{0.8125, 0.1875}));
    EXPECT_EQ(all[1].warnings, std::vector<std::string>{"lateral-view"});
}
