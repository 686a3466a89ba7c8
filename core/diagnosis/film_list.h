#pragma once
// The films named on a command line or dropped on a window: files as given, folders searched
// recursively for files whose content is a film (DICOM, JPEG, PNG, BMP, TIFF), sorted.
#include <filesystem>
#include <string>
#include <vector>

namespace cxr::diagnosis {

struct FilmList {
    std::vector<std::filesystem::path> files;
    std::vector<std::string> problems;  // "FOLDER: no films found", missing inputs
};

FilmList collectFilms(const std::vector<std::filesystem::path>& inputs);

}  // namespace cxr::diagnosis
