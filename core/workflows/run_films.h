#pragma once
// RunFilms: the films of a training run under short references ("train-0001", "val-0001",
// "test-0001", in the split's own order) with their paths relative to the data folder, kept in
// runDir/films.csv (film,split,path). The references are what leaves the run folder —
// predictions.csv, warnings, logs — because film names carry patient numbers (Kermany's
// "person12_bacteria_47") or names (hospital exports); the names stay in films.csv, in the run
// folder, beside config.json (the data folder) and the film cache, which hold them already.
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/data/split_plan.h"

namespace cxr::workflows {

class RunFilms {
public:
    static RunFilms of(const data::SplitPlan& split, const std::filesystem::path& dataDir);
    // A missing file gives an empty list; a malformed one throws cxr::Error(Corrupt).
    static RunFilms read(const std::filesystem::path& file);
    static std::filesystem::path fileOf(const std::filesystem::path& runDir);

    // Written atomically. Throws cxr::Error(Io).
    void write(const std::filesystem::path& file) const;

    std::size_t size() const { return m_rows.size(); }
    // The reference of a film given by its absolute path (as the index and the film cache hold
    // it); "" when the film is not one of the run's.
    std::string referenceOf(const std::string& absolutePath) const;
    // The path relative to the data folder of a reference; nullopt when unknown.
    std::optional<std::string> relativePathOf(const std::string& reference) const;

private:
    struct Row {
        std::string reference, split, path;  // path relative to the data folder, '/'-separated
    };
    void add(Row row, const std::string& absolutePath);

    std::vector<Row> m_rows;
    std::map<std::string, std::size_t> m_byAbsolute, m_byReference;
};

}  // namespace cxr::workflows
