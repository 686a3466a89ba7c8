#pragma once
// Unpickler: a restricted reader of Python pickles (protocols 2-5) for PyTorch state dicts and
// class maps. Only data opcodes are accepted and only whitelisted globals (OrderedDict, the
// tensor-rebuild functions, storage types, torch.device) may appear; anything else (e.g.
// os.system) is refused with cxr::Error before it is even resolved. It never recurses, bounds
// every length by the input and caps the number of objects, so hostile input cannot crash it.
// Values stay valid while the Unpickler lives (it owns the containers and breaks cycles).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <unordered_map>
#include <vector>

#include "core/common/error.h"
#include "core/model/pickle_value.h"

namespace cxr::model::detail {

// The most values one pickle may create or push. A torchvision ResNet18 state dict makes about
// 2,939 (its 45 MB are storages outside the pickle); the cap leaves room for checkpoints that
// wrap optimizer state while keeping what a small hostile pickle can allocate to some 20 MB
// (each value costs about 200 bytes) instead of gigabytes.
inline constexpr std::size_t kMaxPickleObjects = 100'000;

// Thrown when the input ends before what it describes does (a pickle cut short, a storage
// larger than the file). Container readers turn it into "truncated <container> PyTorch file".
class TruncatedInput : public Error {
public:
    TruncatedInput(const std::filesystem::path& source, const std::string& reason)
        : Error(ErrorCode::Corrupt, source, reason), m_reason(reason) {}
    const std::string& reason() const { return m_reason; }

private:
    std::string m_reason;
};

// Gets the persistent id tuple of BINPERSID and returns the object it names (a storage).
using PersistentLoad = std::function<PickleRef(const PickleRef& pid)>;

class Unpickler {
public:
    Unpickler(const std::uint8_t* data, std::size_t size, std::filesystem::path source, PersistentLoad persistentLoad = {});
    ~Unpickler();
    Unpickler(const Unpickler&) = delete;
    Unpickler& operator=(const Unpickler&) = delete;

    void setPersistentLoad(PersistentLoad persistentLoad) { m_persistentLoad = std::move(persistentLoad); }
    // Reads one pickle starting at `offset`, up to and including its STOP opcode.
    PickleRef load(std::size_t offset);
    // Position just after the STOP of the last load().
    std::size_t end() const { return m_pos; }
    // Every tensor rebuilt so far, for the container reader to materialise.
    const std::vector<std::shared_ptr<TensorRef>>& tensors() const { return m_tensors; }
    // Values created or pushed so far (capped at kMaxPickleObjects).
    std::size_t objects() const { return m_objects; }

private:
    [[noreturn]] void fail(const std::string& reason) const;
    [[noreturn]] void failTruncated(const std::string& reason) const;
    void count();
    const std::uint8_t* take(std::size_t n);
    std::uint64_t readUint(std::size_t n);
    std::string readText(std::size_t n) { return std::string(reinterpret_cast<const char*>(take(n)), n); }
    std::string readLine();
    PickleRef make(PickleValue::Kind kind);
    PickleRef pop();
    PickleRef& top();
    std::size_t popMark();
    PickleRef tupleFrom(std::size_t first);
    PickleRef global(const std::string& module, const std::string& name);
    PickleRef reduce(const PickleRef& callable, const PickleRef& args);
    PickleRef rebuildTensor(const PickleRef& args);
    void setItems(PickleRef& dict, std::size_t first);

    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
    std::filesystem::path m_source;
    PersistentLoad m_persistentLoad;
    std::vector<PickleRef> m_stack;
    std::vector<std::size_t> m_marks;
    std::unordered_map<std::uint64_t, PickleRef> m_memo;
    std::vector<PickleRef> m_arena;  // every container made, emptied in the destructor
    std::vector<std::shared_ptr<TensorRef>> m_tensors;
    std::size_t m_objects = 0;
};

// The dtype of a whitelisted storage global ("torch.FloatStorage", "torch.cuda.HalfStorage",
// "torch.UntypedStorage"); false for anything else.
bool storageDtype(const std::string& qualifiedName, c10::ScalarType* dtype);
// The same for the tensor types the tar container names ("torch.FloatTensor", "torch.cuda.LongTensor").
bool tensorTypeDtype(const std::string& qualifiedName, c10::ScalarType* dtype);

}  // namespace cxr::model::detail
