// Diagnoser end to end on hand-built and random models: the CAM registered to the film for
// square and non-square films, the call at the bundle's threshold and temperature, seed files,
// concurrent calls, heat maps at other sizes, warnings and errors.
#include <unistd.h>

#include <cmath>
#include <string>
#include <system_error>
#include <thread>

#include <gtest/gtest.h>

#include "blob_model.h"
#include "core/common/error.h"
#include "core/common/json_io.h"
#include "core/diagnosis/diagnoser.h"
#include "core/diagnosis/heat_map.h"
#include "core/evaluation/call_rule.h"
#include "core/model/class_map.h"
#include "test_dirs.h"

namespace cxr::diagnosis {
namespace {

// Where the blob net's map must peak. Its layer with stride s (32 for layer4, 16 for layer3)
// samples the input at pixels s*i (1x1 stride-2 shortcuts keep the top-left of each 2x2), so
// the map peaks on the cell whose sample is nearest the blob, and registration puts that cell
// on its sample, input pixel s*i (not the middle of its block, (i + 0.5) * s - 0.5, where the
// plain resize leaves it). Mapped back through the stretch: film = (input + 0.5) * W / S - 0.5.
// Registration errors of more than about one input pixel fail.
void expectPeakAtCell(const Diagnosis& d, double blobU, double blobV, int stride) {
    const int s = d.inputMapSize;
    const Peak p = peakOf(d.heatMap, d.heatW, d.heatH);
    const double cellU = std::round(blobU / stride), cellV = std::round(blobV / stride);
    const double expectX = (cellU * stride + 0.5) * d.heatW / s - 0.5;
    const double expectY = (cellV * stride + 0.5) * d.heatH / s - 0.5;
    EXPECT_NEAR(p.x, expectX, 1.5 * d.heatW / s + 1) << "heat " << d.heatW << "x" << d.heatH;
    EXPECT_NEAR(p.y, expectY, 1.5 * d.heatH / s + 1) << "heat " << d.heatW << "x" << d.heatH;
    EXPECT_GT(p.value, 0.99f);
}

// A film of width x height with a blob at input pixel (u, v) of the 224 x 224 model input,
// 12 input pixels wide: bright at the nearest sample of either layer, dark at the next.
imaging::Film filmWithBlobAtInput(int width, int height, double u, double v) {
    const double sx = width / 224.0, sy = height / 224.0;
    return test::makeBlobFilm(width, height, (u + 0.5) * sx - 0.5, (v + 0.5) * sy - 0.5, 12 * sx, 12 * sy);
}

class DiagnoserTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        // One folder per process: CTest runs each case of this suite in its own process, in
        // parallel, and a shared folder was removed under another case's feet (which gtest then
        // reported as skipped).
        s_dir = std::filesystem::path(CXR_TEST_TMP) / ("DiagnoserTest.blob." + std::to_string(::getpid()));
        std::filesystem::remove_all(s_dir);
        test::exportBlobModel(s_dir);
        s_diagnoser = new Diagnoser(s_dir, "cpu");
    }
    static void TearDownTestSuite() {
        delete s_diagnoser;
        s_diagnoser = nullptr;
        std::error_code ec;
        std::filesystem::remove_all(s_dir, ec);
    }
    static std::filesystem::path s_dir;
    static Diagnoser* s_diagnoser;
};
std::filesystem::path DiagnoserTest::s_dir;
Diagnoser* DiagnoserTest::s_diagnoser = nullptr;

