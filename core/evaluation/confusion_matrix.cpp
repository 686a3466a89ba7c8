#include "core/evaluation/confusion_matrix.h"

#include <string>

#include "core/common/error.h"

namespace cxr::evaluation {

ConfusionMatrix::ConfusionMatrix(int numClasses) : m_n(numClasses) {
    if (numClasses < 1)
        throw Error(ErrorCode::InvalidInput, "a confusion matrix needs at least one class");
    m_counts.assign(static_cast<std::size_t>(numClasses) * numClasses, 0);
}

ConfusionMatrix ConfusionMatrix::from(const std::vector<int>& truth, const std::vector<int>& predicted,
                                      int numClasses) {
    if (truth.size() != predicted.size())
        throw Error(ErrorCode::InvalidInput, "confusion matrix: " + std::to_string(truth.size()) +
                                                 " true labels but " + std::to_string(predicted.size()) +
                                                 " predictions");
    ConfusionMatrix m(numClasses);
    for (std::size_t i = 0; i < truth.size(); ++i)
        m.add(truth[i], predicted[i]);
    return m;
}

void ConfusionMatrix::add(int truth, int predicted) {
    if (truth < 0 || truth >= m_n || predicted < 0 || predicted >= m_n)
        throw Error(ErrorCode::InvalidInput, "confusion matrix: class pair (" + std::to_string(truth) + ", " +
                                                 std::to_string(predicted) + ") outside 0.." +
                                                 std::to_string(m_n - 1));
    ++m_counts[static_cast<std::size_t>(truth) * m_n + predicted];
}

std::int64_t ConfusionMatrix::at(int truth, int predicted) const {
    if (truth < 0 || truth >= m_n || predicted < 0 || predicted >= m_n)
        throw Error(ErrorCode::InvalidInput, "confusion matrix: no cell (" + std::to_string(truth) + ", " +
                                                 std::to_string(predicted) + ")");
    return m_counts[static_cast<std::size_t>(truth) * m_n + predicted];
}

std::int64_t ConfusionMatrix::total() const {
    std::int64_t sum = 0;
    for (auto c : m_counts)
        sum += c;
    return sum;
}

std::int64_t ConfusionMatrix::support(int cls) const {
    std::int64_t sum = 0;
    for (int p = 0; p < m_n; ++p)
        sum += at(cls, p);
    return sum;
}

std::int64_t ConfusionMatrix::predicted(int cls) const {
    std::int64_t sum = 0;
    for (int t = 0; t < m_n; ++t)
        sum += at(t, cls);
    return sum;
}

double ConfusionMatrix::rowShare(int truth, int predicted) const {
    const auto n = support(truth);
    return n > 0 ? static_cast<double>(at(truth, predicted)) / static_cast<double>(n) : 0.0;
}

double ConfusionMatrix::accuracy() const {
    const auto n = total();
    if (n == 0)
        return 0;
    std::int64_t correct = 0;
    for (int c = 0; c < m_n; ++c)
        correct += at(c, c);
    return static_cast<double>(correct) / static_cast<double>(n);
}

double ConfusionMatrix::sensitivity(int positive) const {
    const auto pos = support(positive);
    return pos == 0 ? 0.0 : static_cast<double>(at(positive, positive)) / static_cast<double>(pos);
}

double ConfusionMatrix::specificity(int positive) const {
    std::int64_t negatives = 0, trueNegatives = 0;
    for (int t = 0; t < m_n; ++t) {
        if (t == positive)
            continue;
        for (int p = 0; p < m_n; ++p) {
            negatives += at(t, p);
            if (p != positive)
                trueNegatives += at(t, p);
        }
    }
    return negatives == 0 ? 0.0 : static_cast<double>(trueNegatives) / static_cast<double>(negatives);
}

Json ConfusionMatrix::toJson() const {
    Json rows = Json::array();
    for (int t = 0; t < m_n; ++t) {
        Json row = Json::array();
        for (int p = 0; p < m_n; ++p)
            row.push_back(at(t, p));
        rows.push_back(row);
    }
    return rows;
}

}  // namespace cxr::evaluation
