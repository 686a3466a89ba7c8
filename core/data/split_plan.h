#pragma once
// SplitPlan: which films train, which validate, which test, and why — the record a run keeps
// of its data split. Plain data (cxr_ml) so the trainer can carry it; made by makeSplit (split.h).
#include <cstdint>
#include <string>
#include <vector>

#include "core/common/json_io.h"
#include "core/common/notice.h"
#include "core/data/film_entry.h"

namespace cxr::data {

// Auto: when val has fewer than kMinValFilms films (Kaggle's has 16), merge it into train and
// re-split train by patient, stratified by class. Folder: use the val folder as given.
enum class ValPolicy { Auto, Folder };

constexpr std::size_t kMinValFilms = 100;

ValPolicy parseValPolicy(const std::string& name);  // "auto" | "folder"; else InvalidInput
const char* valPolicyName(ValPolicy policy);

struct SplitPlan {
    std::vector<FilmEntry> train, val, test;
    std::vector<std::string> classes;
    std::string policy;   // "auto" or "folder"
    Notice reason;        // split.val_as_given, split.small_val_resplit, split.no_val_resplit
    double valFraction = 0.1;
    std::uint64_t seed = 42;
    bool resplit = false;  // true when val was drawn from train

    // {"policy", "reason", "valFraction", "seed", "resplit", "classes",
    //  "counts": {"train": {"NORMAL": n, ...}, "val": {...}, "test": {...}},
    //  "patients": {"train": n, "val": n, "test": n}}
    Json toJson() const;
    // Films per class (index = label) in one of the lists.
    std::vector<std::size_t> classCounts(const std::vector<FilmEntry>& films) const;
};

}  // namespace cxr::data
