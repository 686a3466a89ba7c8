// One call rule everywhere (call_rule.h): a probability exactly at the threshold is positive in
// the threshold rules, the confusion matrices and the ECE; a value exactly on a reliability-bin
// edge starts the bin above it; and the temperature search says when it stopped at a bound.
#include <array>
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "core/evaluation/calibration.h"
#include "core/evaluation/call_rule.h"
#include "core/evaluation/evaluation_report.h"
#include "core/evaluation/threshold.h"

using namespace cxr::evaluation;

namespace {

double below(double x) { return std::nextafter(x, -std::numeric_limits<double>::infinity()); }

}  // namespace

TEST(CallRule, AProbabilityAtTheThresholdIsPositive) {
    EXPECT_TRUE(callsPositive(0.5, 0.5));
    EXPECT_FALSE(callsPositive(below(0.5), 0.5));
    EXPECT_TRUE(callsPositive(0.7310585786300049, 0.7310585786300049));
    EXPECT_EQ(applyThreshold({0.5, below(0.5), 0.25}, 0.5), (std::vector<int>{1, 0, 0}));
    // Equal logits give P = 0.5 exactly at any temperature.
    EXPECT_EQ(positiveProbability(1.25, 1.25, 3.0), 0.5);
    EXPECT_EQ(positiveProbability(-800, 800), 1.0);  // no overflow
    EXPECT_EQ(positiveProbability(800, -800), 0.0);
}

TEST(CallRule, TheFilmAtAYoudenThresholdCountsAsPositive) {
    // Youden picks a film's own score as the threshold, so a film sits exactly on it: the rule's
    // reported sensitivity, applyThreshold and the report's test matrix must all count it positive.
    const std::vector<int> labels{0, 0, 0, 1, 1, 1};
    Predictions val;
    val.labels = labels;
    for (double d : {-2.0, -1.0, 0.3, 0.3 + 1e-9, 1.0, 2.0})
        val.logits.push_back({0.0, d});
    const auto p = positiveProbabilities(val);
    const auto choice = chooseThreshold(ThresholdRule::parse("youden"), labels, p);
    EXPECT_EQ(choice.threshold, p[3]);  // the lowest positive: sensitivity 1, specificity 1
    EXPECT_DOUBLE_EQ(choice.sensitivity, 1.0);
    EXPECT_DOUBLE_EQ(choice.specificity, 1.0);
    EvaluateOptions options;
    options.fitTemperature = false;
    options.bootstrapResamples = 0;
    const auto report = evaluateWith(val, choice.threshold, 1.0, {"NORMAL", "PNEUMONIA"}, options);
    EXPECT_DOUBLE_EQ(report.test.sensitivity, 1.0);
    EXPECT_DOUBLE_EQ(report.test.specificity, 1.0);
}

TEST(CallRule, EceCallsHalfPositiveLikeTheArgmaxRule) {
    // Equal logits: P = 0.5, which the "argmax" rule (threshold 0.5) calls PNEUMONIA. A positive
    // film there is a right call for the ECE too: confidence 0.5, accuracy 1.
    Predictions p;
    p.labels = {1};
    p.logits = {{0.4, 0.4}};
    std::vector<ReliabilityBin> bins;
    EXPECT_NEAR(expectedCalibrationError(p, 1.0, 10, &bins), 0.5, 1e-12);
    EXPECT_EQ(applyThreshold(positiveProbabilities(p), 0.5), std::vector<int>{1});
    ASSERT_EQ(bins.size(), 10u);
    EXPECT_EQ(bins[5].count, 1);  // 0.5 is the lower edge of [0.5, 0.6)
    EXPECT_DOUBLE_EQ(bins[5].accuracy, 1.0);
}

TEST(CallRule, AValueOnABinEdgeStartsTheBinAbove) {
    for (int n : {1, 2, 3, 7, 10, 15, 20, 49}) {
        for (int b = 0; b <= n; ++b) {
            const double edge = binLowerEdge(b, n);
            const int bin = binOf(edge, n);
            EXPECT_EQ(bin, std::min(b, n - 1)) << "edge " << b << "/" << n;
            // The bin it lands in holds it by its own edges: lower <= value < upper (last closed).
            EXPECT_TRUE(callsPositive(edge, binLowerEdge(bin, n)));
            if (bin + 1 < n) {
                EXPECT_FALSE(callsPositive(edge, binLowerEdge(bin + 1, n)));
            }
            if (b > 0) {
                EXPECT_EQ(binOf(below(edge), n), b - 1) << "just below edge " << b << "/" << n;
            }
        }
    }
    EXPECT_EQ(binOf(1.0, 15), 14);
    EXPECT_EQ(binOf(0.0, 15), 0);
}