TEST_F(DiagnoserTest, CamPeakLandsOnTheBlobInFilmCoordinates) {
    // Square, wide and tall films; blobs off-centre on both axes, placed (in input pixels) where
    // neither layer's nearest sample is ambiguous, and on even layer3 cells: layer4's stride-2
    // shortcut reads only those, so LayerCAM's per-position gradient is zero on odd ones.
    struct Case {
        int w, h;
        double u, v;
    };
    for (const Case c : {Case{448, 448, 163, 67}, Case{672, 320, 35, 163}, Case{300, 520, 195, 131}}) {
        const imaging::Film film = filmWithBlobAtInput(c.w, c.h, c.u, c.v);
        for (const std::string method : {"gradcam", "gradcam++", "layercam"}) {
            for (const auto& [layer, stride] : {std::pair<std::string, int>{"layer4", 32}, {"layer3", 16}}) {
                // Every method and layer on the square film; two combinations on the others.
                if (c.w != c.h && !(method == "gradcam" && layer == "layer4") &&
                    !(method == "layercam" && layer == "layer3"))
                    continue;
                SCOPED_TRACE(std::to_string(c.w) + "x" + std::to_string(c.h) + " " + method + " " + layer);
                DiagnoseOptions options;
                options.method = method;
                options.layer = layer;
                const Diagnosis d = s_diagnoser->diagnose(film, options);
                EXPECT_EQ(d.label, "PNEUMONIA");
                EXPECT_EQ(d.camTarget, 1);
                ASSERT_EQ(d.heatW, c.w);
                ASSERT_EQ(d.heatH, c.h);
                EXPECT_EQ(d.camGridW, 224 / stride);
                expectPeakAtCell(d, c.u, c.v, stride);
            }
        }
    }
}

TEST_F(DiagnoserTest, SubCellPeakFindsABlobBetweenTwoCells) {
    // A blob midway between layer4's samples at input x = 96 and 128 (cells 3 and 4) and on the
    // sample at y = 64: the two cells read it equally, so the film map's argmax sits on cell 3's
    // centre, 16 input pixels from the blob, while the sub-cell peak is on the blob.
    const int w = 448, h = 336;
    const imaging::Film film = filmWithBlobAtInput(w, h, 112, 64);
    const Diagnosis d = s_diagnoser->diagnose(film, {});
    ASSERT_EQ(d.camGridW, 7);
    const CamPeak p = camPeakOf(d);
    EXPECT_NEAR(p.cellX, 3.5, 0.1);
    EXPECT_NEAR(p.cellY, 2, 0.1);
    const double blobX = (112 + 0.5) * w / 224.0 - 0.5, blobY = (64 + 0.5) * h / 224.0 - 0.5;
    EXPECT_NEAR(fractionToPixel(p.fx, w), blobX, 0.1 * 32 * w / 224.0);
    EXPECT_NEAR(fractionToPixel(p.fy, h), blobY, 0.1 * 32 * h / 224.0);
    const Peak node = peakOf(d.heatMap, d.heatW, d.heatH);
    EXPECT_GT(std::abs(node.x - blobX), 14 * w / 224.0);
}

TEST_F(DiagnoserTest, HeatMapsAtOtherSizesCoverTheSameExtent) {
    const imaging::Film film = filmWithBlobAtInput(300, 200, 67, 163);
    DiagnoseOptions options;
    options.heatWidth = 1200;  // as if the film had been decoded at 1/4 scale
    options.heatHeight = 800;
    const Diagnosis full = s_diagnoser->diagnose(film, options);
    ASSERT_EQ(full.heatMap.size(), 1200u * 800u);
    expectPeakAtCell(full, 67, 163, 32);
    EXPECT_EQ(heatMapAt(full, 1200, 800), full.heatMap);
    const Diagnosis reduced = s_diagnoser->diagnose(film);
    const Peak small = peakOf(reduced.heatMap, 300, 200);
    const Peak large = peakOf(full.heatMap, 1200, 800);
    // Pixel x of the small map covers x*4 .. x*4+3 of the large one.
    EXPECT_NEAR(4 * small.x + 1.5, large.x, 4);
    EXPECT_NEAR(4 * small.y + 1.5, large.y, 4);
}

