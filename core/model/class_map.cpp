#include "core/model/class_map.h"

#include <algorithm>
#include <set>

#include "core/common/error.h"
#include "core/model/torch_file.h"
#include "core/model/torch_file_writer.h"

namespace cxr::model {

using detail::PickleRef;
using Kind = detail::PickleValue::Kind;

ClassToIndex readClassToIndex(const std::filesystem::path& path) {
    ClassToIndex map;
    detail::readTorchFile(path, c10::Device(c10::kCPU), [&](const PickleRef& root) {
        if (root->kind != Kind::Dict)
            throw Error(ErrorCode::Model, path,
                        std::string("holds a ") + detail::pickleKindName(root->kind) + ", not a class-to-index dict");
        for (const auto& [key, value] : root->entries) {
            if (!key->isString() || value->kind != Kind::Int)
                throw Error(ErrorCode::Model, path, "is not a class-to-index dict of str -> int");
            if (!map.emplace(key->text, value->integer).second)
                throw Error(ErrorCode::Corrupt, path, "names class '" + key->text + "' twice");
        }
    });
    if (map.empty())
        throw Error(ErrorCode::Model, path, "holds an empty class map");
    return map;
}

void writeClassToIndex(const std::filesystem::path& path, const ClassToIndex& map) {
    classesByIndex(map, displayPath(path));  // refuse to write a map we could not read back
    std::vector<std::pair<int64_t, std::string>> byIndex;
    for (const auto& [name, index] : map)
        byIndex.emplace_back(index, name);
    std::sort(byIndex.begin(), byIndex.end());
    detail::TorchFileWriter writer;
    writer.beginDict(/*ordered=*/false);
    for (const auto& [index, name] : byIndex) {
        writer.string(name);
        writer.integer(index);
    }
    writer.endDict();
    writer.save(path);
}

std::vector<std::string> classesByIndex(const ClassToIndex& map, const std::string& source) {
    std::vector<std::string> classes(map.size());
    std::set<int64_t> seen;
    for (const auto& [name, index] : map) {
        if (index < 0 || index >= static_cast<int64_t>(map.size()) || !seen.insert(index).second)
            throw Error(ErrorCode::Model, source + ": class indices must be 0.." + std::to_string(map.size() - 1) +
                                              " once each (class '" + name + "' has " + std::to_string(index) + ")");
        classes[static_cast<std::size_t>(index)] = name;
    }
    return classes;
}

ClassToIndex classToIndexOf(const std::vector<std::string>& classes) {
    ClassToIndex map;
    for (std::size_t i = 0; i < classes.size(); ++i)
        if (!map.emplace(classes[i], static_cast<int64_t>(i)).second)
            throw Error(ErrorCode::Model, "class '" + classes[i] + "' is listed twice");
    return map;
}

}  // namespace cxr::model
