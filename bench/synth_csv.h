#pragma once
// Reads the CSV files `cxr synth` writes beside a set (films.csv, opacities.csv) for the
// benchmark programs: rows of cells, header skipped. The synth never writes quoted commas.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/common/error.h"

namespace cxr::bench {

inline std::vector<std::vector<std::string>> readSynthCsv(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in)
        throw Error(ErrorCode::NotFound, path, "cannot open (is this a `cxr synth` folder?)");
    std::vector<std::vector<std::string>> rows;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, ','))
            cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

}  // namespace cxr::bench
