// Threshold rules chosen on validation, temperature scaling and ECE, and the full report.
#include <array>
#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/evaluation/calibration.h"
#include "core/evaluation/evaluation_report.h"
#include "core/evaluation/threshold.h"

using namespace cxr::evaluation;

namespace {

// Logits whose true P(positive) is sigmoid(z) but scaled by `overconfidence`.
Predictions syntheticPredictions(int n, double separation, double overconfidence, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> noise(0, 1);
    std::uniform_real_distribution<double> u(0, 1);
    Predictions p;
    for (int i = 0; i < n; ++i) {
        const double z = separation * noise(rng);
        const int y = u(rng) < 1 / (1 + std::exp(-z)) ? 1 : 0;
        p.labels.push_back(y);
        p.logits.push_back({0.0, z * overconfidence});
    }
    return p;
}

}  // namespace

TEST(ThresholdRule, ParsesAndRejects) {
    EXPECT_EQ(ThresholdRule::parse("argmax").kind, ThresholdRule::Kind::Argmax);
    EXPECT_EQ(ThresholdRule::parse("youden").kind, ThresholdRule::Kind::Youden);
    const auto s = ThresholdRule::parse("sensitivity:0.95");
    EXPECT_EQ(s.kind, ThresholdRule::Kind::Sensitivity);
    EXPECT_DOUBLE_EQ(s.target, 0.95);
    EXPECT_EQ(s.toString(), "sensitivity:0.95");
    for (const char* bad : {"sensitivity:", "sensitivity:1.5", "sensitivity:abc", "specificity:0.9", "max"})
        EXPECT_THROW(ThresholdRule::parse(bad), cxr::Error) << bad;
}

TEST(ThresholdRule, ArgmaxIsHalf) {
    const auto c = chooseThreshold(ThresholdRule::parse("argmax"), {0, 1, 1}, {0.2, 0.6, 0.4});
    EXPECT_DOUBLE_EQ(c.threshold, 0.5);
    EXPECT_DOUBLE_EQ(c.sensitivity, 0.5);
    EXPECT_DOUBLE_EQ(c.specificity, 1.0);
}

TEST(ThresholdRule, YoudenPicksTheBestCorner) {
    // negatives 0.1 0.2 0.3 0.7, positives 0.4 0.6 0.8 0.9. At t = 0.4: sens 1, spec 0.75 -> J .75;
    // at 0.8: sens .5, spec 1 -> .5; at 0.6: sens .75, spec .75 -> .5.
    const std::vector<int> labels{0, 0, 0, 0, 1, 1, 1, 1};
    const std::vector<double> p{0.1, 0.2, 0.3, 0.7, 0.4, 0.6, 0.8, 0.9};
    const auto c = chooseThreshold(ThresholdRule::parse("youden"), labels, p);
    EXPECT_DOUBLE_EQ(c.threshold, 0.4);
    EXPECT_DOUBLE_EQ(c.sensitivity, 1.0);
    EXPECT_DOUBLE_EQ(c.specificity, 0.75);
}

TEST(ThresholdRule, SensitivityTargetTakesTheHighestThresholdReachingIt) {
    std::vector<int> labels;
    std::vector<double> p;
    for (int i = 0; i < 20; ++i) {  // positives at 0.50, 0.52, ..., 0.88
        labels.push_back(1);
        p.push_back(0.5 + 0.02 * i);
    }
    for (int i = 0; i < 20; ++i) {  // negatives at 0.05 .. 0.62
        labels.push_back(0);
        p.push_back(0.05 + 0.03 * i);
    }
    const auto c = chooseThreshold(ThresholdRule::parse("sensitivity:0.95"), labels, p);
    // 19 of 20 positives (0.95) are >= 0.52.
    EXPECT_NEAR(c.threshold, 0.52, 1e-12);
    EXPECT_GE(c.sensitivity, 0.95);
    const auto full = chooseThreshold(ThresholdRule::parse("sensitivity:1"), labels, p);
    EXPECT_NEAR(full.threshold, 0.5, 1e-12);
    EXPECT_DOUBLE_EQ(full.sensitivity, 1.0);
    EXPECT_LE(full.specificity, c.specificity);
}

