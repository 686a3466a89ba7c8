#pragma once
// Predictions: what a model said about a list of films (two-class logits) and the truth, the
// input of every metric here. Plain vectors, no tensors, so reports can be computed anywhere.
#include <array>
#include <string>
#include <vector>

namespace cxr::evaluation {

constexpr int kPositiveClass = 1;  // PNEUMONIA in {"NORMAL", "PNEUMONIA"}

struct Predictions {
    std::vector<int> labels;                    // true class per film
    std::vector<std::array<double, 2>> logits;  // raw model outputs per film
    std::vector<std::string> paths;             // optional, same order, for per-film listings
};

// softmax(logits / temperature)[1] per film. Throws InvalidInput when sizes disagree or T <= 0.
std::vector<double> positiveProbabilities(const Predictions& predictions, double temperature = 1.0);
// 1 when callsPositive(probability, threshold) (at or above), else 0.
std::vector<int> applyThreshold(const std::vector<double>& positiveProbabilities, double threshold);
// Throws InvalidInput naming `what` when labels and logits differ in length, the list is
// empty, or a label is outside {0, 1}.
void checkPredictions(const Predictions& predictions, const char* what);

}  // namespace cxr::evaluation
