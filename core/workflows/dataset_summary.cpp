#include "core/workflows/dataset_summary.h"

#include <algorithm>
#include <set>

#include "core/data/dataset_index.h"
#include "core/data/split.h"

namespace cxr::workflows {
namespace {

DatasetRow rowOf(const std::string& name, const std::vector<data::FilmEntry>& films, std::size_t classes) {
    DatasetRow row;
    row.name = name;
    row.perClass.assign(classes, 0);
    std::set<std::string> patients;
    for (const auto& f : films) {
        if (f.label >= 0 && static_cast<std::size_t>(f.label) < classes)
            ++row.perClass[static_cast<std::size_t>(f.label)];
        patients.insert(f.patientId);
    }
    row.films = films.size();
    row.patients = patients.size();
    return row;
}

}  // namespace

double DatasetSummary::imbalance() const {
    for (const auto& row : plan) {
        if (row.name != "train" || row.perClass.empty())
            continue;
        const auto [lo, hi] = std::minmax_element(row.perClass.begin(), row.perClass.end());
        return *lo > 0 ? static_cast<double>(*hi) / static_cast<double>(*lo) : 0.0;
    }
    return 0.0;
}

DatasetSummary summarizeDataset(const std::filesystem::path& root, data::ValPolicy policy, double valFraction,
                                std::uint64_t seed) {
    const auto index = data::DatasetIndex::scan(root);
    DatasetSummary s;
    s.root = index.root();
    s.classes = index.classes();
    s.problems = index.problems();
    s.synthetic = std::filesystem::exists(index.root() / "synth.json");
    for (const auto& split : index.splits())
        s.folders.push_back(rowOf(split, index.entries(split), s.classes.size()));
    const auto plan = data::makeSplit(index, policy, valFraction, seed);
    s.plan.push_back(rowOf("train", plan.train, s.classes.size()));
    s.plan.push_back(rowOf("val", plan.val, s.classes.size()));
    s.plan.push_back(rowOf("test", plan.test, s.classes.size()));
    s.policy = plan.policy;
    s.reason = plan.reason;
    return s;
}

}  // namespace cxr::workflows
