#include "core/data/file_list_digest.h"

#include <algorithm>
#include <cstdio>
#include <system_error>

#include "core/common/error.h"
#include "core/common/sha256.h"

namespace cxr::data {
namespace {

std::string sizeText(std::uintmax_t bytes) {
    char buf[32];
    if (bytes >= (1u << 20))
        std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1u << 20));
    else
        std::snprintf(buf, sizeof buf, "%ju bytes", bytes);
    return buf;
}

std::string partText(const FileListDigest::Part& p) {
    return std::to_string(p.films) + (p.films == 1 ? " film, " : " films, ") + sizeText(p.bytes);
}

}  // namespace

FileListDigest FileListDigest::of(const DatasetIndex& index) {
    FileListDigest out;
    for (const auto& split : index.splits()) {
        std::vector<std::string> lines;
        Part part;
        part.split = split;
        for (const auto& film : index.entries(split)) {
            std::error_code ec;
            const auto size = std::filesystem::file_size(film.path, ec);
            const std::uintmax_t bytes = ec ? 0 : size;
            // Generic separators, so the same folder hashes alike on every platform.
            lines.push_back(film.path.lexically_relative(index.root()).generic_string() + '\t' +
                            std::to_string(bytes) + '\n');
            part.bytes += bytes;
        }
        std::sort(lines.begin(), lines.end());
        std::string text;
        for (const auto& l : lines)
            text += l;
        part.films = lines.size();
        part.sha256 = sha256Hex(text);
        out.parts.push_back(part);
    }
    return out;
}

Json FileListDigest::toJson() const {
    Json out = Json::object();
    for (const auto& p : parts)
        out[p.split] = Json{{"films", p.films}, {"bytes", p.bytes}, {"sha256", p.sha256}};
    return out;
}

FileListDigest FileListDigest::fromJson(const Json& json) {
    if (!json.is_object())
        throw Error(ErrorCode::Corrupt, "the data file list is not a JSON object");
    FileListDigest out;
    try {
        for (const auto& [split, value] : json.items())
            out.parts.push_back(Part{split, value.at("films").get<std::size_t>(),
                                     value.at("bytes").get<std::uintmax_t>(), value.at("sha256").get<std::string>()});
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::Corrupt, std::string("the data file list is malformed: ") + e.what());
    }
    return out;
}

std::string FileListDigest::differences(const FileListDigest& now) const {
    std::string out;
    const auto add = [&out](const std::string& sentence) { out += (out.empty() ? "" : "; ") + sentence; };
    const auto find = [](const std::vector<Part>& list, const std::string& split) -> const Part* {
        for (const auto& p : list)
            if (p.split == split)
                return &p;
        return nullptr;
    };
    for (const auto& was : parts) {
        const Part* is = find(now.parts, was.split);
        if (!is)
            add(was.split + ": " + partText(was) + " then, the folder is gone now");
        else if (is->sha256 != was.sha256)
            add(was.split + ": " + partText(was) + " then, " + partText(*is) + " now" +
                (is->films == was.films && is->bytes == was.bytes
                     ? " (same count and total size: films were renamed or replaced)"
                     : ""));
    }
    for (const auto& is : now.parts)
        if (!find(parts, is.split))
            add(is.split + ": a new folder with " + partText(is));
    return out;
}

}  // namespace cxr::data
