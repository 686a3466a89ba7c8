// The legacy (pre-1.6, or _use_new_zipfile_serialization=False) torch.save stream:
// magic-number pickle, protocol-version pickle, sys_info pickle, the object pickle, a pickled
// list of storage keys, then for each key an int64 element count and the raw elements.
#include <algorithm>
#include <cstring>

#include "core/common/error.h"
#include "core/model/torch_file.h"
#include "core/model/unpickler.h"

namespace cxr::model::detail {
namespace {

// pickle.dumps(0x1950a86a20f9469cfc6c, protocol=2)
const std::uint8_t kMagic[] = {0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, 0x2e};
constexpr std::int64_t kProtocolVersion = 1001;

using Kind = PickleValue::Kind;

}  // namespace

bool looksLikeLegacy(const std::uint8_t* data, std::size_t size, std::size_t* afterMagic) {
    // A file cut inside the magic number is still this container (and then truncated).
    if (size == 0 || std::memcmp(data, kMagic, std::min(size, sizeof kMagic)) != 0)
        return false;
    *afterMagic = sizeof kMagic;
    return true;
}

void checkSysInfo(const PickleRef& sysInfo, const std::filesystem::path& source) {
    if (sysInfo->kind != Kind::Dict)
        throw Error(ErrorCode::Corrupt, source, "its sys_info is not a dict");
    for (const auto& [key, value] : sysInfo->entries) {
        if (key->isString() && key->text == "little_endian" && value->isInt() && value->integer == 0)
            throw Error(ErrorCode::Unsupported, source, "was saved on a big-endian machine");
    }
}

namespace {

PickleRef readLegacyStream(Unpickler& unpickler, const std::uint8_t* data, std::size_t size, std::size_t afterMagic,
                           StorageTable& table, const std::filesystem::path& source) {
    if (size < afterMagic)
        throw TruncatedInput(source, "it ends inside the magic number");
    const auto protocol = unpickler.load(afterMagic);
    if (protocol->kind != Kind::Int || protocol->integer != kProtocolVersion)
        throw Error(ErrorCode::Unsupported, source, "legacy PyTorch file with an unknown protocol version");
    checkSysInfo(unpickler.load(unpickler.end()), source);

    // The object pickle refers to storages whose bytes come after it.
    unpickler.setPersistentLoad([&table, size, source](const PickleRef& pid) {
        auto v = std::make_shared<PickleValue>();
        v->kind = Kind::Storage;
        v->storage = storageFromPid(pid, table, size, source);
        return v;
    });
    const auto root = unpickler.load(unpickler.end());
    unpickler.setPersistentLoad(nullptr);
    const auto keys = unpickler.load(unpickler.end());
    if (keys->kind != Kind::List)
        throw Error(ErrorCode::Corrupt, source, "legacy PyTorch file without its storage list");

    std::size_t pos = unpickler.end();
    for (const auto& key : keys->items) {
        if (!key->isString())
            throw Error(ErrorCode::Corrupt, source, "storage key is not a string");
        const auto it = table.find(key->text);
        if (it == table.end())
            throw Error(ErrorCode::Corrupt, source, "storage '" + key->text + "' is listed but never used");
        auto& storage = *it->second;
        if (size - pos < 8)
            throw TruncatedInput(source, "it ends before storage '" + key->text + "'");
        std::int64_t numel = 0;
        std::memcpy(&numel, data + pos, 8);
        pos += 8;
        const auto bytes = static_cast<std::size_t>(storage.numel) * c10::elementSize(storage.dtype);
        if (numel != storage.numel)
            throw Error(ErrorCode::Corrupt, source,
                        "storage '" + key->text + "' has " + std::to_string(numel) + " elements, expected " +
                            std::to_string(storage.numel));
        if (size - pos < bytes)
            throw TruncatedInput(source, "it ends inside storage '" + key->text + "'");
        if (!storage.data.defined())
            fillStorage(storage, data + pos);
        pos += bytes;
    }
    return root;
}

}  // namespace

PickleRef readLegacyBody(Unpickler& unpickler, const std::uint8_t* data, std::size_t size, std::size_t afterMagic,
                         StorageTable& table, const std::filesystem::path& source) {
    try {
        return readLegacyStream(unpickler, data, size, afterMagic, table, source);
    } catch (const TruncatedInput& e) {
        throw Error(ErrorCode::Corrupt, source, "truncated legacy PyTorch file (" + e.reason() + ")");
    }
}

}  // namespace cxr::model::detail
