#pragma once
// FilmEntry: one film of a dataset as the index found it. A plain struct shared by the file side
// (index, split, cache builder: cxr_core) and the tensor side (cache lookup: cxr_ml).
#include <filesystem>
#include <string>

namespace cxr::data {

struct FilmEntry {
    std::filesystem::path path;  // absolute, lexically normal
    std::string split;           // "train", "val", "test"
    int label = -1;              // index into DatasetIndex::classes()
    std::string className;       // the class folder's name, e.g. "PNEUMONIA"
    std::string patientId;       // from the Kermany name ("person12", "IM-0115"); else the file stem
    std::string subtype;         // "bacteria", "virus", "normal", or "" when the name says nothing
};

}  // namespace cxr::data
