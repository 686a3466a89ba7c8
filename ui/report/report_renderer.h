#pragma once
// The run's PDF report: title, date, model SHA-256, the training configuration, data counts
// and split policy, confusion matrix, classification report, ROC with AUC and CI, the
// operating threshold and how it was chosen, calibration, the loss/accuracy curves with their
// phase bands, example CAMs and the intended-use statement. De-identified unless asked: no
// film names (Kermany names carry patient ids), data paths or other patient details. On request
// a last page with the reviewers' agreement with the model, from the review records.
// Needs a QApplication (charts are graphics widgets); the GUI and `cxr report` both call it.
#include <filesystem>
#include <optional>

#include <QString>

#include "core/workflows/review_records.h"
#include "core/workflows/run_results.h"

namespace cxr::ui {

struct ReportOptions {
    bool includeIdentifiers = false;     // film names and the data folder's path
    std::optional<double> threshold;     // the operating point to report; default: the run's own
    int examplesPerOutcome = 1;          // CAM examples per TP/FP/TN/FN; 0 = none
    // The reviewers' agreement with this run's model (workflows::reviewedAgreement): one more
    // page, last, with the matrix of reviewer label against model call and the agreement,
    // sensitivity and specificity with their Wilson CIs. Its model must be the run's.
    std::optional<workflows::AgreementStats> agreement;
};

// Writes the report to `pdfFile` (replacing it). Throws cxr::Error(Io) naming the file when it
// cannot be written.
void renderReport(const workflows::RunResults& results, const std::filesystem::path& pdfFile, const ReportOptions& options = {});

}  // namespace cxr::ui
