#pragma once
// FileListDigest: what a data folder's film list was when a run started — per split folder,
// the number of films, their total size and a SHA-256 over their names (relative to the data
// folder) and sizes — so a resumed run can tell that it sees the same films, not only the same
// counts, and say what changed. Holds no film names: the run folder may travel.
#include <string>
#include <vector>

#include "core/common/json_io.h"
#include "core/data/dataset_index.h"

namespace cxr::data {

struct FileListDigest {
    struct Part {
        std::string split;  // the split folder: "train", "val", "test"
        std::size_t films = 0;
        std::uintmax_t bytes = 0;
        std::string sha256;
    };
    std::vector<Part> parts;

    // Reads each film's size; a film that vanished since the scan counts as 0 bytes.
    static FileListDigest of(const DatasetIndex& index);

    Json toJson() const;
    // Throws cxr::Error(Corrupt) on a malformed value.
    static FileListDigest fromJson(const Json& json);

    // Empty when equal; else a sentence per split that differs ("train: 40 films, 1.2 MB then,
    // 41 films, 1.3 MB now").
    std::string differences(const FileListDigest& now) const;
};

}  // namespace cxr::data