TEST_F(DiagnoserTest, ReportsProbabilitiesCallModelAndTimings) {
    const Diagnosis d = s_diagnoser->diagnose(test::makeBlobFilm(256, 256, 128, 128, 20));
    ASSERT_EQ(d.probabilities.size(), 2u);
    EXPECT_NEAR(d.probabilities[0] + d.probabilities[1], 1.0, 1e-12);
    EXPECT_NEAR(d.probabilities[1], 1.0 / (1.0 + std::exp(d.logits[0] - d.logits[1])), 1e-9);
    EXPECT_EQ(d.modelSha256, s_diagnoser->info().sha256);
    EXPECT_EQ(d.modelSha256.size(), 64u);
    for (const char* stage : {"preprocess", "forward", "cam", "resample", "total"})
        EXPECT_GT(d.timingsMs.count(stage), 0u) << stage;
    EXPECT_EQ(d.probabilityOf("PNEUMONIA"), d.probabilities[1]);
    const Diagnosis blank = s_diagnoser->diagnose(test::makeBlobFilm(256, 256, -1000, -1000, 1));
    EXPECT_EQ(blank.label, "NORMAL");
    // A flat map is all zeros, never NaN.
    for (float v : blank.camGrid)
        EXPECT_EQ(v, 0.0f);
}

TEST_F(DiagnoserTest, WithoutExplanationTheCallIsTheSame) {
    const imaging::Film film = test::makeBlobFilm(256, 256, 100, 60, 20);
    DiagnoseOptions options;
    options.explain = false;
    const Diagnosis quick = s_diagnoser->diagnose(film, options);
    const Diagnosis full = s_diagnoser->diagnose(film);
    EXPECT_FALSE(quick.hasCam());
    EXPECT_TRUE(quick.heatMap.empty());
    EXPECT_EQ(quick.label, full.label);
    EXPECT_NEAR(quick.probabilities[1], full.probabilities[1], 1e-6);
}

// bf16 autocast changes the arithmetic (the logits are not fp32's bit for bit) but not the call
// or where the map peaks; the result says which arithmetic made it. The default stays fp32.
TEST_F(DiagnoserTest, Bf16PredictionIsCloseToFp32AndSaysSo) {
    const imaging::Film film = filmWithBlobAtInput(512, 448, 96, 160);
    const Diagnosis fp32 = s_diagnoser->diagnose(film);
    DiagnoseOptions options;
    options.precision = "bf16";
    const Diagnosis bf16 = s_diagnoser->diagnose(film, options);
    EXPECT_EQ(fp32.precision, "fp32");
    EXPECT_EQ(bf16.precision, "bf16");
    EXPECT_NE(bf16.logits, fp32.logits);
    EXPECT_EQ(bf16.label, fp32.label);
    EXPECT_NEAR(bf16.probabilities[1], fp32.probabilities[1], 0.05);
    expectPeakAtCell(bf16, 96, 160, 32);
    // The forward pass alone, too; and a precision that does not exist is refused by name.
    options.explain = false;
    EXPECT_NEAR(s_diagnoser->diagnose(film, options).probabilities[1], fp32.probabilities[1], 0.05);
    options.precision = "fp16";
    try {
        s_diagnoser->diagnose(film, options);
        FAIL() << "fp16 was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("fp16"), std::string::npos) << e.what();
    }
}

TEST_F(DiagnoserTest, ConcurrentCallsGiveTheSequentialAnswers) {
    std::vector<imaging::Film> films;
    for (int i = 0; i < 4; ++i)
        films.push_back(test::makeBlobFilm(224 + 16 * i, 224, 40.0 + 40 * i, 60.0 + 30 * i, 14));
    std::vector<Diagnosis> expected;
    for (const auto& f : films)
        expected.push_back(s_diagnoser->diagnose(f));
    std::vector<Diagnosis> got(films.size());
    auto work = [&](size_t first) {
        for (int round = 0; round < 2; ++round)
            for (size_t i = first; i < films.size(); i += 2)
                got[i] = s_diagnoser->diagnose(films[i]);
    };
    std::thread a(work, 0), b(work, 1);
    a.join();
    b.join();
    for (size_t i = 0; i < films.size(); ++i) {
        EXPECT_EQ(got[i].probabilities, expected[i].probabilities);
        EXPECT_EQ(got[i].camGrid, expected[i].camGrid);
        EXPECT_EQ(got[i].heatMap, expected[i].heatMap);
    }
}

