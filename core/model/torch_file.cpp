#include "core/model/torch_file.h"

#include <ATen/ATen.h>
#include <c10/util/Exception.h>

#include <cstring>
#include <limits>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/model/torch_tar_archive.h"
#include "core/model/torch_zip_archive.h"
#include "core/model/unpickler.h"

namespace cxr::model::detail {
namespace {

using Kind = PickleValue::Kind;

// Checks that every element the view addresses lies inside the storage, with overflow-safe
// arithmetic, then makes the view and moves it to the device.
void materialise(TensorRef& ref, c10::Device device, const std::filesystem::path& source) {
    const auto& storage = *ref.storage;
    auto bad = [&](const std::string& why) {
        throw Error(ErrorCode::Corrupt, source, "tensor in storage '" + storage.key + "' " + why);
    };
    if (!storage.data.defined())
        bad("has no data in the file");
    if (ref.offset < 0)
        bad("has a negative offset");
    bool empty = false;
    for (std::size_t i = 0; i < ref.size.size(); ++i) {
        if (ref.size[i] < 0 || ref.stride[i] < 0)
            bad("has a negative size or stride");
        empty = empty || ref.size[i] == 0;
    }
    if (!empty) {
        // Largest addressed element: offset + sum((size-1) * stride), overflow-checked.
        std::uint64_t last = static_cast<std::uint64_t>(ref.offset);
        for (std::size_t i = 0; i < ref.size.size(); ++i) {
            std::uint64_t term = 0;
            if (__builtin_mul_overflow(static_cast<std::uint64_t>(ref.size[i] - 1), static_cast<std::uint64_t>(ref.stride[i]), &term) ||
                __builtin_add_overflow(last, term, &last))
                bad("has sizes and strides that overflow");
        }
        if (last >= static_cast<std::uint64_t>(storage.numel))
            bad("addresses element " + std::to_string(last) + " of a storage of " + std::to_string(storage.numel));
    } else {
        if (ref.offset > storage.numel)
            bad("starts past the end of its storage");
    }
    auto view = storage.data.as_strided(ref.size, ref.stride, ref.offset);
    ref.tensor = device.is_cpu() ? view : view.to(device);
}

PickleRef readZip(Unpickler** unpicklerOut, std::unique_ptr<Unpickler>& holder, const std::uint8_t* data,
                  std::size_t size, StorageTable& table, const std::filesystem::path& source) {
    auto archive = std::make_shared<TorchZipArchive>(data, size, source);
    if (!archive->has("data.pkl")) {
        if (archive->has("constants.pkl") || archive->has("code/__torch__.py"))
            throw Error(ErrorCode::InvalidInput, source,
                        "is a TorchScript module, not a state dict (save model.state_dict() with torch.save)");
        throw Error(ErrorCode::InvalidInput, source, "is a zip file but not a PyTorch file (no data.pkl)");
    }
    auto load = [archive, &table, size, source](const PickleRef& pid) {
        std::shared_ptr<StorageRef> storage;
        try {
            storage = storageFromPid(pid, table, size, source);
        } catch (const TruncatedInput& e) {  // the file is whole (the zip checked it): a lie, not a cut
            throw Error(ErrorCode::Corrupt, source, e.reason());
        }
        if (!storage->data.defined()) {
            std::size_t bytes = 0;
            const auto* p = archive->record("data/" + storage->key, &bytes);
            const auto expected = static_cast<std::size_t>(storage->numel) * c10::elementSize(storage->dtype);
            if (bytes != expected)
                throw Error(ErrorCode::Corrupt, source,
                            "storage '" + storage->key + "' holds " + std::to_string(bytes) + " bytes, expected " +
                                std::to_string(expected));
            fillStorage(*storage, p);
        }
        auto v = std::make_shared<PickleValue>();
        v->kind = Kind::Storage;
        v->storage = storage;
        return v;
    };
    std::size_t pklSize = 0;
    const auto* pkl = archive->record("data.pkl", &pklSize);
    holder = std::make_unique<Unpickler>(pkl, pklSize, source, load);
    *unpicklerOut = holder.get();
    PickleRef root;
    try {
        root = holder->load(0);
    } catch (const TruncatedInput& e) {
        throw Error(ErrorCode::Corrupt, source, "damaged PyTorch zip file: data.pkl is truncated (" + e.reason() + ")");
    }
    if (holder->end() != pklSize)
        throw Error(ErrorCode::Corrupt, source, "data.pkl has bytes after its end");
    return root;
}

}  // namespace

std::shared_ptr<StorageRef> storageFromPid(const PickleRef& pid, StorageTable& table, std::size_t fileSize,
                                           const std::filesystem::path& source) {
    const auto& a = pid->items;
    if (pid->kind != Kind::Tuple || (a.size() != 5 && a.size() != 6) || !a[0]->isString() || a[0]->text != "storage" ||
        a[1]->kind != Kind::Global || !a[2]->isString() || !a[3]->isString() || a[4]->kind != Kind::Int)
        throw Error(ErrorCode::Corrupt, source, "malformed storage reference in the pickle");
    if (a.size() == 6 && a[5]->kind != Kind::None)
        throw Error(ErrorCode::Unsupported, source, "storage views of pre-0.4 PyTorch files are not supported");
    c10::ScalarType dtype;
    if (!storageDtype(a[1]->text, &dtype))
        throw Error(ErrorCode::Unsupported, source, "'" + a[1]->text + "' is not a storage type");
    const auto numel = a[4]->integer;
    if (numel < 0)
        throw Error(ErrorCode::Corrupt, source, "storage '" + a[2]->text + "' has a negative size");
    if (static_cast<std::uint64_t>(numel) > fileSize / c10::elementSize(dtype))
        throw TruncatedInput(source, "storage '" + a[2]->text + "' claims " + std::to_string(numel) +
                                         " elements, more than the file holds");
    auto& slot = table[a[2]->text];
    if (!slot) {
        slot = std::make_shared<StorageRef>();
        slot->key = a[2]->text;
        slot->location = a[3]->text;
        slot->dtype = dtype;
        slot->numel = numel;
    } else if (slot->dtype != dtype || slot->numel != numel) {
        throw Error(ErrorCode::Corrupt, source, "storage '" + slot->key + "' is described two different ways");
    }
    return slot;
}

void fillStorage(StorageRef& storage, const std::uint8_t* bytes) {
    static_assert(sizeof(int) == 4, "little-endian 32/64-bit host assumed");
    auto t = at::empty({storage.numel}, at::TensorOptions().dtype(storage.dtype));
    if (storage.numel > 0)
        std::memcpy(t.data_ptr(), bytes, static_cast<std::size_t>(storage.numel) * c10::elementSize(storage.dtype));
    storage.data = t;
}

void readTorchFile(const std::filesystem::path& path, c10::Device device,
                   const std::function<void(const PickleRef& root)>& consume) {
    const auto bytes = readFileBytes(path);
    const auto* data = bytes.data();
    const auto size = bytes.size();
    StorageTable table;
    std::unique_ptr<Unpickler> holder;
    Unpickler* unpickler = nullptr;
    PickleRef root;
    std::vector<std::shared_ptr<TensorRef>> tarTensors;
    try {
        std::size_t afterMagic = 0;
        if (size == 0) {
            throw Error(ErrorCode::InvalidInput, path, "is empty (0 bytes), not a PyTorch file");
        } else if (TorchZipArchive::looksLikeZip(data, size)) {
            root = readZip(&unpickler, holder, data, size, table, path);
        } else if (TorchTarArchive::looksLikeTar(data, size)) {
            const TorchTarArchive archive(data, size, path);
            root = readTarBody(archive, holder, tarTensors, path);
        } else if (looksLikeLegacy(data, size, &afterMagic)) {
            holder = std::make_unique<Unpickler>(data, size, path, nullptr);
            unpickler = holder.get();
            root = readLegacyBody(*unpickler, data, size, afterMagic, table, path);
        } else if (size >= 2 && data[0] == 0x80 && data[1] >= 2 && data[1] <= 5) {
            holder = std::make_unique<Unpickler>(data, size, path, nullptr);
            unpickler = holder.get();
            root = unpickler->load(0);
        } else {
            throw Error(ErrorCode::InvalidInput, path,
                        "is not a PyTorch file (neither a torch.save zip, tar or legacy stream nor a pickle)");
        }
        for (const auto& ref : unpickler ? unpickler->tensors() : tarTensors)
            materialise(*ref, device, path);
        consume(root);
    } catch (const c10::Error& e) {
        throw Error(ErrorCode::Model, path, std::string("LibTorch failed while loading: ") + e.what_without_backtrace());
    } catch (const std::bad_alloc&) {
        throw Error(ErrorCode::TooLarge, path, "out of memory while loading");
    }
}

}  // namespace cxr::model::detail
