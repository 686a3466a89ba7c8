// The worklist: every film with its latest call and verdict, and its filters.
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <thread>

#include "core/records/records_db.h"
#include "records/records_samples.h"
#include "test_dirs.h"

using namespace cxr;
using namespace cxr::records;

namespace {

const std::string kModelA = test::filmSha("model-a");
const std::string kModelB = test::filmSha("model-b");

std::set<std::string> filmsOf(const std::vector<WorklistRow>& rows) {
    std::set<std::string> out;
    for (const auto& row : rows)
        out.insert(row.film.path);
    return out;
}

// Five films:
//   a: model A calls PNEUMONIA, reviewer agrees
//   b: model A calls NORMAL, reviewer disagrees (PNEUMONIA)
//   c: model A, then model B; not reviewed
//   d: model B only; reviewer first disagreed, then agreed
//   e: never diagnosed
class Worklist : public ::testing::Test {
protected:
    void SetUp() override {
        db = RecordsDb::open(test::scratchDir() / "records.sqlite");
        for (const char* name : {"a", "b", "c", "d", "e"})
            db->recordFilm(test::sampleFilm(name));
        const auto a = db->recordDiagnosis(test::sampleDiagnosis("a", kModelA, true));
        db->recordVerdict(test::sampleVerdict("a", a, true, "PNEUMONIA"));
        const auto b = db->recordDiagnosis(test::sampleDiagnosis("b", kModelA, false));
        db->recordVerdict(test::sampleVerdict("b", b, false, "PNEUMONIA"));
        cA = db->recordDiagnosis(test::sampleDiagnosis("c", kModelA, false));
        cB = db->recordDiagnosis(test::sampleDiagnosis("c", kModelB, true));
        const auto d = db->recordDiagnosis(test::sampleDiagnosis("d", kModelB, true));
        db->recordVerdict(test::sampleVerdict("d", d, false, "NORMAL"));
        db->recordVerdict(test::sampleVerdict("d", d, true, "PNEUMONIA"));
    }
    std::unique_ptr<RecordsDb> db;
    std::int64_t cA = 0, cB = 0;
};

std::string path(const char* name) {
    return "/films/" + std::string(name) + ".dcm";
}

}  // namespace

TEST_F(Worklist, ListsEveryFilmWithItsLatestCallAndVerdict) {
    const auto rows = db->worklist();
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(filmsOf(rows), (std::set<std::string>{path("a"), path("b"), path("c"), path("d"), path("e")}));
    for (const auto& row : rows) {
        if (row.film.path == path("c")) {
            ASSERT_TRUE(row.diagnosis);
            EXPECT_EQ(row.diagnosis->id, cB) << "the latest by any model";
            EXPECT_EQ(row.diagnosis->modelSha256, kModelB);
            EXPECT_EQ(row.diagnosis->probabilities, (std::vector<double>{0.125, 0.875}));
            EXPECT_FALSE(row.verdict);
        }
        if (row.film.path == path("e")) {
            EXPECT_FALSE(row.diagnosis);
            EXPECT_FALSE(row.verdict);
        }
        if (row.film.path == path("b")) {
            ASSERT_TRUE(row.verdict);
            EXPECT_FALSE(row.verdict->agrees);
            EXPECT_EQ(row.verdict->label, "PNEUMONIA");
            EXPECT_EQ(row.verdict->diagnosisId, row.diagnosis->id);
        }
    }
}

TEST_F(Worklist, PerModelListsOnlyThatModelsCalls) {
    WorklistFilter a;
    a.modelSha256 = kModelA;
    const auto rows = db->worklist(a);
    EXPECT_EQ(filmsOf(rows), (std::set<std::string>{path("a"), path("b"), path("c")}));
    for (const auto& row : rows) {
        ASSERT_TRUE(row.diagnosis);
        EXPECT_EQ(row.diagnosis->modelSha256, kModelA);
        if (row.film.path == path("c"))
            EXPECT_EQ(row.diagnosis->id, cA) << "model A's call, though B's is newer";
    }
    WorklistFilter unknown;
    unknown.modelSha256 = test::filmSha("model-never");
    EXPECT_TRUE(db->worklist(unknown).empty());
}

TEST_F(Worklist, UnreviewedAndDisagreementFilters) {
    WorklistFilter unreviewed;
    unreviewed.unreviewedOnly = true;
    EXPECT_EQ(filmsOf(db->worklist(unreviewed)), (std::set<std::string>{path("c"), path("e")}));

    WorklistFilter disagreements;
    disagreements.disagreementsOnly = true;
    // d's first verdict disagreed, but its latest agrees.
    EXPECT_EQ(filmsOf(db->worklist(disagreements)), std::set<std::string>{path("b")});

    WorklistFilter both;  // nothing is unreviewed and disagreed with
    both.unreviewedOnly = true;
    both.disagreementsOnly = true;
    EXPECT_TRUE(db->worklist(both).empty());

    WorklistFilter unreviewedB;
    unreviewedB.unreviewedOnly = true;
    unreviewedB.modelSha256 = kModelB;
    EXPECT_EQ(filmsOf(db->worklist(unreviewedB)), std::set<std::string>{path("c")});
}

TEST_F(Worklist, LimitKeepsTheFilmsSeenLast) {
    // Times have milliseconds: let one pass so "a" is the film seen last.
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    db->recordFilm(test::sampleFilm("a"));
    WorklistFilter one;
    one.limit = 1;
    const auto rows = db->worklist(one);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].film.path, path("a"));
    WorklistFilter three;
    three.limit = 3;
    EXPECT_EQ(db->worklist(three).size(), 3u);
    WorklistFilter none;
    none.limit = 0;
    EXPECT_TRUE(db->worklist(none).empty());
}
