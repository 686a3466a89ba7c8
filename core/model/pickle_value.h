#pragma once
// PickleValue: the few Python objects a PyTorch state-dict or class-map pickle may contain,
// as built by Unpickler. Containers are shared (pickle's memo aliases them); tensors are
// recorded as references into storages and materialised only after every size is checked.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <ATen/core/Tensor.h>
#include <c10/core/ScalarType.h>

namespace cxr::model::detail {

// One storage of the file: raw elements of `dtype`, loaded by the container reader.
struct StorageRef {
    std::string key;
    std::string location;  // "cpu", "cuda:0", ... as saved; loads on the requested device
    c10::ScalarType dtype = c10::ScalarType::Float;
    int64_t numel = 0;
    at::Tensor data;  // 1-D, filled once the storage bytes are read
};

// torch._utils._rebuild_tensor_v2(storage, offset, size, stride, ...), not yet materialised.
struct TensorRef {
    std::shared_ptr<StorageRef> storage;
    int64_t offset = 0;
    std::vector<int64_t> size, stride;
    at::Tensor tensor;  // set by materialisation
};

struct PickleValue;
using PickleRef = std::shared_ptr<PickleValue>;

struct PickleValue {
    enum class Kind { None, Bool, Int, Float, String, Bytes, Tuple, List, Dict, Global, Storage, Tensor };

    Kind kind = Kind::None;
    int64_t integer = 0;  // Bool, Int
    double real = 0.0;
    std::string text;  // String, Bytes, Global ("module.name")
    std::vector<PickleRef> items;                          // Tuple, List
    std::vector<std::pair<PickleRef, PickleRef>> entries;  // Dict, in insertion order
    std::shared_ptr<StorageRef> storage;
    std::shared_ptr<TensorRef> tensor;

    bool isString() const { return kind == Kind::String; }
    bool isInt() const { return kind == Kind::Int || kind == Kind::Bool; }
};

const char* pickleKindName(PickleValue::Kind kind);

}  // namespace cxr::model::detail
