#pragma once
// ConfusionMatrix: counts of (true class, predicted class); rows are truth, columns predictions,
// as sklearn's confusion_matrix.
#include <cstdint>
#include <vector>

#include "core/common/json_io.h"

namespace cxr::evaluation {

class ConfusionMatrix {
public:
    explicit ConfusionMatrix(int numClasses = 2);
    // Throws InvalidInput when lengths differ or a class is outside [0, numClasses).
    static ConfusionMatrix from(const std::vector<int>& truth, const std::vector<int>& predicted,
                                int numClasses);

    void add(int truth, int predicted);
    std::int64_t at(int truth, int predicted) const;
    int numClasses() const { return m_n; }
    std::int64_t total() const;
    std::int64_t support(int cls) const;    // row sum
    std::int64_t predicted(int cls) const;  // column sum
    double accuracy() const;                // 0 for an empty matrix
    // The share of class `truth`'s films called `predicted` (the row-normalised cell the
    // confusion-matrix view and the PDF print as "% of row"); 0 for a class with no films.
    double rowShare(int truth, int predicted) const;

    // For a two-class matrix with `positive` as the positive class.
    double sensitivity(int positive = 1) const;  // recall of positive: TP / (TP + FN)
    double specificity(int positive = 1) const;  // TN / (TN + FP)

    Json toJson() const;  // [[row0...], [row1...]]

private:
    int m_n;
    std::vector<std::int64_t> m_counts;
};

}  // namespace cxr::evaluation
