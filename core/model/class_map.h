#pragma once
// The seed's class_to_index.pth: a pickled plain dict {'NORMAL': 0, 'PNEUMONIA': 1} saved with
// torch.save (zip or legacy container) or plain pickle. Read with the same whitelisted
// unpickler as the weights.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace cxr::model {

using ClassToIndex = std::map<std::string, int64_t>;

// Throws cxr::Error(Model) when the object is not a dict of str -> int.
ClassToIndex readClassToIndex(const std::filesystem::path& path);
// Writes a torch.save-compatible zip that Python's torch.load returns as a plain dict.
void writeClassToIndex(const std::filesystem::path& path, const ClassToIndex& map);

// Class names ordered by index; throws cxr::Error(Model) unless the indices are exactly
// 0..N-1. `source` names the file in messages.
std::vector<std::string> classesByIndex(const ClassToIndex& map, const std::string& source = "class map");
ClassToIndex classToIndexOf(const std::vector<std::string>& classes);

}  // namespace cxr::model
