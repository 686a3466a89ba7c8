// The tar container of PyTorch's first releases (torch/serialization.py's legacy_load):
//   storages  pickled count; per storage a pickled (key, location, storage type), an int64
//             element count and the raw little-endian elements; then a pickled list of views
//   tensors   pickled count; per tensor a pickled (key, storage key, tensor type), an int32 ndim
//             and 4 unused bytes, int64 sizes, int64 strides, int64 storage offset
//   pickle    the object; a persistent id is the decimal key of a tensor (or storage)
// Keys are integers (the saving process's pointers). Every count and size is bounded by the
// member that holds it before anything is allocated.
#include <cstring>
#include <map>

#include "core/common/error.h"
#include "core/model/torch_file.h"
#include "core/model/torch_tar_archive.h"
#include "core/model/unpickler.h"

namespace cxr::model::detail {
namespace {

using Kind = PickleValue::Kind;
constexpr std::int64_t kMaxDims = 64;

class MemberReader {
public:
    MemberReader(const TorchTarArchive& archive, const char* name, const std::filesystem::path& source)
        : m_name(name), m_source(source) {
        m_data = archive.member(name, &m_size);
        m_unpickler = std::make_unique<Unpickler>(m_data, m_size, source);
    }

    [[noreturn]] void fail(const std::string& reason) const {
        throw Error(ErrorCode::Corrupt, m_source,
                    "damaged tar-container PyTorch file: member '" + m_name + "': " + reason);
    }

    // A member is whole (the archive checked its size), so running out inside it is damage.
    PickleRef pickle() {
        try {
            auto v = m_unpickler->load(m_pos);
            m_pos = m_unpickler->end();
            return v;
        } catch (const TruncatedInput& e) {
            fail("it ends inside its own contents (" + e.reason() + ")");
        }
    }

    const std::uint8_t* raw(std::size_t n, const std::string& what) {
        if (n > m_size - m_pos)
            fail("it ends inside " + what);
        const auto* p = m_data + m_pos;
        m_pos += n;
        return p;
    }

    std::int64_t int64(const std::string& what) {
        std::int64_t v = 0;
        std::memcpy(&v, raw(8, what), 8);
        return v;
    }

    // A count of records each at least `minRecord` bytes long, bounded by what the member holds.
    std::int64_t count(std::size_t minRecord) {
        const auto n = pickle();
        if (n->kind != Kind::Int || n->integer < 0 || static_cast<std::uint64_t>(n->integer) > m_size / minRecord)
            fail("its record count is not a plausible integer");
        return n->integer;
    }

