// The wizard's data summary, computed in core: per split and class counts, patients, the split
// training will use, its reason, and the training imbalance — checked against the index and the
// split the trainer itself draws.
#include <algorithm>
#include <filesystem>
#include <set>

#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/data/dataset_index.h"
#include "core/data/split.h"
#include "core/synth/synthetic_set.h"
#include "core/workflows/dataset_summary.h"
#include "test_dirs.h"

namespace cxr::workflows {
namespace {

std::filesystem::path smallSet(const std::filesystem::path& dir) {
    synth::SynthOptions o;
    o.train = 30;
    o.val = 4;
    o.test = 10;
    o.size = 48;
    o.seed = 11;
    synth::makeSyntheticSet(dir / "data", o);
    return dir / "data";
}

std::size_t patientsOf(const std::vector<data::FilmEntry>& films) {
    std::set<std::string> ids;
    for (const auto& f : films)
        ids.insert(f.patientId);
    return ids.size();
}

TEST(DatasetSummary, CountsWhatTheIndexAndTheTrainersSplitHold) {
    const auto root = smallSet(test::scratchDir());
    const auto s = summarizeDataset(root, data::ValPolicy::Auto);
    const auto index = data::DatasetIndex::scan(root);
    const auto plan = data::makeSplit(index, data::ValPolicy::Auto);

    EXPECT_EQ(s.classes, index.classes());
    ASSERT_EQ(s.folders.size(), index.splits().size());
    for (const auto& row : s.folders) {
        const auto films = index.entries(row.name);
        EXPECT_EQ(row.films, films.size()) << row.name;
        EXPECT_EQ(row.patients, patientsOf(films)) << row.name;
        ASSERT_EQ(row.perClass.size(), s.classes.size());
        for (std::size_t c = 0; c < s.classes.size(); ++c)
            EXPECT_EQ(row.perClass[c], static_cast<std::size_t>(std::count_if(
                                           films.begin(), films.end(),
                                           [&](const data::FilmEntry& f) { return f.label == static_cast<int>(c); })));
    }
    // The plan rows are the split training uses: 4 val films re-split train by patient.
    ASSERT_EQ(s.plan.size(), 3u);
    EXPECT_EQ(s.plan[0].films, plan.train.size());
    EXPECT_EQ(s.plan[1].films, plan.val.size());
    EXPECT_EQ(s.plan[2].films, plan.test.size());
    EXPECT_EQ(s.plan[0].patients, patientsOf(plan.train));
    EXPECT_EQ(s.policy, "auto");
    EXPECT_EQ(s.reason, plan.reason);
    EXPECT_EQ(s.reason.code(), "split.small_val_resplit");
    EXPECT_TRUE(s.synthetic);

    // Imbalance: films of the training split's largest class per film of its smallest.
    const auto [lo, hi] = std::minmax_element(s.plan[0].perClass.begin(), s.plan[0].perClass.end());
    ASSERT_GT(*lo, 0u);
    EXPECT_DOUBLE_EQ(s.imbalance(), static_cast<double>(*hi) / static_cast<double>(*lo));
}

TEST(DatasetSummary, TheFolderPolicyKeepsValAsGivenAndABadFolderIsNamed) {
    const auto root = smallSet(test::scratchDir());
    const auto s = summarizeDataset(root, data::ValPolicy::Folder);
    EXPECT_EQ(s.policy, "folder");
    EXPECT_EQ(s.reason.code(), "split.val_as_given");
    EXPECT_EQ(s.plan[1].films, 4u);
    try {
        summarizeDataset(root / "missing", data::ValPolicy::Auto);
        FAIL() << "a missing folder was summarised";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("missing"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace cxr::workflows
