// Patient identifiers never leave the film: DICOM films carrying a patient name, ID, birth date
// and accession number go through `cxr train`, `cxr predict --json --cam-dir` and (GUI builds)
// `cxr report`, all at --log-level debug, and none of those values appears in the console
// output, any file of the run folder (metrics, config, split, state, evaluation, predictions,
// cache, model), the JSON lines, the overlay PNGs (pixels and chunks) or the PDF's text.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "cli_process.h"
#include "common/atomic_file.h"
#include "imaging/film_writer.h"
#include "test_dirs.h"

namespace cxr {
namespace {

namespace fs = std::filesystem;

// Distinctive values, each findable only if something copied it out of the DICOM header.
const char* const kIdentifiers[] = {"QUIXOTELY", "ZEBULON", "PID4471953", "19380517", "1938-05-17", "17.05.1938",
                                    "ACC5530811"};

imaging::DicomImage filmWithPatient(int index, bool opacity) {
    imaging::DicomImage image;
    image.width = 64;
    image.height = 64;
    image.pixels.resize(64 * 64);
    std::uint32_t state = 2654435761u * static_cast<std::uint32_t>(index + 1);
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x) {
            state = state * 1664525u + 1013904223u;
            int v = 800 + 30 * y + static_cast<int>(state >> 24);
            if (opacity && (x - 40) * (x - 40) + (y - 30) * (y - 30) < 100)
                v += 1200;
            image.pixels[static_cast<std::size_t>(y) * 64 + x] = static_cast<std::uint16_t>(std::min(v, 4095));
        }
    image.windowCenter = 2048;
    image.windowWidth = 4096;
    image.meta.modality = "DX";
    image.meta.viewPosition = "PA";
    image.meta.bodyPart = "CHEST";
    image.patient.name = "QUIXOTELY^ZEBULON";
    image.patient.id = "PID4471953";
    image.patient.birthDate = "19380517";
    image.patient.sex = "O";
    image.patient.accessionNumber = "ACC5530811";
    return image;
}

// Kaggle layout, every film carrying the same patient, in four transfer syntaxes.
void makePatientSet(const fs::path& root) {
    const imaging::DicomSyntax syntaxes[] = {imaging::DicomSyntax::ExplicitLittle, imaging::DicomSyntax::JpegLsLossless,
                                             imaging::DicomSyntax::Rle, imaging::DicomSyntax::Jpeg2000Lossless};
    int index = 0;
    for (const auto& [split, perClass] : {std::pair<const char*, int>{"train", 10}, {"val", 3}, {"test", 4}})
        for (const char* cls : {"NORMAL", "PNEUMONIA"}) {
            const fs::path dir = root / split / cls;
            fs::create_directories(dir);
            for (int i = 0; i < perClass; ++i, ++index)
                imaging::writeDicom(dir / ("film-" + std::to_string(index) + ".dcm"),
                                    filmWithPatient(index, std::string(cls) == "PNEUMONIA"), syntaxes[index % 4]);
        }
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// The identifiers found in `text` (case-insensitive), comma-separated; empty when none.
std::string identifiersIn(const std::string& text) {
    const std::string haystack = lower(text);
    std::string found;
    for (const char* id : kIdentifiers)
        if (haystack.find(lower(id)) != std::string::npos)
            found += (found.empty() ? "" : ", ") + std::string(id);
    return found;
}

void expectNoIdentifiersInTree(const fs::path& root) {
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file())
            continue;
        ++files;
        EXPECT_EQ(identifiersIn(readFileText(entry.path(), 1ULL << 30)), "") << entry.path();
    }
    EXPECT_GT(files, 5) << root;
}

// PNG chunk types after the signature; ancillary text or metadata chunks could carry tags.
std::vector<std::string> pngChunks(const std::string& png) {
    std::vector<std::string> types;
    for (std::size_t at = 8; at + 8 <= png.size();) {
        const auto* p = reinterpret_cast<const unsigned char*>(png.data() + at);
        const std::size_t length = (std::size_t(p[0]) << 24) | (std::size_t(p[1]) << 16) | (std::size_t(p[2]) << 8) | p[3];
        types.emplace_back(png.substr(at + 4, 4));
        at += 12 + length;
    }
    return types;
}

TEST(PatientData, NeverInLogsRunFilesPredictionsOverlaysOrReport) {
    const auto dir = test::scratchDir();
    makePatientSet(dir / "data");
    // The films really carry the identifiers (so finding none below means something).
    EXPECT_NE(identifiersIn(readFileText(dir / "data" / "train" / "NORMAL" / "film-0.dcm")), "");

    const auto run = dir / "run";
    const auto train = test::runCli({"--log-level", "debug", "train", (dir / "data").string(), "--out", run.string(),
                                     "--device", "cpu", "--epochs", "1", "--batch", "4", "--image-size", "32",
                                     "--workers", "1", "--threads", "1"},
                                    dir / "train.txt");
    ASSERT_EQ(train.code, 0) << train.output;
    EXPECT_EQ(identifiersIn(train.output), "") << train.output;
    expectNoIdentifiersInTree(run);
    ASSERT_TRUE(fs::exists(run / "metrics.csv"));

    const auto film = dir / "data" / "test" / "PNEUMONIA" / "film-30.dcm";
    const auto cams = dir / "cams";
    const auto predict = test::runCli({"--log-level", "debug", "predict", run.string(), film.string(),
                                       (dir / "data" / "test" / "NORMAL").string(), "--json", "--cam-dir",
                                       cams.string(), "--device", "cpu"},
                                      dir / "predict.txt");
    ASSERT_EQ(predict.code, 0) << predict.output;
    EXPECT_NE(predict.output.find("\"cam_grid\""), std::string::npos) << predict.output;
    EXPECT_NE(predict.output.find("\"cam_peak\":{\"x\":"), std::string::npos) << predict.output;
    EXPECT_EQ(identifiersIn(predict.output), "") << predict.output;
    int overlays = 0;
    for (const auto& entry : fs::directory_iterator(cams)) {
        ++overlays;
        const std::string png = readFileText(entry.path());
        EXPECT_EQ(identifiersIn(png), "") << entry.path();
        for (const auto& type : pngChunks(png))
            EXPECT_TRUE(type == "IHDR" || type == "IDAT" || type == "IEND" || type == "PLTE")
                << entry.path() << " carries a " << type << " chunk";
    }
    EXPECT_EQ(overlays, 5);

    // The PDF report, where this build has it (GUI builds). Decided at build time: asking the
    // binary does not work, since `cxr report --help` without the command prints the main help
    // and exits 0.
#if CXR_GUI_BUILD
    const auto pdf = dir / "report.pdf";
    const auto report = test::runCli({"--log-level", "debug", "report", run.string(), "--pdf", pdf.string()},
                                     dir / "report.txt");
    ASSERT_EQ(report.code, 0) << report.output;
    EXPECT_EQ(identifiersIn(report.output), "") << report.output;
    ASSERT_EQ(std::system(("pdftotext '" + pdf.string() + "' '" + (dir / "report-text.txt").string() + "'").c_str()), 0);
    const std::string text = readFileText(dir / "report-text.txt");
    EXPECT_NE(text.find("not a medical device"), std::string::npos) << "pdftotext gave no text?";
    EXPECT_EQ(identifiersIn(text), "") << text;
    EXPECT_EQ(identifiersIn(readFileText(pdf)), "") << "identifiers in the PDF's bytes (metadata?)";
#endif
}

}  // namespace
}  // namespace cxr
