// Confusion matrix, classification report and ROC against values from scikit-learn's
// documentation examples, and the AUC against an independent pair-counting computation.
#include <cmath>
#include <limits>
#include <random>

#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/evaluation/classification_report.h"
#include "core/evaluation/confusion_matrix.h"
#include "core/evaluation/roc.h"

using namespace cxr::evaluation;

TEST(ConfusionMatrix, MatchesSklearnExample) {
    // sklearn.metrics.confusion_matrix([2,0,2,2,0,1], [0,0,2,2,0,2]) == [[2,0,0],[0,0,1],[1,0,2]]
    const auto m = ConfusionMatrix::from({2, 0, 2, 2, 0, 1}, {0, 0, 2, 2, 0, 2}, 3);
    const int expected[3][3] = {{2, 0, 0}, {0, 0, 1}, {1, 0, 2}};
    for (int t = 0; t < 3; ++t)
        for (int p = 0; p < 3; ++p)
            EXPECT_EQ(m.at(t, p), expected[t][p]) << t << "," << p;
    EXPECT_EQ(m.total(), 6);
    EXPECT_DOUBLE_EQ(m.accuracy(), 4.0 / 6.0);
    EXPECT_EQ(m.toJson().dump(), "[[2,0,0],[0,0,1],[1,0,2]]");
}

TEST(ConfusionMatrix, SensitivitySpecificityBinary) {
    // sklearn: tn, fp, fn, tp = confusion_matrix([0,1,0,1], [1,1,1,0]).ravel() == (0, 2, 1, 1)
    const auto m = ConfusionMatrix::from({0, 1, 0, 1}, {1, 1, 1, 0}, 2);
    EXPECT_EQ(m.at(0, 0), 0);
    EXPECT_EQ(m.at(0, 1), 2);
    EXPECT_EQ(m.at(1, 0), 1);
    EXPECT_EQ(m.at(1, 1), 1);
    EXPECT_DOUBLE_EQ(m.sensitivity(1), 0.5);
    EXPECT_DOUBLE_EQ(m.specificity(1), 0.0);
}

