#include "core/evaluation/evaluation_report.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>

#include "core/common/error.h"

namespace cxr::evaluation {
namespace {

const char* kNote = "CXR Studio is a research and teaching tool, not a diagnostic device.";

void checkClasses(const std::vector<std::string>& classes) {
    if (classes.size() != 2)
        throw Error(ErrorCode::InvalidInput,
                    "evaluation expects two classes (negative, positive), got " + std::to_string(classes.size()));
}

bool bothClasses(const std::vector<int>& labels) {
    bool neg = false, pos = false;
    for (int l : labels)
        (l == kPositiveClass ? pos : neg) = true;
    return neg && pos;
}

Json number(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }

Json splitJson(const SplitEvaluation& s) {
    Json j = {{"split", s.split},
              {"films", s.films},
              {"confusionMatrix", s.confusion.toJson()},
              {"report", s.report.toJson()},
              {"accuracy", s.report.accuracy},
              {"sensitivity", s.sensitivity},
              {"specificity", s.specificity},
              {"auc", number(s.roc.auc)},
              {"roc", s.roc.toJson()},
              {"nll", s.nll},
              {"ece", s.ece}};
    j["aucCi95"] = s.aucCi ? s.aucCi->toJson() : Json(nullptr);
    return j;
}

std::string fmt(const char* format, double v) {
    char buf[96];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

void splitText(std::ostringstream& out, const SplitEvaluation& s, const std::vector<std::string>& classes) {
    out << "== " << s.split << " (" << s.films << " films) ==\n";
    out << s.report.toText(4) << "\n";
    out << "Confusion matrix (rows = truth, columns = prediction):\n";
    std::size_t w = 10;
    for (const auto& c : classes)
        w = std::max(w, c.size() + 2);
    out << std::string(w, ' ');
    for (const auto& c : classes)
        out << std::string(w - c.size(), ' ') << c;
    out << "\n";
    for (int t = 0; t < s.confusion.numClasses(); ++t) {
        out << classes[t] << std::string(w - classes[t].size(), ' ');
        for (int p = 0; p < s.confusion.numClasses(); ++p) {
            const std::string v = std::to_string(s.confusion.at(t, p));
            out << std::string(w - v.size(), ' ') << v;
        }
        out << "\n";
    }
    out << "Sensitivity (" << classes[kPositiveClass] << "): " << fmt("%.4f", s.sensitivity)
        << "   Specificity: " << fmt("%.4f", s.specificity) << "\n";
    if (std::isfinite(s.roc.auc)) {
        out << "ROC AUC: " << fmt("%.4f", s.roc.auc);
        if (s.aucCi)
            out << "  (" << fmt("%.0f", s.aucCi->level * 100) << "% CI " << fmt("%.4f", s.aucCi->lower) << " - "
                << fmt("%.4f", s.aucCi->upper) << ", bootstrap " << s.aucCi->resamples << ")";
        out << "\n";
    } else {
        out << "ROC AUC: undefined (one class only)\n";
    }
    out << "NLL: " << fmt("%.4f", s.nll) << "   ECE: " << fmt("%.4f", s.ece) << "\n\n";
}

}  // namespace

SplitEvaluation evaluateSplit(const std::string& split, const Predictions& predictions, double threshold,
                              double temperature, const std::vector<std::string>& classes,
                              const EvaluateOptions& options) {
    checkClasses(classes);
    checkPredictions(predictions, split.c_str());
    SplitEvaluation s;
    s.split = split;
    s.films = predictions.labels.size();
    const auto p1 = positiveProbabilities(predictions, temperature);
    s.confusion = ConfusionMatrix::from(predictions.labels, applyThreshold(p1, threshold), 2);
    s.report = classificationReport(s.confusion, classes);
    s.sensitivity = s.confusion.sensitivity(kPositiveClass);
    s.specificity = s.confusion.specificity(kPositiveClass);
    if (bothClasses(predictions.labels)) {
        s.roc = rocCurve(predictions.labels, p1);
        if (options.bootstrapResamples > 0)
            s.aucCi = bootstrapAucCi(predictions.labels, p1, options.bootstrapResamples, options.seed);
    } else {
        s.roc.auc = std::numeric_limits<double>::quiet_NaN();
    }
    s.nll = negativeLogLikelihood(predictions, temperature);
    s.ece = expectedCalibrationError(predictions, temperature, options.eceBins);
    return s;
}

EvaluationReport evaluate(const Predictions& val, const Predictions& test, const std::string& thresholdRule,
                          const std::vector<std::string>& classes, const EvaluateOptions& options) {
    checkClasses(classes);
    checkPredictions(val, "validation");
    checkPredictions(test, "test");
    const ThresholdRule rule = ThresholdRule::parse(thresholdRule);
    EvaluationReport r;
    r.classes = classes;
    r.note = kNote;
    if (options.fitTemperature) {
        r.calibration = calibrate(val, options.eceBins);
    } else {
        r.calibration.bins = options.eceBins;
        r.calibration.nllBefore = r.calibration.nllAfter = negativeLogLikelihood(val, 1.0);
        r.calibration.eceBefore = r.calibration.eceAfter = expectedCalibrationError(val, 1.0, options.eceBins);
    }
    const double t = r.calibration.temperature;
    r.threshold = chooseThreshold(rule, val.labels, positiveProbabilities(val, t));
    r.validation = evaluateSplit("validation", val, r.threshold.threshold, t, classes, options);
    r.test = evaluateSplit("test", test, r.threshold.threshold, t, classes, options);
    return r;
}

EvaluationReport evaluateWith(const Predictions& test, double threshold, double temperature,
                              const std::vector<std::string>& classes, const EvaluateOptions& options) {
    checkClasses(classes);
    if (!(threshold >= 0 && threshold <= 1))
        throw Error(ErrorCode::InvalidInput, "threshold must be in [0, 1], got " + std::to_string(threshold));
    EvaluationReport r;
    r.classes = classes;
    r.note = kNote;
    r.threshold.rule = "fixed";
    r.threshold.threshold = threshold;
    r.calibration.temperature = temperature;
    r.calibration.bins = options.eceBins;
    r.test = evaluateSplit("test", test, threshold, temperature, classes, options);
    r.calibration.nllBefore = negativeLogLikelihood(test, 1.0);
    r.calibration.nllAfter = r.test.nll;
    r.calibration.eceBefore = expectedCalibrationError(test, 1.0, options.eceBins);
    r.calibration.eceAfter = r.test.ece;
    r.threshold.sensitivity = r.test.sensitivity;
    r.threshold.specificity = r.test.specificity;
    return r;
}

Json toJson(const EvaluationReport& r) {
    Json j = {{"classes", r.classes},
              {"positiveClass", r.classes.size() > 1 ? r.classes[kPositiveClass] : std::string()},
              {"threshold", r.threshold.toJson()},
              {"calibration", r.calibration.toJson()},
              {"test", splitJson(r.test)},
              {"note", r.note}};
    j["validation"] = r.validation ? splitJson(*r.validation) : Json(nullptr);
    return j;
}

std::string toText(const EvaluationReport& r) {
    std::ostringstream out;
    out << "Operating threshold on P(" << (r.classes.size() > 1 ? r.classes[kPositiveClass] : "positive")
        << "): " << fmt("%.4f", r.threshold.threshold) << " (rule " << r.threshold.rule;
    if (r.validation)
        out << ", chosen on validation: sensitivity " << fmt("%.4f", r.threshold.sensitivity) << ", specificity "
            << fmt("%.4f", r.threshold.specificity);
    out << ")\n";
    out << "Temperature: " << fmt("%.4f", r.calibration.temperature) << "   NLL " << fmt("%.4f", r.calibration.nllBefore)
        << " -> " << fmt("%.4f", r.calibration.nllAfter) << "   ECE (" << r.calibration.bins << " bins) "
        << fmt("%.4f", r.calibration.eceBefore) << " -> " << fmt("%.4f", r.calibration.eceAfter) << "\n";
    if (!r.calibration.note.empty())
        out << "  (temperature " << r.calibration.note << ")\n";
    out << "\n";
    if (r.validation)
        splitText(out, *r.validation, r.classes);
    splitText(out, r.test, r.classes);
    out << r.note << "\n";
    return out.str();
}

}  // namespace cxr::evaluation
