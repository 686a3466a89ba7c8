#include "core/diagnosis/film_list.h"

#include <algorithm>
#include <system_error>

#include "core/common/error.h"
#include "core/imaging/load_film.h"

namespace cxr::diagnosis {

FilmList collectFilms(const std::vector<std::filesystem::path>& inputs) {
    namespace fs = std::filesystem;
    FilmList list;
    for (const auto& input : inputs) {
        std::error_code ec;
        if (!fs::is_directory(input, ec)) {
            // A missing or unreadable file is reported by the loader, naming the reason.
            list.files.push_back(input);
            continue;
        }
        std::vector<fs::path> found;
        fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec);
        for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (!it->is_regular_file(ec))
                continue;
            try {
                if (!imaging::sniffFormat(it->path()).empty())
                    found.push_back(it->path());
            } catch (const Error&) {
                // Unreadable entries in a folder are skipped; named files are never skipped.
            }
        }
        if (ec)
            list.problems.push_back(displayPath(input) + ": " + ec.message());
        if (found.empty())
            list.problems.push_back(displayPath(input) + ": no films found (DICOM, JPEG, PNG, BMP, TIFF)");
        std::sort(found.begin(), found.end());
        list.files.insert(list.files.end(), found.begin(), found.end());
    }
    return list;
}

}  // namespace cxr::diagnosis
