#pragma once
// JSON files through nlohmann-json: read with a message naming the file on bad syntax,
// written atomically and pretty so run directories stay diffable.
#include <filesystem>

#include <nlohmann/json.hpp>

namespace cxr {

using Json = nlohmann::json;

Json readJsonFile(const std::filesystem::path& path);
void writeJsonFile(const std::filesystem::path& path, const Json& value);

}  // namespace cxr