TEST(Calibration, TemperatureUndoesOverconfidence) {
    const auto val = syntheticPredictions(2000, 2.0, 4.0, 11);
    const double t = fitTemperature(val);
    EXPECT_NEAR(t, 4.0, 0.6);
    EXPECT_LT(negativeLogLikelihood(val, t), negativeLogLikelihood(val, 1.0) - 0.05);
    // A golden-section optimum: no better NLL slightly either side.
    EXPECT_LE(negativeLogLikelihood(val, t), negativeLogLikelihood(val, t * 1.02) + 1e-9);
    EXPECT_LE(negativeLogLikelihood(val, t), negativeLogLikelihood(val, t / 1.02) + 1e-9);
    const auto r = calibrate(val);
    EXPECT_LT(r.eceAfter, r.eceBefore);
    EXPECT_LT(r.eceAfter, 0.05);
    EXPECT_GT(r.eceBefore, 0.08);
}

TEST(Calibration, WellCalibratedStaysNearOne) {
    const auto val = syntheticPredictions(3000, 2.0, 1.0, 5);
    EXPECT_NEAR(fitTemperature(val), 1.0, 0.2);
}

TEST(Calibration, PerfectlySeparatedValidationKeepsTemperatureOne) {
    // Every film on the right side: the NLL falls monotonically as T -> 0, so a fit would run to
    // the search bound and make every probability 0 or 1 on new films.
    Predictions val;
    for (int i = 0; i < 40; ++i) {
        val.labels.push_back(i % 2);
        const double margin = 0.5 + 0.1 * i;
        val.logits.push_back(i % 2 ? std::array<double, 2>{0, margin} : std::array<double, 2>{margin, 0});
    }
    EXPECT_TRUE(perfectlySeparated(val));
    EXPECT_LT(negativeLogLikelihood(val, 0.05), negativeLogLikelihood(val, 1.0));  // why it would run away
    EXPECT_DOUBLE_EQ(fitTemperature(val), 1.0);
    const auto r = calibrate(val);
    EXPECT_FALSE(r.fitted);
    EXPECT_DOUBLE_EQ(r.temperature, 1.0);
    EXPECT_NE(r.note.find("not fitted"), std::string::npos);
    EXPECT_EQ(r.toJson().at("fitted"), false);
    // One film on the wrong side gives the NLL a minimum again: fitted, and not at the bound.
    val.labels[0] = 1;
    EXPECT_FALSE(perfectlySeparated(val));
    const auto refit = calibrate(val);
    EXPECT_TRUE(refit.fitted);
    EXPECT_GT(refit.temperature, 0.06);
    EXPECT_TRUE(refit.note.empty());
}

TEST(Calibration, EceHandComputed) {
    // Confidences 0.9 (right), 0.9 (wrong), 0.7 (right): bins (0.8667,0.9333] and (0.6667,0.7333].
    // ECE = 2/3 * |0.5 - 0.9| + 1/3 * |1 - 0.7| = 0.3667.
    Predictions p;
    const double l9 = std::log(9.0), l6 = std::log(7.0 / 3.0);
    p.labels = {1, 0, 1};
    p.logits = {{0, l9}, {0, l9}, {0, l6}};
    std::vector<ReliabilityBin> bins;
    EXPECT_NEAR(expectedCalibrationError(p, 1.0, 15, &bins), 2.0 / 3 * 0.4 + 0.3 / 3, 1e-12);
    ASSERT_EQ(bins.size(), 15u);
    EXPECT_EQ(bins[13].count, 2);
    EXPECT_EQ(bins[10].count, 1);
    // NLL: -(ln .9 + ln .1 + ln .7) / 3
    EXPECT_NEAR(negativeLogLikelihood(p), -(std::log(0.9) + std::log(0.1) + std::log(0.7)) / 3, 1e-12);
}

