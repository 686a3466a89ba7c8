#include "core/data/split.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <set>

#include "core/common/error.h"

namespace cxr::data {
namespace {

struct PatientGroup {
    std::string id;
    std::size_t films = 0;
    int label = 0;  // most frequent label of the patient's films
};

// Fisher-Yates with mt19937_64 (fully specified), not std::shuffle, whose algorithm differs
// between standard libraries: the same seed must give the same split everywhere.
template <typename T>
void seededShuffle(std::vector<T>& v, std::mt19937_64& rng) {
    for (std::size_t i = v.size(); i > 1; --i)
        std::swap(v[i - 1], v[static_cast<std::size_t>(rng() % i)]);
}



}  // namespace

void splitByPatient(const std::vector<FilmEntry>& pool, int numClasses, double valFraction, std::uint64_t seed,
                    std::vector<FilmEntry>& train, std::vector<FilmEntry>& val) {
    if (!(valFraction > 0 && valFraction < 1))
        throw Error(ErrorCode::InvalidInput, "validation fraction must be between 0 and 1, got " +
                                                 std::to_string(valFraction));
    std::map<std::string, std::vector<std::size_t>> labelCounts;  // patient -> films per label
    for (const auto& e : pool) {
        if (e.label < 0 || e.label >= numClasses)
            throw Error(ErrorCode::Internal, e.path, "film has label " + std::to_string(e.label) + " outside the classes");
        auto& counts = labelCounts[e.patientId];
        counts.resize(static_cast<std::size_t>(numClasses), 0);
        ++counts[static_cast<std::size_t>(e.label)];
    }
    std::vector<std::vector<PatientGroup>> byClass(static_cast<std::size_t>(numClasses));
    std::vector<std::size_t> filmsPerClass(static_cast<std::size_t>(numClasses), 0);
    for (const auto& [id, counts] : labelCounts) {  // map order: sorted ids, independent of pool order
        PatientGroup g;
        g.id = id;
        g.label = static_cast<int>(std::max_element(counts.begin(), counts.end()) - counts.begin());
        for (auto c : counts)
            g.films += c;
        filmsPerClass[static_cast<std::size_t>(g.label)] += g.films;
        byClass[static_cast<std::size_t>(g.label)].push_back(g);
    }

    std::mt19937_64 rng(seed);
    std::set<std::string> valPatients;
    for (std::size_t c = 0; c < byClass.size(); ++c) {
        auto& groups = byClass[c];
        seededShuffle(groups, rng);
        if (groups.size() < 2)
            continue;  // a lone patient stays in train: train must see every class
        const double target = std::max(1.0, std::round(valFraction * static_cast<double>(filmsPerClass[c])));
        double taken = 0;
        std::size_t takenGroups = 0;
        for (const auto& g : groups) {
            if (takenGroups + 1 == groups.size())
                break;  // keep at least one patient of the class in train
            const double withIt = taken + static_cast<double>(g.films);
            // Greedy in shuffled order: take a patient when it brings val closer to the target.
            if (std::abs(withIt - target) < std::abs(taken - target) || taken == 0) {
                valPatients.insert(g.id);
                taken = withIt;
                ++takenGroups;
            }
            if (taken >= target)
                break;
        }
    }
    train.clear();
    val.clear();
    for (const auto& e : pool) {
        FilmEntry copy = e;
        const bool toVal = valPatients.count(e.patientId) > 0;
        copy.split = toVal ? "val" : "train";
        (toVal ? val : train).push_back(std::move(copy));
    }
}

SplitPlan makeSplit(const DatasetIndex& index, ValPolicy policy, double valFraction, std::uint64_t seed) {
    SplitPlan plan;
    plan.classes = index.classes();
    plan.policy = valPolicyName(policy);
    plan.valFraction = valFraction;
    plan.seed = seed;
    plan.test = index.entries("test");
    const auto train = index.entries("train");
    const auto val = index.entries("val");
    const bool hasVal = index.hasSplit("val");

    if (policy == ValPolicy::Folder || (hasVal && val.size() >= kMinValFilms)) {
        if (!hasVal)
            throw Error(ErrorCode::NotFound, index.root() / "val",
                        "validation policy \"folder\" needs a val folder; use --val-policy auto to split train");
        plan.train = train;
        plan.val = val;
        plan.reason = Notice("split.val_as_given").integer("films", static_cast<std::int64_t>(val.size()));
    } else {
        std::vector<FilmEntry> pool = train;
        pool.insert(pool.end(), val.begin(), val.end());
        splitByPatient(pool, static_cast<int>(plan.classes.size()), valFraction, seed, plan.train, plan.val);
        plan.resplit = true;
        plan.reason = hasVal ? Notice("split.small_val_resplit").integer("films", static_cast<std::int64_t>(val.size()))
                             : Notice("split.no_val_resplit");
        plan.reason.number("percent", valFraction * 100, fewestDecimals(valFraction * 100, 4));
    }
    const auto trainCounts = plan.classCounts(plan.train);
    for (std::size_t c = 0; c < plan.classes.size(); ++c)
        if (trainCounts[c] == 0)
            throw Error(ErrorCode::InvalidInput, index.root() / "train" / plan.classes[c],
                        "no training films of class " + plan.classes[c] + " after the split");
    if (plan.val.empty())
        throw Error(ErrorCode::InvalidInput, index.root(),
                    "the validation split is empty (too few patients to split train); add films or a val folder");
    return plan;
}

}  // namespace cxr::data
