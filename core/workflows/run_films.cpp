#include "core/workflows/run_films.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/workflows/csv_fields.h"

namespace cxr::workflows {
namespace {

namespace fs = std::filesystem;

fs::path absoluteNormal(const fs::path& path) {
    std::error_code ec;
    const fs::path abs = fs::absolute(path, ec);
    return (ec ? path : abs).lexically_normal();
}

std::string referenceFor(const std::string& split, std::size_t number) {
    char digits[16];
    std::snprintf(digits, sizeof digits, "%04zu", number);
    return split + "-" + digits;
}

}  // namespace

RunFilms RunFilms::of(const data::SplitPlan& split, const fs::path& dataDir) {
    const fs::path root = absoluteNormal(dataDir);
    RunFilms films;
    for (const auto& [name, entries] : {std::pair<const char*, const std::vector<data::FilmEntry>*>{"train", &split.train},
                                        {"val", &split.val},
                                        {"test", &split.test}}) {
        std::size_t number = 0;
        for (const auto& entry : *entries) {
            const fs::path path = absoluteNormal(entry.path);
            fs::path relative = path.lexically_relative(root);
            if (relative.empty() || *relative.begin() == "..")
                relative = path.filename();
            films.add(Row{referenceFor(name, ++number), name, relative.generic_string()}, path.string());
        }
    }
    return films;
}

void RunFilms::add(Row row, const std::string& absolutePath) {
    if (!absolutePath.empty())
        m_byAbsolute.emplace(absolutePath, m_rows.size());
    m_byReference.emplace(row.reference, m_rows.size());
    m_rows.push_back(std::move(row));
}

fs::path RunFilms::fileOf(const fs::path& runDir) { return runDir / "films.csv"; }

void RunFilms::write(const fs::path& file) const {
    std::ostringstream out;
    out << "film,split,path\n";
    for (const auto& row : m_rows)
        out << row.reference << ',' << row.split << ',' << quotedCsvField(row.path) << '\n';
    writeFileAtomically(file, out.str());
}

RunFilms RunFilms::read(const fs::path& file) {
    RunFilms films;
    std::ifstream in(file);
    if (!in)
        return films;
    std::string line;
    std::getline(in, line);
    int lineNo = 1;
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.empty())
            continue;
        const auto fields = splitCsvLine(line);
        if (fields.size() != 3 || fields[0].empty())
            throw Error(ErrorCode::Corrupt, file, "malformed row at line " + std::to_string(lineNo));
        films.add(Row{fields[0], fields[1], fields[2]}, std::string());
    }
    return films;
}

std::string RunFilms::referenceOf(const std::string& absolutePath) const {
    const auto it = m_byAbsolute.find(absoluteNormal(absolutePath).string());
    return it == m_byAbsolute.end() ? std::string() : m_rows[it->second].reference;
}

std::optional<std::string> RunFilms::relativePathOf(const std::string& reference) const {
    const auto it = m_byReference.find(reference);
    if (it == m_byReference.end())
        return std::nullopt;
    return m_rows[it->second].path;
}

}  // namespace cxr::workflows
