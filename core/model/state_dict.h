#pragma once
// State dicts as files: the project's own strict reader of PyTorch's .pth containers (the zip
// format of torch.save since 1.6, the legacy pre-1.6 stream, the tar of the first releases), a
// writer whose files Python loads with torch.load + load_state_dict(strict=True), and copying
// into/out of modules by torchvision names. LibTorch 1.13's pickle_load cannot read these files (OrderedDict,
// legacy container, CUDA storages), hence the own reader; it accepts only a whitelist of
// pickle opcodes and globals and checks every size against the file, so a hostile file fails
// with cxr::Error instead of running code or reading out of bounds.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <torch/nn/module.h>

namespace cxr::model {

using StateDict = std::vector<std::pair<std::string, torch::Tensor>>;  // file order

// Reads a pickled state dict (dict or OrderedDict of name -> tensor, also accepting
// torch.nn.Parameter values) from any container torch.load reads. Storages saved on CUDA load on `device`.
// Throws cxr::Error: NotFound/Io (file), Corrupt (damaged, truncated, out-of-range sizes),
// InvalidInput ("not a PyTorch file"), Unsupported (valid but not a state dict, unknown global),
// TooLarge (a pickle of more objects than a state dict has), Model (a floating-point tensor
// holding NaN or infinity, named). Reads the zip, legacy-stream and tar containers.
StateDict readStateDict(const std::filesystem::path& path, torch::Device device = torch::kCPU);

// Writes `dict` (order kept) in torch.save's zip format as an OrderedDict of tensors, moved to
// the CPU and made contiguous. Atomic (temp file + rename).
void writeStateDict(const std::filesystem::path& path, const StateDict& dict);

// Parameters then buffers of each submodule in registration order, like Python's
// Module.state_dict() (num_batches_tracked included). Tensors alias the module's own.
StateDict stateDictOf(const torch::nn::Module& module);

struct LoadStateOptions {
    bool strict = true;                     // missing or unexpected keys are errors
    std::vector<std::string> skipPrefixes;  // e.g. {"fc"}: neither loaded nor required
};

// Copies `dict` into the module's parameters and buffers (device and dtype converted).
// A shape mismatch is always an error; missing "num_batches_tracked" buffers are tolerated
// (torchvision's older files predate them, as Python tolerates). `source` names the file in
// messages. Throws cxr::Error(Model) listing the offending keys.
void loadStateDict(torch::nn::Module& module, const StateDict& dict, const LoadStateOptions& options = {},
                   const std::string& source = "state dict");

}  // namespace cxr::model