// The one diagram the results view and the PDF draw: the bins of the ECE before and after the
// fitted temperature, at the calibration's bin count.
TEST(Calibration, ReliabilityDiagramIsTheEceBinsBeforeAndAfterTheTemperature) {
    const Predictions val = syntheticPredictions(400, 2.0, 3.0, 11);
    const CalibrationResult cal = calibrate(val, 10);
    const ReliabilityDiagram d = reliabilityDiagram(&val, cal);
    EXPECT_DOUBLE_EQ(d.temperature, cal.temperature);
    EXPECT_NEAR(d.eceBefore, cal.eceBefore, 1e-12);
    EXPECT_NEAR(d.eceAfter, cal.eceAfter, 1e-12);
    EXPECT_LT(d.eceAfter, d.eceBefore);  // overconfident logits: scaling helps
    ASSERT_EQ(d.before.size(), 10u);
    ASSERT_EQ(d.after.size(), 10u);
    long counted = 0;
    for (const auto& b : d.after)
        counted += b.count;
    EXPECT_EQ(counted, 400);
    std::vector<ReliabilityBin> expected;
    expectedCalibrationError(val, cal.temperature, 10, &expected);
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(d.after[i].count, expected[i].count);
        EXPECT_DOUBLE_EQ(d.after[i].accuracy, expected[i].accuracy);
    }
    const ReliabilityDiagram none = reliabilityDiagram(nullptr, cal);
    EXPECT_TRUE(none.before.empty());
    EXPECT_TRUE(none.after.empty());
    EXPECT_EQ(none.eceBefore, 0);
    EXPECT_DOUBLE_EQ(none.temperature, cal.temperature);
}

TEST(EvaluationReport, ThresholdFromValidationAppliedUnchangedToTest) {
    const auto val = syntheticPredictions(600, 2.5, 3.0, 21);
    const auto test = syntheticPredictions(400, 2.5, 3.0, 22);
    EvaluateOptions opt;
    opt.bootstrapResamples = 200;
    const auto r = evaluate(val, test, "sensitivity:0.95", {"NORMAL", "PNEUMONIA"}, opt);
    // Threshold chosen on calibrated validation probabilities reaches the target there.
    ASSERT_TRUE(r.validation.has_value());
    EXPECT_GE(r.validation->sensitivity, 0.95);
    EXPECT_DOUBLE_EQ(r.threshold.sensitivity, r.validation->sensitivity);
    // Test metrics are exactly the chosen threshold applied to calibrated test probabilities.
    const auto p = positiveProbabilities(test, r.calibration.temperature);
    const auto m = ConfusionMatrix::from(test.labels, applyThreshold(p, r.threshold.threshold), 2);
    EXPECT_EQ(m.toJson(), r.test.confusion.toJson());
    EXPECT_NEAR(r.calibration.temperature, 3.0, 0.8);
    ASSERT_TRUE(r.test.aucCi.has_value());
    EXPECT_LT(r.test.aucCi->lower, r.test.roc.auc);

    const auto j = toJson(r);
    EXPECT_EQ(j["threshold"]["rule"], "sensitivity:0.95");
    EXPECT_EQ(j["test"]["films"], 400);
    EXPECT_EQ(j["positiveClass"], "PNEUMONIA");
    const std::string text = toText(r);
    EXPECT_NE(text.find("weighted avg"), std::string::npos);
    EXPECT_NE(text.find("Sensitivity (PNEUMONIA)"), std::string::npos);
    EXPECT_NE(text.find("not a diagnostic device"), std::string::npos);
}

TEST(EvaluationReport, FixedThresholdAndOneClassTest) {
    Predictions test;
    test.labels = {1, 1, 1};
    test.logits = {{0, 2}, {0, -1}, {0, 0.5}};
    const auto r = evaluateWith(test, 0.6, 1.0, {"NORMAL", "PNEUMONIA"});
    EXPECT_FALSE(r.validation.has_value());
    // sigmoid(2) = .88 and sigmoid(.5) = .62 reach 0.6; sigmoid(-1) = .27 does not.
    EXPECT_EQ(r.test.confusion.at(1, 1), 2);
    EXPECT_EQ(r.test.confusion.at(1, 0), 1);
    EXPECT_TRUE(std::isnan(r.test.roc.auc));  // one class: no ROC, no CI, no crash
    EXPECT_FALSE(r.test.aucCi.has_value());
    EXPECT_TRUE(toJson(r)["test"]["auc"].is_null());
}

TEST(EvaluationReport, RejectsInconsistentInput) {
    Predictions bad;
    bad.labels = {0, 1};
    bad.logits = {{0, 1}};
    Predictions ok;
    ok.labels = {0, 1};
    ok.logits = {{1, 0}, {0, 1}};
    EXPECT_THROW(evaluate(bad, ok, "argmax", {"NORMAL", "PNEUMONIA"}), cxr::Error);
    EXPECT_THROW(evaluate(ok, ok, "bogus", {"NORMAL", "PNEUMONIA"}), cxr::Error);
    EXPECT_THROW(evaluate(ok, ok, "argmax", {"A", "B", "C"}), cxr::Error);
}
