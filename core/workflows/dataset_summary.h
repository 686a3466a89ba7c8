#pragma once
// DatasetSummary: what the wizard's data page shows about a folder — films per split and class,
// patients, the validation policy that will apply and why, and the problems the index found.
// Made by the engine's own index and split (data::DatasetIndex, data::makeSplit), so the page
// shows exactly the split training will use, and its figures (counts, patients, imbalance) are
// computed here, once. Plain C++; the wizard runs it off the GUI thread.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/data/split_plan.h"

namespace cxr::workflows {

struct DatasetRow {
    std::string name;                  // "train", "val", "test"
    std::vector<std::size_t> perClass;  // films per class, index = label
    std::size_t films = 0;
    std::size_t patients = 0;
};

struct DatasetSummary {
    std::filesystem::path root;       // after descending into a nested Kaggle folder
    std::vector<std::string> classes;
    std::vector<DatasetRow> folders;  // the split folders as found
    std::vector<DatasetRow> plan;     // what training will use, after the policy
    std::string policy;               // "auto" | "folder"
    Notice reason;                    // why (data::SplitPlan::reason)
    std::vector<Notice> problems;     // files the index skipped, and why
    bool synthetic = false;           // the folder is a synthetic (demo) set

    // Imbalance of the training split: films of the largest class per film of the smallest.
    double imbalance() const;
};

// Throws cxr::Error naming the folder when it is not a usable data set (missing split or class
// folder, an empty class, a policy that cannot apply).
DatasetSummary summarizeDataset(const std::filesystem::path& root, data::ValPolicy policy,
                                double valFraction = 0.1, std::uint64_t seed = 42);

}  // namespace cxr::workflows