TEST_F(DiagnoserTest, OutOfDomainWarningsTravelWithTheResult) {
    imaging::Film film = test::makeBlobFilm(160, 120, 80, 60, 10);
    film.meta.modality = "CT";
    film.meta.viewPosition = "LL";
    film.warnings.push_back(Notice("film.colour_image_to_grey"));
    const Diagnosis d = s_diagnoser->diagnose(film);
    ASSERT_EQ(d.warnings.size(), 4u);
    EXPECT_EQ(d.warnings[0], Notice("domain.modality").text("modality", "CT"));
    EXPECT_EQ(d.warnings[1], Notice("domain.lateral").text("view", "LL"));
    EXPECT_EQ(d.warnings[2].code(), "film.colour_image_to_grey");
    EXPECT_EQ(d.warnings[3], Notice("domain.small_film").integer("width", 160).integer("height", 120).integer("input", 224));
}

// The bundle's training population reaches the out-of-domain checks; a bundle without one
// (like every bundle exported before populations existed) never warns about age.
TEST(Diagnoser, WarnsAboutPatientsOutsideTheModelsTrainingPopulation) {
    const auto dir = test::scratchDir();
    const auto plain = test::exportBlobModel(dir / "plain");
    const auto children = test::exportBlobModel(dir / "children");
    Json meta = readJsonFile(children / "model.json");
    meta["population"] = {{"ageYears", {{"min", 1}, {"max", 5}}}, {"description", "children aged one to five"}};
    writeJsonFile(children / "model.json", meta);
    imaging::Film adult = test::makeBlobFilm(224, 224, 112, 112, 20);
    adult.patient.age = "045Y";
    imaging::Film child = adult;
    child.patient.age = "004Y";
    const Diagnoser withPopulation(children, "cpu"), without(plain, "cpu");
    const auto warned = withPopulation.diagnose(adult).warnings;
    ASSERT_EQ(warned.size(), 1u);
    EXPECT_EQ(englishText(warned[0]), "patient older than the ages the model was trained on (1-5 years)");
    EXPECT_TRUE(withPopulation.diagnose(child).warnings.empty());
    EXPECT_TRUE(without.diagnose(adult).warnings.empty());

    meta["population"] = {{"ageYears", {{"min", 5}, {"max", 1}}}};
    writeJsonFile(children / "model.json", meta);
    try {
        Diagnoser broken(children, "cpu");
        ADD_FAILURE() << "a reversed age range in model.json was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("model.json"), std::string::npos) << e.what();
    }
}

TEST_F(DiagnoserTest, RejectsBadFilmsAndOptions) {
    EXPECT_THROW(s_diagnoser->diagnose(imaging::Film{}), Error);
    const imaging::Film film = test::makeBlobFilm(64, 64, 32, 32, 5);
    DiagnoseOptions options;
    options.method = "scorecam";
    EXPECT_THROW(s_diagnoser->diagnose(film, options), Error);
    options = {};
    options.layer = "fc";
    EXPECT_THROW(s_diagnoser->diagnose(film, options), Error);
    options = {};
    options.targetClass = 2;
    EXPECT_THROW(s_diagnoser->diagnose(film, options), Error);
}

TEST(Diagnoser, UsesTheBundlesThresholdAndTemperature) {
    const auto dir = test::scratchDir();
    // Strong evidence at temperature 1 gives P ~ 1; at temperature 50 it is close to 0.5, and a
    // threshold of 0.9 then calls it NORMAL while the map still explains the called class.
    const Diagnoser hot(test::exportBlobModel(dir / "hot", 0.9, 50.0), "cpu");
    const Diagnoser cold(test::exportBlobModel(dir / "cold", 0.9, 1.0), "cpu");
    const imaging::Film film = test::makeBlobFilm(224, 224, 112, 112, 100);
    const Diagnosis h = hot.diagnose(film), c = cold.diagnose(film);
    EXPECT_EQ(h.logits, c.logits);
    EXPECT_NEAR(h.probabilities[1], 1.0 / (1.0 + std::exp((h.logits[0] - h.logits[1]) / 50.0)), 1e-9);
    EXPECT_LT(h.probabilities[1], 0.9);
    EXPECT_GT(h.probabilities[1], 0.5);
    EXPECT_EQ(h.label, "NORMAL");
    EXPECT_EQ(h.camTarget, 0);
    EXPECT_EQ(c.label, "PNEUMONIA");
    EXPECT_EQ(hot.info().threshold, 0.9);
    EXPECT_EQ(hot.info().temperature, 50.0);
}

