#pragma once
// DatasetIndex: the films of a Kaggle-layout folder (root/train|val|test/<CLASS>/<film>), with
// classes ordered like torchvision's ImageFolder, and patient ids and subtypes read from the
// Kermany file names so splits can keep a patient's films together.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/common/notice.h"
#include "core/data/film_entry.h"

namespace cxr::data {

// What a Kermany file name says: `person12_bacteria_47.jpeg` -> {"person12", "bacteria"},
// `person3_virus_9.jpeg` -> {"person3", "virus"}, `IM-0115-0001.jpeg` -> {"IM-0115", "normal"},
// `NORMAL2-IM-1427-0001.jpeg` -> {"NORMAL2-IM-1427", "normal"}. Any other name: the file stem
// as its own patient and an empty subtype.
struct KermanyName {
    std::string patientId;
    std::string subtype;
    bool recognised = false;
};
KermanyName parseKermanyName(const std::string& fileName);

// Whether the index takes a file as a film by its extension (jpeg, jpg, png, dcm, dicom, bmp,
// tif, tiff, any case, or none: DICOM files often have none). Loading still sniffs content.
bool hasFilmExtension(const std::filesystem::path& path);

struct ScanOptions {
    // Splits that must exist; a missing one is an error naming the folder. "val" is optional by
    // default: the split policy re-splits train when it is absent or small.
    std::vector<std::string> requiredSplits{"train", "test"};
    // Splits read when present, in this order.
    std::vector<std::string> splits{"train", "val", "test"};
};

class DatasetIndex {
public:
    // Scans `root`. When root has no split folder but exactly one sub-folder that has (the Kaggle
    // zip's chest_xray/chest_xray/...), descends into it. Hidden entries, `__MACOSX` and
    // `.DS_Store` are ignored. Throws cxr::Error naming the folder when root or a required split
    // is missing, when a split lacks a class folder another split has, or a class folder holds
    // no film. Non-film files and sub-folders inside class folders are listed in problems().
    static DatasetIndex scan(const std::filesystem::path& root, const ScanOptions& options = {});

    const std::filesystem::path& root() const { return m_root; }  // after descending
    // Sorted by byte value like ImageFolder: {"NORMAL", "PNEUMONIA"}.
    const std::vector<std::string>& classes() const { return m_classes; }
    std::map<std::string, int> classToIndex() const;
    bool hasSplit(const std::string& split) const;
    std::vector<std::string> splits() const;  // present splits, in ScanOptions order
    // Films of one split, ordered by class then file name (empty for an absent split).
    std::vector<FilmEntry> entries(const std::string& split) const;
    const std::vector<FilmEntry>& all() const { return m_entries; }
    // Per split, films per class (index = label).
    std::vector<std::size_t> classCounts(const std::string& split) const;
    // Files skipped with the reason, e.g. "train/NORMAL/notes.txt: not a film (extension .txt)".
    const std::vector<Notice>& problems() const { return m_problems; }

private:
    std::filesystem::path m_root;
    std::vector<std::string> m_classes;
    std::vector<std::string> m_splits;
    std::vector<FilmEntry> m_entries;
    std::vector<Notice> m_problems;
};

}  // namespace cxr::data
