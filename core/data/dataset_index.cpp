#include "core/data/dataset_index.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>
#include <system_error>

#include "core/common/error.h"

namespace fs = std::filesystem;

namespace cxr::data {
namespace {

bool isIgnoredName(const std::string& name) {
    // Hidden files (.DS_Store, ._resource forks) and the macOS zip side tree.
    return name.empty() || name[0] == '.' || name == "__MACOSX" || name == "Thumbs.db" || name == "desktop.ini";
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool isDirectory(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

// Sub-folders of `dir` that are not ignored, sorted by byte value (Python's sorted()).
std::vector<std::string> subfolders(const fs::path& dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!isIgnoredName(name) && isDirectory(it->path()))
            names.push_back(name);
    }
    if (ec)
        throw Error(ErrorCode::Io, dir, "cannot list the folder: " + ec.message());
    std::sort(names.begin(), names.end());
    return names;
}

bool hasAnySplit(const fs::path& dir, const ScanOptions& options) {
    for (const auto& s : options.splits)
        if (isDirectory(dir / s))
            return true;
    return false;
}

// The Kaggle zip unpacks to chest_xray/{train,val,test,__MACOSX,chest_xray/{train,...}}; a user
// may also pick the folder above chest_xray. Use the first level that has split folders; below
// that level duplicate trees are never visited because only split folders are read.
fs::path resolveRoot(const fs::path& root, const ScanOptions& options) {
    fs::path dir = root;
    for (int depth = 0; depth < 3; ++depth) {
        if (hasAnySplit(dir, options))
            return dir;
        const auto subs = subfolders(dir);
        std::vector<fs::path> withSplits;
        for (const auto& name : subs)
            if (hasAnySplit(dir / name, options))
                withSplits.push_back(dir / name);
        if (withSplits.size() == 1)
            return withSplits.front();
        if (withSplits.size() > 1)
            throw Error(ErrorCode::InvalidInput, root,
                        "several dataset folders inside (" + displayPath(withSplits[0].filename()) + ", " +
                            displayPath(withSplits[1].filename()) + "); choose one");
        if (subs.size() != 1)
            break;
        dir = dir / subs.front();  // a lone wrapper folder: look one level deeper
    }
    std::string expected;
    for (const auto& s : options.splits)
        expected += (expected.empty() ? "" : "/") + s;
    throw Error(ErrorCode::NotFound, root,
                "no " + expected + " folders found; expected the Kaggle layout root/train|val|test/<CLASS>/");
}

}  // namespace

KermanyName parseKermanyName(const std::string& fileName) {
    static const std::regex person(R"(^(person\d+)_(bacteria|virus)_\d+$)", std::regex::icase);
    static const std::regex normal(R"(^((?:NORMAL\d*-)?IM-\d+)-\d+$)", std::regex::icase);
    const std::string stem = fs::path(fileName).stem().string();
    std::smatch m;
    KermanyName k;
    if (std::regex_match(stem, m, person)) {
        k.patientId = m[1].str();
        k.subtype = lower(m[2].str());
        k.recognised = true;
    } else if (std::regex_match(stem, m, normal)) {
        k.patientId = m[1].str();
        k.subtype = "normal";
        k.recognised = true;
    } else {
        k.patientId = stem;
    }
    return k;
}

bool hasFilmExtension(const fs::path& path) {
    static const std::set<std::string> kExtensions{".jpeg", ".jpg", ".png", ".dcm", ".dicom",
                                                   ".bmp",  ".tif", ".tiff"};
    const std::string ext = lower(path.extension().string());
    return ext.empty() || kExtensions.count(ext) > 0;
}

DatasetIndex DatasetIndex::scan(const fs::path& rootIn, const ScanOptions& options) {
    if (!isDirectory(rootIn))
        throw Error(ErrorCode::NotFound, rootIn, "dataset folder does not exist or is not a folder");
    DatasetIndex index;
    index.m_root = fs::absolute(resolveRoot(rootIn, options)).lexically_normal();

    for (const auto& split : options.splits) {
        if (isDirectory(index.m_root / split))
            index.m_splits.push_back(split);
    }
    for (const auto& required : options.requiredSplits) {
        if (std::find(index.m_splits.begin(), index.m_splits.end(), required) == index.m_splits.end())
            throw Error(ErrorCode::NotFound, index.m_root / required,
                        "the " + required + " split folder is missing (expected " + required + "/<CLASS>/ films)");
    }

    // Classes: the union of class folders; every split must have all of them (a model trained on
    // two classes cannot be tested on one, and labels must mean the same everywhere).
    std::set<std::string> classSet;
    std::vector<std::vector<std::string>> perSplit;
    for (const auto& split : index.m_splits) {
        perSplit.push_back(subfolders(index.m_root / split));
        if (perSplit.back().empty())
            throw Error(ErrorCode::InvalidInput, index.m_root / split,
                        "no class folders inside (expected e.g. NORMAL/ and PNEUMONIA/)");
        classSet.insert(perSplit.back().begin(), perSplit.back().end());
    }
    index.m_classes.assign(classSet.begin(), classSet.end());  // std::set orders like sorted()
    if (index.m_classes.size() < 2)
        throw Error(ErrorCode::InvalidInput, index.m_root,
                    "only one class folder (" + index.m_classes.front() + "); a classifier needs two or more");

    for (std::size_t s = 0; s < index.m_splits.size(); ++s) {
        const std::string& split = index.m_splits[s];
        for (std::size_t label = 0; label < index.m_classes.size(); ++label) {
            const std::string& cls = index.m_classes[label];
            const fs::path classDir = index.m_root / split / cls;
            if (!isDirectory(classDir))
                throw Error(ErrorCode::NotFound, classDir, "class folder missing (other splits have " + cls + ")");
            std::vector<fs::path> files;
            std::error_code ec;
            for (fs::directory_iterator it(classDir, ec), end; !ec && it != end; it.increment(ec)) {
                const std::string name = it->path().filename().string();
                if (isIgnoredName(name))
                    continue;
                const std::string rel = split + "/" + cls + "/" + name;
                if (isDirectory(it->path())) {
                    index.m_problems.push_back(Notice("data.subfolder_ignored").text("path", rel));
                } else if (!hasFilmExtension(it->path())) {
                    index.m_problems.push_back(Notice("data.not_a_film").text("path", rel).text("extension", it->path().extension().string()));
                } else {
                    files.push_back(it->path());
                }
            }
            if (ec)
                throw Error(ErrorCode::Io, classDir, "cannot list the folder: " + ec.message());
            if (files.empty())
                throw Error(ErrorCode::InvalidInput, classDir, "class folder holds no films");
            std::sort(files.begin(), files.end());
            for (const auto& f : files) {
                FilmEntry e;
                e.path = fs::absolute(f).lexically_normal();
                e.split = split;
                e.label = static_cast<int>(label);
                e.className = cls;
                const KermanyName k = parseKermanyName(f.filename().string());
                e.patientId = k.patientId;
                e.subtype = k.subtype;
                index.m_entries.push_back(std::move(e));
            }
        }
    }
    return index;
}

std::map<std::string, int> DatasetIndex::classToIndex() const {
    std::map<std::string, int> m;
    for (std::size_t i = 0; i < m_classes.size(); ++i)
        m[m_classes[i]] = static_cast<int>(i);
    return m;
}

bool DatasetIndex::hasSplit(const std::string& split) const {
    return std::find(m_splits.begin(), m_splits.end(), split) != m_splits.end();
}

std::vector<std::string> DatasetIndex::splits() const { return m_splits; }

std::vector<FilmEntry> DatasetIndex::entries(const std::string& split) const {
    std::vector<FilmEntry> out;
    for (const auto& e : m_entries)
        if (e.split == split)
            out.push_back(e);
    return out;
}

std::vector<std::size_t> DatasetIndex::classCounts(const std::string& split) const {
    std::vector<std::size_t> counts(m_classes.size(), 0);
    for (const auto& e : m_entries)
        if (e.split == split)
            ++counts[static_cast<std::size_t>(e.label)];
    return counts;
}

}  // namespace cxr::data