    std::size_t remaining() const { return m_size - m_pos; }

private:
    std::string m_name;
    const std::filesystem::path& m_source;
    const std::uint8_t* m_data = nullptr;
    std::size_t m_size = 0, m_pos = 0;
    std::unique_ptr<Unpickler> m_unpickler;
};

std::int64_t keyOf(const PickleRef& v, MemberReader& reader, const char* what) {
    if (v->kind != Kind::Int)
        reader.fail(std::string(what) + " is not an integer key");
    return v->integer;
}

}  // namespace

PickleRef readTarBody(const TorchTarArchive& archive, std::unique_ptr<Unpickler>& holder,
                      std::vector<std::shared_ptr<TensorRef>>& tensors, const std::filesystem::path& source) {
    {
        MemberReader sysInfo(archive, "sys_info", source);
        checkSysInfo(sysInfo.pickle(), source);
    }

    std::map<std::int64_t, std::shared_ptr<StorageRef>> storages;
    {
        MemberReader reader(archive, "storages", source);
        const auto n = reader.count(12);
        for (std::int64_t i = 0; i < n; ++i) {
            const auto args = reader.pickle();
            if (args->kind != Kind::Tuple || args->items.size() != 3 || !args->items[1]->isString() ||
                args->items[2]->kind != Kind::Global)
                reader.fail("storage record " + std::to_string(i) + " is not (key, location, storage type)");
            auto storage = std::make_shared<StorageRef>();
            const auto key = keyOf(args->items[0], reader, "a storage key");
            storage->key = std::to_string(key);
            storage->location = args->items[1]->text;
            if (!storageDtype(args->items[2]->text, &storage->dtype))
                throw Error(ErrorCode::Unsupported, source, "'" + args->items[2]->text + "' is not a storage type");
            storage->numel = reader.int64("the size of storage " + storage->key);
            const auto element = c10::elementSize(storage->dtype);
            if (storage->numel < 0 || static_cast<std::uint64_t>(storage->numel) > reader.remaining() / element)
                reader.fail("storage " + storage->key + " claims " + std::to_string(storage->numel) +
                            " elements, more than the member holds");
            fillStorage(*storage, reader.raw(static_cast<std::size_t>(storage->numel) * element, "storage " + storage->key));
            if (!storages.emplace(key, storage).second)
                reader.fail("storage " + storage->key + " appears twice");
        }
        const auto views = reader.pickle();
        if (views->kind != Kind::List)
            reader.fail("no list of storage views after the storages");
        if (!views->items.empty())
            throw Error(ErrorCode::Unsupported, source, "storage views of tar-container PyTorch files are not supported");
    }

    std::map<std::int64_t, std::shared_ptr<TensorRef>> byKey;
    {
        MemberReader reader(archive, "tensors", source);
        const auto n = reader.count(24);
        for (std::int64_t i = 0; i < n; ++i) {
            const auto args = reader.pickle();
            c10::ScalarType ignored;
            if (args->kind != Kind::Tuple || args->items.size() != 3 || args->items[2]->kind != Kind::Global ||
                !tensorTypeDtype(args->items[2]->text, &ignored))
                reader.fail("tensor record " + std::to_string(i) + " is not (key, storage key, tensor type)");
            const auto key = keyOf(args->items[0], reader, "a tensor key");
            const auto it = storages.find(keyOf(args->items[1], reader, "a tensor's storage key"));
            if (it == storages.end())
                reader.fail("tensor " + std::to_string(key) + " refers to a storage the file does not hold");
            auto ref = std::make_shared<TensorRef>();
            ref->storage = it->second;  // Python uses the storage's dtype, whatever the tensor type says
            std::int32_t ndim = 0;
            std::memcpy(&ndim, reader.raw(8, "the rank of tensor " + std::to_string(key)), 4);
            if (ndim < 0 || ndim > kMaxDims)
                reader.fail("tensor " + std::to_string(key) + " has " + std::to_string(ndim) + " dimensions");
            for (std::int32_t d = 0; d < ndim; ++d)
                ref->size.push_back(reader.int64("the sizes of tensor " + std::to_string(key)));
            for (std::int32_t d = 0; d < ndim; ++d)
                ref->stride.push_back(reader.int64("the strides of tensor " + std::to_string(key)));
            ref->offset = reader.int64("the offset of tensor " + std::to_string(key));
            if (!byKey.emplace(key, ref).second)
                reader.fail("tensor " + std::to_string(key) + " appears twice");
            tensors.push_back(ref);
        }
    }

    std::size_t size = 0;
    const auto* data = archive.member("pickle", &size);
    auto load = [&byKey, &storages, &source](const PickleRef& pid) {
        if (!pid->isString() && pid->kind != Kind::Bytes)
            throw Error(ErrorCode::Unsupported, source,
                        "the pickle refers to a pickled module class, not a tensor (save model.state_dict())");
        const auto& text = pid->text;
        const bool numeric = !text.empty() && text.size() <= 18 && text.find_first_not_of("0123456789") == std::string::npos;
        const std::int64_t key = numeric ? std::stoll(text) : -1;
        auto v = std::make_shared<PickleValue>();
        if (const auto t = byKey.find(key); numeric && t != byKey.end()) {
            v->kind = Kind::Tensor;
            v->tensor = t->second;
        } else if (const auto s = storages.find(key); numeric && s != storages.end()) {
            v->kind = Kind::Storage;
            v->storage = s->second;
        } else {
            throw Error(ErrorCode::Corrupt, source,
                        "damaged tar-container PyTorch file: the pickle refers to '" + text.substr(0, 24) +
                            "', which is neither a tensor nor a storage of the file");
        }
        return v;
    };
    holder = std::make_unique<Unpickler>(data, size, source, load);
    try {
        return holder->load(0);
    } catch (const TruncatedInput& e) {
        throw Error(ErrorCode::Corrupt, source,
                    "damaged tar-container PyTorch file: member 'pickle' ends inside its own contents (" + e.reason() + ")");
    }
}

}  // namespace cxr::model::detail
