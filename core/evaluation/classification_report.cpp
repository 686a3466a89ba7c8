#include "core/evaluation/classification_report.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "core/common/error.h"

namespace cxr::evaluation {
namespace {

double safeDivide(double a, double b) { return b == 0 ? 0.0 : a / b; }

std::string padLeft(const std::string& s, std::size_t width) {
    return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

std::string fixed(double v, int digits) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

Json metricsJson(const ClassMetrics& m) {
    return {{"precision", m.precision}, {"recall", m.recall}, {"f1-score", m.f1}, {"support", m.support}};
}

}  // namespace

ClassificationReport classificationReport(const ConfusionMatrix& matrix,
                                          const std::vector<std::string>& classNames) {
    const int n = matrix.numClasses();
    if (static_cast<int>(classNames.size()) != n)
        throw Error(ErrorCode::InvalidInput, "classification report: " + std::to_string(classNames.size()) +
                                                 " class names for " + std::to_string(n) + " classes");
    ClassificationReport r;
    r.total = matrix.total();
    r.accuracy = matrix.accuracy();
    for (int c = 0; c < n; ++c) {
        ClassMetrics m;
        m.name = classNames[c];
        const double tp = static_cast<double>(matrix.at(c, c));
        m.support = matrix.support(c);
        m.precision = safeDivide(tp, static_cast<double>(matrix.predicted(c)));
        m.recall = safeDivide(tp, static_cast<double>(m.support));
        m.f1 = safeDivide(2 * m.precision * m.recall, m.precision + m.recall);
        r.perClass.push_back(m);
    }
    for (const auto& m : r.perClass) {
        r.macroAvg.precision += m.precision / n;
        r.macroAvg.recall += m.recall / n;
        r.macroAvg.f1 += m.f1 / n;
        const double w = safeDivide(static_cast<double>(m.support), static_cast<double>(r.total));
        r.weightedAvg.precision += m.precision * w;
        r.weightedAvg.recall += m.recall * w;
        r.weightedAvg.f1 += m.f1 * w;
    }
    r.macroAvg.support = r.weightedAvg.support = r.total;
    return r;
}

std::string ClassificationReport::toText(int digits) const {
    // Same widths as sklearn: the name column is as wide as the longest of the class names,
    // "weighted avg" and `digits`; each figure column is 9 wide after one space.
    std::size_t width = std::max<std::size_t>(std::string("weighted avg").size(), static_cast<std::size_t>(digits));
    for (const auto& m : perClass)
        width = std::max(width, m.name.size());
    auto row = [&](const ClassMetrics& m) {
        return padLeft(m.name, width) + " " + " " + padLeft(fixed(m.precision, digits), 9) + " " +
               padLeft(fixed(m.recall, digits), 9) + " " + padLeft(fixed(m.f1, digits), 9) + " " +
               padLeft(std::to_string(m.support), 9) + "\n";
    };
    std::string out = std::string(width, ' ') + " " + " " + padLeft("precision", 9) + " " + padLeft("recall", 9) +
                      " " + padLeft("f1-score", 9) + " " + padLeft("support", 9) + "\n\n";
    for (const auto& m : perClass)
        out += row(m);
    out += "\n";
    out += padLeft("accuracy", width) + " " + " " + std::string(9, ' ') + " " + std::string(9, ' ') + " " +
           padLeft(fixed(accuracy, digits), 9) + " " + padLeft(std::to_string(total), 9) + "\n";
    out += row(macroAvg);
    out += row(weightedAvg);
    return out;
}

Json ClassificationReport::toJson() const {
    Json j = Json::object();
    Json classes = Json::object();
    for (const auto& m : perClass)
        classes[m.name] = metricsJson(m);
    j["classes"] = classes;
    j["accuracy"] = accuracy;
    j["macro avg"] = metricsJson(macroAvg);
    j["weighted avg"] = metricsJson(weightedAvg);
    j["support"] = total;
    return j;
}

}  // namespace cxr::evaluation
