#pragma once
// A finished training run as a review record (records::RunRecord), read from its run folder,
// and recording it: what `cxr train` and the GUI's training both do once the model bundle is
// written (trainFolder calls recordFinishedRun), so the records know which runs made which
// model. A records failure never fails the training: it is returned for a warning.
#include <filesystem>
#include <optional>
#include <string>

#include "core/records/records_db.h"

namespace cxr::workflows {

// The run in `runDir` as a record: its absolute folder; the config hash, SHA-256 of the
// training configuration (config.json's "training" object, keys sorted, compact), so runs
// trained alike share it; the model's weights SHA-256 from model.json (the hash `cxr predict`
// records its diagnoses under); and the test split's figures from evaluation.json (accuracy,
// sensitivity, specificity, AUC with its CI, confusion matrix, per-class report, ECE, films)
// with the operating threshold, without the ROC points. Throws cxr::Error naming the file
// when one of the three is missing or unreadable.
records::RunRecord runRecordOf(const std::filesystem::path& runDir);

// Records the run in the database `dbFile` (RecordsDb::defaultPath() when empty). Returns the
// record's id, or the reason it was not recorded (the file named): never throws.
struct RunRecording {
    std::int64_t id = 0;   // 0 when not recorded
    std::string problem;   // why not, for a warning
};
RunRecording recordFinishedRun(const std::filesystem::path& runDir, const std::filesystem::path& dbFile = {});

}  // namespace cxr::workflows
