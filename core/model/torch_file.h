#pragma once
// Reading the object inside a PyTorch file: the zip container of torch.save (>= 1.6), the
// legacy pre-1.6 stream, the tar container of the first releases (< 0.1.10), or a bare pickle. Storages load onto the requested device whatever
// device they were saved from; every tensor's size, offset and stride is checked against its
// storage before a view is made, so nothing reads outside the file's own bytes.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <c10/core/Device.h>

#include "core/model/pickle_value.h"

namespace cxr::model::detail {

class TorchTarArchive;
class Unpickler;

// Calls `consume` with the unpickled object while it is valid; tensors are materialised.
void readTorchFile(const std::filesystem::path& path, c10::Device device,
                   const std::function<void(const PickleRef& root)>& consume);

// Shared by the zip and legacy readers: validates a persistent id ('storage', type, key,
// location, numel[, view_metadata]) and returns its storage, one per key.
using StorageTable = std::map<std::string, std::shared_ptr<StorageRef>>;
std::shared_ptr<StorageRef> storageFromPid(const PickleRef& pid, StorageTable& table, std::size_t fileSize,
                                           const std::filesystem::path& source);
// A CPU tensor holding a copy of `bytes` as `storage`'s elements (sizes already checked).
void fillStorage(StorageRef& storage, const std::uint8_t* bytes);

// The legacy container after its magic number; returns the object, storages filled.
PickleRef readLegacyBody(Unpickler& unpickler, const std::uint8_t* data, std::size_t size, std::size_t afterMagic,
                         StorageTable& table, const std::filesystem::path& source);
// The legacy magic number pickle (0x1950a86a20f9469cfc6c as a protocol-2 LONG1), or a prefix of it.
bool looksLikeLegacy(const std::uint8_t* data, std::size_t size, std::size_t* afterMagic);
// Refuses a sys_info that is not a dict or says big-endian.
void checkSysInfo(const PickleRef& sysInfo, const std::filesystem::path& source);

// The tar container: storages, then tensors (appended to `tensors` for materialisation), then the
// object pickle, whose Unpickler `holder` keeps alive (the returned values live as long as it).
PickleRef readTarBody(const TorchTarArchive& archive, std::unique_ptr<Unpickler>& holder,
                      std::vector<std::shared_ptr<TensorRef>>& tensors, const std::filesystem::path& source);

}  // namespace cxr::model::detail
