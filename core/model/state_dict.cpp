#include "core/model/state_dict.h"

#include <ATen/ATen.h>
#include <c10/util/Exception.h>
#include <torch/utils.h>

#include <map>
#include <set>

#include "core/common/error.h"
#include "core/model/resnet18.h"
#include "core/model/torch_file.h"
#include "core/model/torch_file_writer.h"

namespace cxr::model {
namespace {

using detail::PickleRef;
using Kind = detail::PickleValue::Kind;

bool holdsTensors(const PickleRef& dict) {
    for (const auto& entry : dict->entries)
        if (entry.second->kind == Kind::Tensor)
            return true;
    return false;
}

// Training checkpoints often wrap the weights: {"state_dict": {...}, "epoch": 3}.
PickleRef unwrapCheckpoint(const PickleRef& root) {
    if (holdsTensors(root))
        return root;
    for (const char* name : {"state_dict", "model_state_dict", "model"}) {
        for (const auto& [key, value] : root->entries)
            if (key->isString() && key->text == name && value->kind == Kind::Dict && holdsTensors(value))
                return value;
    }
    return root;
}

void collect(const torch::nn::Module& module, const std::string& prefix, StateDict& out) {
    for (const auto& p : module.named_parameters(/*recurse=*/false))
        out.emplace_back(prefix + p.key(), p.value());
    for (const auto& b : module.named_buffers(/*recurse=*/false))
        out.emplace_back(prefix + b.key(), b.value());
    for (const auto& child : module.named_children())
        collect(*child.value(), prefix + child.key() + ".", out);
}

std::string listKeys(const std::vector<std::string>& keys) {
    std::string text;
    for (std::size_t i = 0; i < keys.size() && i < 8; ++i)
        text += (i ? ", " : "") + keys[i];
    if (keys.size() > 8)
        text += " and " + std::to_string(keys.size() - 8) + " more";
    return text;
}

std::string shapeText(const at::Tensor& t) {
    std::string text = "[";
    for (std::size_t i = 0; i < t.sizes().size(); ++i)
        text += (i ? ", " : "") + std::to_string(t.sizes()[i]);
    return text + "]";
}

bool skipped(const std::string& name, const std::vector<std::string>& prefixes) {
    for (const auto& prefix : prefixes)
        if (nameHasPrefix(name, prefix))
            return true;
    return false;
}

bool isBatchCounter(const std::string& name) {
    const std::string suffix = "num_batches_tracked";
    return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// NaN or infinite weights load without complaint and turn every prediction into NaN; a file
// holding them (a diverged run's checkpoint, a damaged export) is refused by tensor name.
void requireFinite(const std::string& name, const at::Tensor& t, const std::filesystem::path& path) {
    if (!at::isFloatingType(t.scalar_type()) || t.numel() == 0)
        return;
    if (at::isfinite(t).all().item<bool>())
        return;
    const auto nan = at::isnan(t).sum().item<int64_t>();
    const auto inf = at::isinf(t).sum().item<int64_t>();
    throw Error(ErrorCode::Model, path,
                "tensor '" + name + "' holds " + std::to_string(nan) + " NaN and " + std::to_string(inf) +
                    " infinite values of " + std::to_string(t.numel()) + "; these weights cannot be used");
}

}  // namespace

StateDict readStateDict(const std::filesystem::path& path, torch::Device device) {
    StateDict out;
    detail::readTorchFile(path, device, [&](const PickleRef& root) {
        if (root->kind != Kind::Dict)
            throw Error(ErrorCode::InvalidInput, path,
                        std::string("holds a pickled ") + detail::pickleKindName(root->kind) + ", not a state dict");
        const auto dict = unwrapCheckpoint(root);
        std::set<std::string> seen;
        for (const auto& [key, value] : dict->entries) {
            if (!key->isString())
                throw Error(ErrorCode::InvalidInput, path, "is not a state dict (a key is not a string)");
            if (value->kind != Kind::Tensor)
                throw Error(ErrorCode::InvalidInput, path,
                            "is not a state dict: entry '" + key->text + "' is a " + detail::pickleKindName(value->kind) +
                                ", not a tensor");
            if (!seen.insert(key->text).second)
                throw Error(ErrorCode::Corrupt, path, "has the key '" + key->text + "' twice");
            requireFinite(key->text, value->tensor->tensor, path);
            out.emplace_back(key->text, value->tensor->tensor);
        }
    });
    if (out.empty())
        throw Error(ErrorCode::InvalidInput, path, "holds an empty state dict");
    return out;
}

void writeStateDict(const std::filesystem::path& path, const StateDict& dict) {
    detail::TorchFileWriter writer;
    writer.beginDict(/*ordered=*/true);
    try {
        for (const auto& [name, tensor] : dict) {
            writer.string(name);
            writer.tensor(tensor);
        }
    } catch (const c10::Error& e) {
        throw Error(ErrorCode::Io, path, std::string("could not save a tensor: ") + e.what_without_backtrace());
    }
    writer.endDict();
    writer.save(path);
}

StateDict stateDictOf(const torch::nn::Module& module) {
    StateDict out;
    collect(module, "", out);
    return out;
}

void loadStateDict(torch::nn::Module& module, const StateDict& dict, const LoadStateOptions& options,
                   const std::string& source) {
    const auto own = stateDictOf(module);
    std::map<std::string, at::Tensor> targets(own.begin(), own.end());

    std::vector<std::string> unexpected, missing, mismatched;
    std::set<std::string> loaded;
    for (const auto& [name, tensor] : dict) {
        if (skipped(name, options.skipPrefixes))
            continue;
        const auto it = targets.find(name);
        if (it == targets.end()) {
            unexpected.push_back(name);
            continue;
        }
        if (!it->second.sizes().equals(tensor.sizes()))
            mismatched.push_back(name + " (file " + shapeText(tensor) + ", model " + shapeText(it->second) + ")");
        loaded.insert(name);
    }
    for (const auto& [name, tensor] : own)  // model order, as Python lists them
        if (!loaded.count(name) && !skipped(name, options.skipPrefixes) && !isBatchCounter(name))
            missing.push_back(name);

    if (!mismatched.empty())
        throw Error(ErrorCode::Model, source + ": shape mismatch for " + listKeys(mismatched) +
                                          " (weights for another architecture or class count?)");
    if (options.strict && (!missing.empty() || !unexpected.empty())) {
        std::string reason;
        if (!missing.empty())
            reason += "missing keys: " + listKeys(missing);
        if (!unexpected.empty())
            reason += std::string(reason.empty() ? "" : "; ") + "unexpected keys: " + listKeys(unexpected);
        throw Error(ErrorCode::Model, source + " does not fit the model (" + reason + ")");
    }
    try {
        torch::NoGradGuard noGrad;
        for (const auto& [name, tensor] : dict)
            if (loaded.count(name))
                targets.at(name).copy_(tensor);
    } catch (const c10::Error& e) {
        throw Error(ErrorCode::Model, source + ": could not copy weights: " + e.what_without_backtrace());
    }
}

}  // namespace cxr::model