TEST(CallRule, EceBinsConfidencesOnEdgesByTheirOwnEdges) {
    // Confidences exactly on the 15-bin edges 8/15 .. 14/15: each lands in the bin that starts
    // there (before, ceil(c * 15) - 1 put some one bin lower and others, through rounding, not).
    Predictions p;
    std::vector<double> confidences;
    for (int b = 8; b < 15; ++b) {
        const double edge = binLowerEdge(b, 15);
        // Logit difference whose P is exactly the edge: search the neighbouring doubles.
        double d = std::log(edge / (1 - edge));
        for (int i = 0; i < 64 && positiveProbability(0, d) != edge; ++i)
            d = positiveProbability(0, d) < edge ? std::nextafter(d, 1e9) : std::nextafter(d, -1e9);
        if (positiveProbability(0, d) != edge)
            continue;  // no logit gives this edge exactly; the next edge still tests the rule
        p.labels.push_back(1);
        p.logits.push_back({0, d});
        confidences.push_back(edge);
    }
    ASSERT_GE(confidences.size(), 4u);
    std::vector<ReliabilityBin> bins;
    expectedCalibrationError(p, 1.0, 15, &bins);
    for (double c : confidences) {
        const int b = static_cast<int>(std::lround(c * 15));
        EXPECT_GE(bins[b].count, 1) << c;
        EXPECT_LE(bins[b].lower, c);
    }
    long total = 0;
    for (const auto& bin : bins) {
        total += bin.count;
        if (bin.count > 0) {  // every value in a bin lies in [lower, upper)
            EXPECT_GE(bin.confidence, bin.lower);
        }
    }
    EXPECT_EQ(total, static_cast<long>(confidences.size()));
}

TEST(Calibration, TemperatureAtASearchBoundIsReported) {
    // Logits 1000 times too small for how well they separate: the NLL keeps falling as T -> 0,
    // past the search's lower bound (one film on the wrong side, so not "perfectly separated").
    Predictions val;
    for (int i = 0; i < 40; ++i) {
        val.labels.push_back(i % 2);
        const double margin = 0.001 * (1 + i % 5);
        val.logits.push_back(i % 2 ? std::array<double, 2>{0, margin} : std::array<double, 2>{margin, 0});
    }
    val.logits[0] = {0, 1e-5};  // a NORMAL film barely on the wrong side
    ASSERT_FALSE(perfectlySeparated(val));
    bool atBound = false;
    const double t = fitTemperature(val, &atBound);
    EXPECT_TRUE(atBound);
    EXPECT_NEAR(t, kMinTemperature, 1e-6);
    const auto r = calibrate(val);
    EXPECT_TRUE(r.atBound);
    EXPECT_TRUE(r.fitted);
    EXPECT_NE(r.note.find("search bound"), std::string::npos) << r.note;
    EXPECT_EQ(r.toJson().at("atBound"), true);
    EXPECT_NE(r.toJson().value("note", std::string()).find("T = 0.05"), std::string::npos);
    // The note reaches evaluation.txt.
    EvaluateOptions options;
    options.bootstrapResamples = 0;
    const auto report = evaluate(val, val, "argmax", {"NORMAL", "PNEUMONIA"}, options);
    EXPECT_TRUE(report.calibration.atBound);
    EXPECT_NE(toText(report).find("search bound"), std::string::npos);
    EXPECT_EQ(toJson(report).at("calibration").at("atBound"), true);

    // Logits 1000 times too large with many errors: the NLL falls towards the upper bound.
    Predictions wild;
    for (int i = 0; i < 40; ++i) {
        wild.labels.push_back(i % 2);
        const double z = (i % 3 == 0 ? -1.0 : 1.0) * 1000.0 * (1 + i % 4);
        wild.logits.push_back(i % 2 ? std::array<double, 2>{0, z} : std::array<double, 2>{z, 0});
    }
    const auto high = calibrate(wild);
    EXPECT_TRUE(high.atBound);
    EXPECT_NEAR(high.temperature, kMaxTemperature, 1e-4);
    EXPECT_NE(high.note.find("T = 20"), std::string::npos) << high.note;

    // An interior optimum is not at a bound and has no note.
    Predictions calm;
    for (int i = 0; i < 40; ++i) {
        calm.labels.push_back(i % 2);
        const double z = (i % 3 == 0 ? -1.0 : 1.0) * (0.5 + 0.1 * (i % 7));
        calm.logits.push_back(i % 2 ? std::array<double, 2>{0, z} : std::array<double, 2>{z, 0});
    }
    const auto interior = calibrate(calm);
    EXPECT_FALSE(interior.atBound);
    EXPECT_TRUE(interior.note.empty());
    EXPECT_EQ(interior.toJson().at("atBound"), false);
}