TEST(Diagnoser, AFilmExactlyAtTheThresholdIsCalledAsTheEvaluationCallsIt) {
    // The threshold a run picks is one validation film's P(PNEUMONIA), computed by evaluation
    // from its logits. The Diagnoser must compute the same bits from the same logits and call a
    // film exactly at the threshold positive, as the report counted it.
    const auto dir = test::scratchDir();
    const double temperature = 1.37;
    const Diagnoser probe(test::exportBlobModel(dir / "probe", 0.5, temperature), "cpu");
    std::vector<Diagnosis> results;
    for (const double sigma : {9.0, 17.0, 23.0, 31.0, 45.0, 60.0, 80.0, 100.0}) {
        const Diagnosis d = probe.diagnose(test::makeBlobFilm(224, 224, 100, 120, sigma));
        SCOPED_TRACE(sigma);
        ASSERT_EQ(d.logits.size(), 2u);
        EXPECT_EQ(d.probabilities[1], evaluation::positiveProbability(d.logits[0], d.logits[1], temperature));
        results.push_back(d);
    }
    // A bundle whose threshold is exactly one film's probability calls that film PNEUMONIA and
    // the same film at the next larger threshold NORMAL.
    const imaging::Film film = test::makeBlobFilm(224, 224, 100, 120, 31.0);
    const double p = results[3].probabilities[1];
    ASSERT_GT(p, 0.0);
    ASSERT_LT(p, 1.0);
    const Diagnoser at(test::exportBlobModel(dir / "at", p, temperature), "cpu");
    ASSERT_EQ(at.info().threshold, p);
    const Diagnosis onIt = at.diagnose(film);
    EXPECT_EQ(onIt.probabilities[1], p);
    EXPECT_EQ(onIt.label, "PNEUMONIA");
    EXPECT_EQ(onIt.camTarget, 1);  // the map explains the call made at the threshold
    const Diagnoser above(test::exportBlobModel(dir / "above", std::nextafter(p, 2.0), temperature), "cpu");
    EXPECT_EQ(above.diagnose(film).label, "NORMAL");
}

TEST(Diagnoser, LoadsSeedWeightsWithTheSeedsPreprocessing) {
    const auto dir = test::scratchDir();
    model::ResNet18 net = test::makeBlobNet();
    model::writeStateDict(dir / "X_ray_classifier.pth", model::stateDictOf(*net));
    model::writeClassToIndex(dir / "class_to_index.pth", {{"NORMAL", 0}, {"PNEUMONIA", 1}});
    const Diagnoser seed(dir / "X_ray_classifier.pth", "cpu");
    EXPECT_EQ(seed.info().imageSize, 224);
    EXPECT_EQ(seed.info().resize, "stretch");
    EXPECT_EQ(seed.info().threshold, 0.5);
    EXPECT_EQ(seed.info().classes, (std::vector<std::string>{"NORMAL", "PNEUMONIA"}));
    const Diagnoser bundle(test::exportBlobModel(dir / "bundle"), "cpu");
    const imaging::Film film = test::makeBlobFilm(300, 260, 200, 90, 20);
    EXPECT_EQ(seed.diagnose(film).probabilities, bundle.diagnose(film).probabilities);
    EXPECT_THROW(Diagnoser(dir / "missing.pth", "cpu"), Error);
}

}  // namespace
}  // namespace cxr::diagnosis
