// One preprocessing chain: for the same film, `cxr evaluate`'s per-film probability (film cache
// -> batch loader, the path the run's threshold, temperature and test report are measured on)
// and `cxr predict --json`'s (the Diagnoser behind the CLI and the GUI) agree to 1e-4 — on
// JPEGs of 1,000-2,000 px, on DICOM films in every transfer syntax, and on films smaller than
// the model input and the training cache.
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "core/common/atomic_file.h"
#include "core/common/json_io.h"
#include "diagnosis/blob_model.h"
#include "core/model/model_bundle.h"
#include "test_dirs.h"

namespace cxr {
namespace {

struct Run {
    int status = -1;
    std::string output;
};

Run cxr(const std::string& args, const std::filesystem::path& dir, const std::string& logName) {
    const auto log = dir / logName;
    const std::string cmd = std::string(CXR_CLI_BINARY) + " " + args + " > '" + log.string() + "' 2>'" +
                            (dir / (logName + ".err")).string() + "'";
    const int raw = std::system(cmd.c_str());
    Run r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.output = readFileText(log) + readFileText(dir / (logName + ".err"));
    return r;
}

// A hand-built ResNet18 that scores PNEUMONIA by the mean brightness of the input pixels it
// samples (tests/diagnosis/blob_model.h): its probabilities spread over (0, 1) across films and
// move with every pixel of the model input, so two chains that differ show it. A random
// network gives nearly every film the same probability, and any chain would "agree".
std::filesystem::path makeSensitiveModel(const std::filesystem::path& dir) {
    auto net = test::makeBlobNet();
    {
        torch::NoGradGuard noGrad;
        auto params = net->named_parameters();
        params["fc.weight"][1][0].fill_(2.0);
        params["fc.weight"][0][0].fill_(-2.0);
        params["fc.bias"][0].fill_(1.0);
    }
    const auto out = dir / "model";
    model::exportModelBundle(out, net, {"NORMAL", "PNEUMONIA"}, model::PreprocessSpec{}, 0.5, 1.0, Json::object(),
                             Json::object());
    return out;
}

// file (relative to the data folder) -> P(PNEUMONIA), from `cxr evaluate --predictions`.
std::map<std::string, double> evaluateProbabilities(const std::filesystem::path& csv) {
    std::map<std::string, double> out;
    std::istringstream in(readFileText(csv));
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "file,truth,p_PNEUMONIA,call");
    while (std::getline(in, line)) {
        // "file",truth,p,call — the file is quoted, the rest plain.
        const auto close = line.find("\",");
        const std::string file = line.substr(1, close - 1);
        std::istringstream rest(line.substr(close + 2));
        std::string truth, p;
        std::getline(rest, truth, ',');
        std::getline(rest, p, ',');
        out[file] = std::stod(p);
    }
    return out;
}

// Returns each film's `cxr predict --json` line.
std::vector<Json> expectEvaluateMatchesPredict(const std::filesystem::path& dir, const std::filesystem::path& modelDir,
                                               const std::filesystem::path& data, std::size_t films) {
    std::vector<Json> results;

    const auto csv = dir / "evaluate.csv";
    const auto eval = cxr("evaluate '" + modelDir.string() + "' '" + data.string() +
                              "' --device cpu --batch 4 --predictions '" + csv.string() + "'",
                          dir, "evaluate.txt");
    EXPECT_EQ(eval.status, 0) << eval.output;
    const auto fromEvaluate = evaluateProbabilities(csv);
    EXPECT_EQ(fromEvaluate.size(), films) << eval.output;

    const auto predict = cxr("predict '" + modelDir.string() + "' '" + (data / "test").string() + "' --device cpu --json",
                             dir, "predict.txt");
    EXPECT_EQ(predict.status, 0) << predict.output;
    std::istringstream lines(readFileText(dir / "predict.txt"));
    std::string line;
    std::size_t compared = 0;
    double lowest = 1.0, highest = 0.0;
    while (std::getline(lines, line)) {
        const Json j = Json::parse(line);
        results.push_back(j);
        EXPECT_TRUE(j.at("ok").get<bool>()) << line;
        const auto file = std::filesystem::path(j.at("file").get<std::string>()).lexically_relative(data).generic_string();
        if (fromEvaluate.count(file) != 1) {
            ADD_FAILURE() << file << " is not in cxr evaluate's predictions";
            continue;
        }
        const double p = j.at("probabilities").at("PNEUMONIA").get<double>();
        EXPECT_NEAR(p, fromEvaluate.at(file), 1e-4) << file;
        lowest = std::min(lowest, p);
        highest = std::max(highest, p);
        ++compared;
    }
    EXPECT_EQ(compared, films);
    // The comparison means something only when the model tells the films apart.
    EXPECT_GT(highest - lowest, 0.05) << "the model gives every film the same probability";
    return results;
}

std::filesystem::path synthSet(const std::filesystem::path& dir, const std::string& synthArgs) {
    const auto data = dir / "data";
    const auto synth = cxr("synth '" + data.string() + "' --train 0 --val 0 " + synthArgs, dir, "synth.txt");
    EXPECT_EQ(synth.status, 0) << synth.output;
    return data;
}

TEST(OnePreprocessing, EvaluateAndPredictAgreeOnLargeJpegs) {
    const auto dir = test::scratchDir();
    // Default synth sizes: long side 1000-2000 px, never square.
    expectEvaluateMatchesPredict(dir, makeSensitiveModel(dir), synthSet(dir, "--test 6 --seed 11"), 6);
}

TEST(OnePreprocessing, EvaluateAndPredictAgreeOnDicomFilms) {
    const auto dir = test::scratchDir();
    // 9 films cycle through every transfer syntax CXR Studio reads, both photometrics.
    expectEvaluateMatchesPredict(dir, makeSensitiveModel(dir), synthSet(dir, "--test 9 --seed 12 --size 640 --dicom"), 9);
}

TEST(OnePreprocessing, EvaluateAndPredictAgreeOnFilmsSmallerThanTheCache) {
    const auto dir = test::scratchDir();
    // 160 px: smaller than the 224 px input and the 256 px training cache.
    expectEvaluateMatchesPredict(dir, makeSensitiveModel(dir), synthSet(dir, "--test 6 --seed 13 --size 160"), 6);
}

// Five real Kaggle films (tests/fixtures/real_films, provenance there): 1,000-1,500 px grey
// JPEGs and grey pictures stored as three-channel JPEGs. They decode, reach the same model
// input through the cache and through prediction, and raise no out-of-domain warning — no
// colour warning for the three-channel grey ones either.
TEST(OnePreprocessing, RealFilmsAgreeAndRaiseNoWarning) {
    const auto dir = test::scratchDir();
    const std::filesystem::path data = CXR_REAL_FILMS_DIR;
    const auto lines = expectEvaluateMatchesPredict(dir, makeSensitiveModel(dir), data, 5);
    ASSERT_EQ(lines.size(), 5u);
    for (const Json& j : lines)
        EXPECT_TRUE(j.at("warnings").empty()) << j.at("file") << ": " << j.at("warnings").dump();
    const auto info = cxr("info --json '" + (data / "test" / "PNEUMONIA" / "person342_virus_701.jpeg").string() + "'",
                          dir, "info.txt");
    ASSERT_EQ(info.status, 0) << info.output;
    const Json film = Json::parse(info.output.substr(0, info.output.find('\n')));
    EXPECT_EQ(film.at("samples_per_pixel"), 3);  // stored as RGB ...
    EXPECT_TRUE(film.at("warnings").empty()) << film.dump();  // ... but grey: no colour warning
}

}  // namespace
}  // namespace cxr
