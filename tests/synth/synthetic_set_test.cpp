// Whole synthetic sets on disk: layout, CSVs, determinism to the byte, folder safety,
// cancellation, progress, and the loader round trip over every format the synth writes.
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/imaging/load_film.h"
#include "core/synth/chest_phantom.h"
#include "core/synth/film_encoding.h"
#include "core/synth/film_plan.h"
#include "core/synth/synthetic_set.h"
#include "test_dirs.h"

namespace cxr::synth {
namespace {

namespace fs = std::filesystem;

SynthOptions small(bool dicom = false, std::uint64_t seed = 5) {
    SynthOptions o;
    o.train = 14;
    o.val = 4;
    o.test = 6;
    o.size = 64;
    o.seed = seed;
    o.dicom = dicom;
    return o;
}

std::vector<std::vector<std::string>> readCsv(const fs::path& path) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(readFileText(path));
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> cells;
        std::stringstream cells_in(line);
        for (std::string cell; std::getline(cells_in, cell, ',');)
            cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

std::map<std::string, std::vector<std::uint8_t>> allFiles(const fs::path& root) {
    std::map<std::string, std::vector<std::uint8_t>> files;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file())
            files[fs::relative(e.path(), root).generic_string()] = readFileBytes(e.path());
    return files;
}

struct CountingSink : ProgressSink {
    std::size_t calls = 0, lastDone = 0, total = 0;
    void onProgress(const Progress& p) override {
        ++calls;
        lastDone = p.done;
        total = p.total;
    }
};

TEST(SyntheticSet, WritesTheKaggleLayoutTheCsvsAndASummary) {
    const fs::path root = test::scratchDir() / "set";
    CountingSink sink;
    const SynthSummary summary = makeSyntheticSet(root, small(), &sink);
    EXPECT_EQ(summary.films, 24);
    EXPECT_EQ(summary.splits.at("train").total(), 14);
    EXPECT_EQ(summary.splits.at("val").total(), 4);
    EXPECT_EQ(summary.splits.at("test").total(), 6);
    EXPECT_EQ(sink.lastDone, 24u);
    EXPECT_EQ(sink.total, 24u);

    const auto films = readCsv(root / "films.csv");
    ASSERT_EQ(films.size(), 25u);
    EXPECT_EQ(films[0][0], "split");
    std::map<std::string, std::pair<int, int>> sizeOf;
    std::uint64_t bytes = 0;
    int pneumonia = 0;
    for (size_t i = 1; i < films.size(); ++i) {
        const auto& r = films[i];
        ASSERT_EQ(r.size(), 11u);
        const fs::path file = root / r[4];
        ASSERT_TRUE(fs::is_regular_file(file)) << file;
        EXPECT_EQ(r[4].rfind(r[0] + "/" + r[1] + "/", 0), 0u) << r[4];
        EXPECT_EQ(imaging::sniffFormat(file), "JPEG");
        bytes += fs::file_size(file);
        sizeOf[r[4]] = {std::stoi(r[5]), std::stoi(r[6])};
        pneumonia += r[1] == "PNEUMONIA";
    }
    EXPECT_EQ(bytes, summary.bytesWritten);

    const auto boxes = readCsv(root / "opacities.csv");
    ASSERT_EQ(boxes[0], (std::vector<std::string>{"split", "class", "file", "x0", "y0", "x1", "y1"}));
    EXPECT_EQ(static_cast<int>(boxes.size()) - 1, summary.opacityBoxes);
    EXPECT_GE(summary.opacityBoxes, pneumonia);
    for (size_t i = 1; i < boxes.size(); ++i) {
        const auto& r = boxes[i];
        ASSERT_EQ(r.size(), 7u);
        EXPECT_EQ(r[1], "PNEUMONIA");
        ASSERT_TRUE(sizeOf.count(r[2])) << r[2];
        const auto [w, h] = sizeOf[r[2]];
        EXPECT_LE(0, std::stoi(r[3]));
        EXPECT_LT(std::stoi(r[3]), std::stoi(r[5]));
        EXPECT_LE(std::stoi(r[5]), w);
        EXPECT_LE(0, std::stoi(r[4]));
        EXPECT_LT(std::stoi(r[4]), std::stoi(r[6]));
        EXPECT_LE(std::stoi(r[6]), h);
    }

    const auto reread = readSyntheticSetSummary(root);
    ASSERT_TRUE(reread.has_value());
    EXPECT_EQ(reread->toJson(), summary.toJson());
    EXPECT_NE(summary.toText().find("24 synthetic JPEG films"), std::string::npos) << summary.toText();
}

TEST(SyntheticSet, SameSeedGivesByteIdenticalFilesOtherSeedDiffers) {
    for (const bool dicom : {false, true}) {
        const fs::path dir = test::scratchDir();
        makeSyntheticSet(dir / "a", small(dicom, 9));
        makeSyntheticSet(dir / "b", small(dicom, 9));
        makeSyntheticSet(dir / "c", small(dicom, 10));
        const auto a = allFiles(dir / "a"), b = allFiles(dir / "b"), c = allFiles(dir / "c");
        EXPECT_EQ(a.size(), 24u + 3u);
        EXPECT_TRUE(a == b) << (dicom ? "DICOM" : "JPEG") << " sets differ for the same seed";
        EXPECT_FALSE(a == c);
        int sameFilm = 0;
        for (const auto& [name, bytes] : a)
            sameFilm += c.count(name) && c.at(name) == bytes && name.find('/') != std::string::npos;
        EXPECT_EQ(sameFilm, 0) << "a film came out identical under another seed";
    }
}

TEST(SyntheticSet, RefusesAForeignFolderAndReplacesAnEarlierSet) {
    const fs::path dir = test::scratchDir();
    std::ofstream(dir / "thesis.txt") << "precious";
    try {
        makeSyntheticSet(dir, small());
        FAIL() << "wrote into a folder that holds other files";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
        EXPECT_NE(std::string(e.what()).find("not empty"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(fs::exists(dir / "thesis.txt"));

    const fs::path set = dir / "set";
    SynthOptions big = small();
    big.train = 30;
    makeSyntheticSet(set, big);
    const auto summary = makeSyntheticSet(set, small());
    int films = 0;
    for (const auto& e : fs::recursive_directory_iterator(set))
        films += e.path().extension() == ".jpeg";
    EXPECT_EQ(films, summary.films);  // nothing left over from the larger set
}

// Cancels once a few films are written (from the progress callback, as the GUI's Cancel does).
class CancelAfter : public ProgressSink {
public:
    CancelAfter(CancelToken& token, std::size_t films) : m_token(token), m_films(films) {}
    void onProgress(const Progress& p) override {
        m_lastDone = p.done;
        m_total = p.total;
        if (p.done >= m_films)
            m_token.cancel();
    }
    std::size_t lastDone() const { return m_lastDone; }
    std::size_t total() const { return m_total; }

private:
    CancelToken& m_token;
    std::size_t m_films;
    std::size_t m_lastDone = 0, m_total = 0;
};

std::size_t filesUnder(const fs::path& root) {
    std::size_t n = 0;
    if (fs::exists(root))
        for (const auto& e : fs::recursive_directory_iterator(root))
            n += e.is_regular_file();
    return n;
}

TEST(SyntheticSet, StopsWhenCancelled) {
    SynthOptions o = small();
    o.train = 80;
    o.val = 10;
    o.test = 30;
    o.size = 320;
    const fs::path base = test::scratchDir();
    for (const bool existed : {false, true}) {
        SCOPED_TRACE(existed ? "into an existing empty folder" : "into a new folder");
        const fs::path root = base / (existed ? "empty" : "new");
        if (existed)
            fs::create_directories(root);
        CancelToken token;
        CancelAfter sink(token, 4);
        try {
            makeSyntheticSet(root, o, &sink, &token);
            FAIL() << "not cancelled";
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::Cancelled);
        }
        // Cancelled mid-run: films had been written, and not all of them.
        EXPECT_GE(sink.lastDone(), 4u);
        EXPECT_LT(sink.lastDone(), sink.total());
        // The partial set is gone: the folder is as it was (absent or empty).
        EXPECT_EQ(fs::exists(root), existed);
        EXPECT_EQ(filesUnder(root), 0u);
        EXPECT_FALSE(readSyntheticSetSummary(root));
    }
    // So the same folder takes a new set afterwards (a partial set without synth.json would be
    // refused as a foreign non-empty folder).
    const fs::path root = base / "empty";
    const auto summary = makeSyntheticSet(root, small());
    EXPECT_EQ(static_cast<std::size_t>(summary.films), filesUnder(root) - 3);  // + 2 CSVs + synth.json
}

TEST(SyntheticSet, JpegFilmsLoadBackAsTheRenderedPixels) {
    const fs::path root = test::scratchDir() / "set";
    SynthOptions o = small();
    o.size = 96;
    makeSyntheticSet(root, o);
    for (const auto& plan : planSyntheticSet(o)) {
        const imaging::Film film = imaging::loadFilm(root / plan.relativePath);
        const auto source = toGrey8(renderChestFilm(plan));
        ASSERT_EQ(film.width, plan.width);
        ASSERT_EQ(film.height, plan.height);
        ASSERT_EQ(film.pixels.size(), source.size());
        double absError = 0;
        for (size_t i = 0; i < source.size(); ++i)
            absError += std::abs(film.pixels[i] - source[i]);
        EXPECT_LT(absError / static_cast<double>(source.size()), 2.5) << plan.relativePath;  // JPEG q92
    }
}

TEST(SyntheticSet, DicomFilmsLoadBackExactlyInEveryTransferSyntax) {
    const fs::path root = test::scratchDir() / "set";
    SynthOptions o = small(true);
    o.train = 18;  // every syntax with both photometrics
    o.val = o.test = 0;
    makeSyntheticSet(root, o);
    std::map<std::string, int> syntaxes;
    for (const auto& plan : planSyntheticSet(o)) {
        SCOPED_TRACE(plan.relativePath.string() + " " + imaging::dicomSyntaxName(plan.syntax) + " " +
                     plan.photometric);
        const imaging::Film film = imaging::loadFilm(root / plan.relativePath);
        const ChestFilm rendered = renderChestFilm(plan);
        const auto stored = toStored12(rendered, plan.photometric);
        ASSERT_EQ(film.width, plan.width);
        ASSERT_EQ(film.height, plan.height);
        ASSERT_EQ(film.pixels.size(), stored.size());
        size_t mismatches = 0;
        for (size_t i = 0; i < stored.size(); ++i)
            mismatches += film.pixels[i] != static_cast<float>(stored[i]);
        EXPECT_EQ(mismatches, 0u);  // every syntax the synth writes is lossless
        EXPECT_EQ(film.meta.format, "DICOM");
        EXPECT_EQ(film.meta.bitsStored, 12);
        EXPECT_EQ(film.meta.photometric, plan.photometric);
        EXPECT_EQ(film.invert, plan.photometric == "MONOCHROME1");
        EXPECT_EQ(film.meta.modality, "DX");
        EXPECT_FALSE(film.patient.empty());
        const auto image = makeDicomImage(plan, rendered);
        if (image.windowWidth > 0) {
            EXPECT_EQ(film.window.source, "file");
            EXPECT_DOUBLE_EQ(film.window.center, image.windowCenter);
            EXPECT_DOUBLE_EQ(film.window.width, image.windowWidth);
        } else {
            EXPECT_NE(film.window.source, "file");
        }
        ++syntaxes[film.meta.transferSyntaxUid];
    }
    EXPECT_EQ(syntaxes.size(), synthDicomSyntaxes().size());
}

}  // namespace
}  // namespace cxr::synth
