#pragma once
// TorchFileWriter: writes a file torch.load reads, the way torch.save does: a protocol-2
// pickle in "archive/data.pkl" whose tensors refer to raw storages "archive/data/<n>", in
// LibTorch's own zip writer (aligned, stored entries, version record). Only what state dicts
// and class maps need: OrderedDict/dict, str, int, tensors.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

namespace cxr::model::detail {

class TorchFileWriter {
public:
    TorchFileWriter();

    void beginDict(bool ordered);  // collections.OrderedDict() or {}, then MARK
    void endDict();                // SETITEMS
    void string(const std::string& text);
    void integer(int64_t value);
    // torch._utils._rebuild_tensor_v2 over a CPU, contiguous copy of `tensor`.
    void tensor(const at::Tensor& tensor);

    // Finishes the pickle and writes the zip atomically (temp file + rename).
    void save(const std::filesystem::path& path);

private:
    void op(std::uint8_t code) { m_pickle.push_back(static_cast<char>(code)); }
    void global(const char* module, const char* name);
    void uint(std::uint64_t value, int bytes);

    std::string m_pickle;
    std::vector<at::Tensor> m_storages;
};

}  // namespace cxr::model::detail