TEST(ConfusionMatrix, RowSharesAreTheRowNormalisedCells) {
    // 3 NORMAL films (2 called NORMAL), 5 PNEUMONIA (1 called NORMAL); a third class with none.
    const auto m = ConfusionMatrix::from({0, 0, 0, 1, 1, 1, 1, 1}, {0, 0, 1, 0, 1, 1, 1, 1}, 3);
    EXPECT_DOUBLE_EQ(m.rowShare(0, 0), 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(m.rowShare(0, 1), 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(m.rowShare(1, 0), 0.2);
    EXPECT_DOUBLE_EQ(m.rowShare(1, 1), 0.8);
    EXPECT_DOUBLE_EQ(m.rowShare(2, 2), 0.0);
}

TEST(ConfusionMatrix, RejectsBadInput) {
    EXPECT_THROW(ConfusionMatrix::from({0, 1}, {0}, 2), cxr::Error);
    EXPECT_THROW(ConfusionMatrix::from({0, 2}, {0, 1}, 2), cxr::Error);
}

TEST(ClassificationReport, TextMatchesSklearnLayout) {
    // The example of sklearn.metrics.classification_report's documentation, verbatim.
    const auto m = ConfusionMatrix::from({0, 1, 2, 2, 2}, {0, 0, 2, 2, 1}, 3);
    const auto r = classificationReport(m, {"class 0", "class 1", "class 2"});
    const std::string expected =
        "              precision    recall  f1-score   support\n"
        "\n"
        "     class 0       0.50      1.00      0.67         1\n"
        "     class 1       0.00      0.00      0.00         1\n"
        "     class 2       1.00      0.67      0.80         3\n"
        "\n"
        "    accuracy                           0.60         5\n"
        "   macro avg       0.50      0.56      0.49         5\n"
        "weighted avg       0.70      0.60      0.61         5\n";
    EXPECT_EQ(r.toText(), expected);
    EXPECT_NEAR(r.macroAvg.f1, (2.0 / 3 + 0 + 0.8) / 3, 1e-12);
    EXPECT_NEAR(r.weightedAvg.precision, (0.5 + 0 + 3 * 1.0) / 5, 1e-12);
    EXPECT_EQ(r.toJson()["classes"]["class 2"]["support"], 3);
}

TEST(ClassificationReport, LongClassNamesWidenTheColumn) {
    const auto m = ConfusionMatrix::from({0, 1, 1, 1}, {0, 1, 1, 0}, 2);
    const auto r = classificationReport(m, {"NORMAL", "PNEUMONIA_WITH_A_LONG_NAME"});
    const std::string text = r.toText(4);
    EXPECT_NE(text.find("PNEUMONIA_WITH_A_LONG_NAME     1.0000    0.6667    0.8000         3\n"), std::string::npos)
        << text;
    EXPECT_THROW(classificationReport(m, {"only one"}), cxr::Error);
}

TEST(Roc, MatchesSklearnExample) {
    // sklearn roc_curve([0,0,1,1], [0.1,0.4,0.35,0.8]): fpr [0,0,.5,.5,1], tpr [0,.5,.5,1,1],
    // thresholds [inf,.8,.4,.35,.1]; roc_auc_score 0.75.
    const auto roc = rocCurve({0, 0, 1, 1}, {0.1, 0.4, 0.35, 0.8});
    const std::vector<double> fpr{0, 0, 0.5, 0.5, 1}, tpr{0, 0.5, 0.5, 1, 1}, thr{0.8, 0.4, 0.35, 0.1};
    ASSERT_EQ(roc.fpr.size(), fpr.size());
    for (std::size_t i = 0; i < fpr.size(); ++i) {
        EXPECT_DOUBLE_EQ(roc.fpr[i], fpr[i]);
        EXPECT_DOUBLE_EQ(roc.tpr[i], tpr[i]);
    }
    EXPECT_TRUE(std::isinf(roc.thresholds[0]));
    for (std::size_t i = 0; i < thr.size(); ++i)
        EXPECT_DOUBLE_EQ(roc.thresholds[i + 1], thr[i]);
    EXPECT_DOUBLE_EQ(roc.auc, 0.75);
    EXPECT_TRUE(roc.toJson()["thresholds"][0].is_null());
}

TEST(Roc, DropsCollinearPointsLikeSklearn) {
    // Perfectly separated: the points (0,.5) (0,1) (.5,1) (1,1); (.5,1) lies inside the
    // straight top edge and is dropped.
    const auto full = rocCurve({1, 1, 0, 0}, {0.9, 0.8, 0.3, 0.1}, false);
    const auto dropped = rocCurve({1, 1, 0, 0}, {0.9, 0.8, 0.3, 0.1}, true);
    EXPECT_EQ(full.thresholds.size(), 5u);
    // sklearn: fpr [0,0,0,1], tpr [0,.5,1,1], thresholds [inf,.9,.8,.1]
    ASSERT_EQ(dropped.thresholds.size(), 4u);
    EXPECT_DOUBLE_EQ(dropped.thresholds[2], 0.8);
    EXPECT_DOUBLE_EQ(dropped.thresholds[3], 0.1);
    EXPECT_DOUBLE_EQ(dropped.auc, 1.0);
    EXPECT_DOUBLE_EQ(full.auc, 1.0);
}

TEST(Roc, AucEqualsPairCountingWithTies) {
    std::mt19937_64 rng(7);
    std::vector<int> labels;
    std::vector<double> scores;
    for (int i = 0; i < 300; ++i) {
        const int y = (rng() % 4) != 0;  // 3:1 like the Kaggle set
        labels.push_back(y);
        // Rounded to 0.05 so many scores tie across classes.
        const double s = std::round((0.3 * y + std::uniform_real_distribution<double>(0, 0.7)(rng)) * 20) / 20;
        scores.push_back(s);
    }
    double pairs = 0, wins = 0;
    for (std::size_t i = 0; i < labels.size(); ++i)
        for (std::size_t j = 0; j < labels.size(); ++j)
            if (labels[i] == 1 && labels[j] == 0) {
                ++pairs;
                wins += scores[i] > scores[j] ? 1.0 : scores[i] == scores[j] ? 0.5 : 0.0;
            }
    EXPECT_NEAR(rocAuc(labels, scores), wins / pairs, 1e-12);
    EXPECT_NEAR(rocCurve(labels, scores, false).auc, wins / pairs, 1e-12);
}

TEST(Roc, OneClassIsAnError) {
    EXPECT_THROW(rocCurve({1, 1, 1}, {0.2, 0.5, 0.9}), cxr::Error);
    EXPECT_THROW(rocCurve({0, 1}, {0.2}), cxr::Error);
}

TEST(Roc, BootstrapCiBracketsAucAndIsSeeded) {
    std::mt19937_64 rng(3);
    std::normal_distribution<double> noise(0, 1);
    std::vector<int> labels;
    std::vector<double> scores;
    for (int i = 0; i < 400; ++i) {
        const int y = i % 3 != 0;
        labels.push_back(y);
        scores.push_back(1.2 * y + noise(rng));
    }
    const double auc = rocAuc(labels, scores);
    const auto ci = bootstrapAucCi(labels, scores, 1000, 42);
    EXPECT_LT(ci.lower, auc);
    EXPECT_GT(ci.upper, auc);
    EXPECT_GT(ci.upper - ci.lower, 0.03);  // n = 400 at AUC ~0.8: about +-0.045
    EXPECT_LT(ci.upper - ci.lower, 0.15);
    const auto again = bootstrapAucCi(labels, scores, 1000, 42);
    EXPECT_EQ(ci.lower, again.lower);
    EXPECT_EQ(ci.upper, again.upper);
    const auto other = bootstrapAucCi(labels, scores, 1000, 43);
    EXPECT_NE(ci.lower, other.lower);
}
