#pragma once
// Train/validation/test split: the validation policy and the patient-grouped stratified
// re-split of train. The test split is passed through untouched.
#include <cstdint>
#include <vector>

#include "core/data/dataset_index.h"
#include "core/data/split_plan.h"

namespace cxr::data {

// Builds the plan from an index. Throws cxr::Error(InvalidInput) when the policy needs a val
// folder that is absent (Folder) or the split would leave a class without films in train.
SplitPlan makeSplit(const DatasetIndex& index, ValPolicy policy, double valFraction = 0.1,
                    std::uint64_t seed = 42);

// Splits `pool` so that no patient has films on both sides, each class keeps about
// `valFraction` of its films in val (at least one patient per class when the class has two or
// more patients), and the result depends only on the pool's content and `seed`.
// A patient whose films carry different labels counts for its most frequent label.
void splitByPatient(const std::vector<FilmEntry>& pool, int numClasses, double valFraction,
                    std::uint64_t seed, std::vector<FilmEntry>& train, std::vector<FilmEntry>& val);

}  // namespace cxr::data
