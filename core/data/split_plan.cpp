#include "core/data/split_plan.h"

#include <set>

#include "core/common/error.h"
#include "core/common/notice_json.h"

namespace cxr::data {

ValPolicy parseValPolicy(const std::string& name) {
    if (name == "auto")
        return ValPolicy::Auto;
    if (name == "folder")
        return ValPolicy::Folder;
    throw Error(ErrorCode::InvalidInput, "unknown validation policy \"" + name + "\"; use \"auto\" or \"folder\"");
}

const char* valPolicyName(ValPolicy policy) { return policy == ValPolicy::Folder ? "folder" : "auto"; }

std::vector<std::size_t> SplitPlan::classCounts(const std::vector<FilmEntry>& films) const {
    std::vector<std::size_t> counts(classes.size(), 0);
    for (const auto& f : films)
        if (f.label >= 0 && static_cast<std::size_t>(f.label) < counts.size())
            ++counts[static_cast<std::size_t>(f.label)];
    return counts;
}

Json SplitPlan::toJson() const {
    auto countsJson = [&](const std::vector<FilmEntry>& films) {
        Json j = Json::object();
        const auto counts = classCounts(films);
        for (std::size_t c = 0; c < classes.size(); ++c)
            j[classes[c]] = counts[c];
        j["total"] = films.size();
        return j;
    };
    auto patients = [](const std::vector<FilmEntry>& films) {
        std::set<std::string> ids;
        for (const auto& f : films)
            ids.insert(f.patientId);
        return ids.size();
    };
    return {{"policy", policy},
            {"reason", englishText(reason)},
            {"reasonNotice", noticeToJson(reason)},
            {"valFraction", valFraction},
            {"seed", seed},
            {"resplit", resplit},
            {"classes", classes},
            {"counts", {{"train", countsJson(train)}, {"val", countsJson(val)}, {"test", countsJson(test)}}},
            {"patients", {{"train", patients(train)}, {"val", patients(val)}, {"test", patients(test)}}}};
}

}  // namespace cxr::data
