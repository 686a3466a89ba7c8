#include "checkpoint_check.h"

#include <exception>

#include <torch/torch.h>

#include "core/model/model_bundle.h"
#include "core/model/preprocess.h"
#include "core/model/resnet18.h"
#include "core/model/state_dict.h"

namespace cxr::test {

std::string checkpointProblem(const std::filesystem::path& file) {
    try {
        const auto dict = model::readStateDict(file);
        model::ResNet18 net(2);
        model::loadStateDict(*net, dict, {}, file.string());
        for (const auto& [name, tensor] : dict)
            if (tensor.is_floating_point() && !torch::isfinite(tensor).all().item<bool>())
                return name + " holds non-finite values";
        return {};
    } catch (const std::exception& e) {
        return e.what();
    }
}

std::string weightsDifference(const std::filesystem::path& a, const std::filesystem::path& b) {
    try {
        const auto first = model::readStateDict(a);
        const auto second = model::readStateDict(b);
        if (first.size() != second.size())
            return "they hold " + std::to_string(first.size()) + " and " + std::to_string(second.size()) + " tensors";
        for (std::size_t i = 0; i < first.size(); ++i) {
            if (first[i].first != second[i].first)
                return "tensor " + std::to_string(i) + " is " + first[i].first + " and " + second[i].first;
            if (!torch::equal(first[i].second.contiguous(), second[i].second.contiguous()))
                return first[i].first + " differs";
        }
        return {};
    } catch (const std::exception& e) {
        return e.what();
    }
}

void exportUntrainedBundle(const std::filesystem::path& dir, const std::vector<std::string>& classes) {
    model::ResNet18 net(static_cast<int64_t>(classes.size()));
    net->eval();
    model::exportModelBundle(dir, net, classes, model::PreprocessSpec{}, 0.5, 1.0, Json::object(), Json::object());
}

}  // namespace cxr::test
