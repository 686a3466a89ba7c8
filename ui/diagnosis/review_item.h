#pragma once
// ReviewItem: what the triage list keeps per film. Only the summary: films and heat maps are
// large, so they live in the controller's small cache and are recomputed when needed.
#include <optional>
#include <vector>

#include <QString>
#include <QStringList>

#include "core/records/records_db.h"

namespace cxr::ui {

struct ReviewItem {
    enum class Status { Queued, Running, Opened, Done, Failed };

    QString path;
    Status status = Status::Queued;
    QStringList classes;
    std::vector<double> probabilities;
    int positiveIndex = -1;    // the pneumonia class in `classes`
    QString label;             // the call at the threshold
    double threshold = 0.5;
    QStringList warnings;
    QString error;
    double timeMs = 0;
    QString modelSha256;
    QString modelName;
    // The review records (empty / 0 / none while records are off or the film is not hashed yet).
    QString filmSha256;
    qint64 diagnosisId = 0;    // the recorded call the list shows
    bool fromRecords = false;  // the call was read back, not computed in this session
    std::optional<records::VerdictRecord> verdict;  // the latest verdict on the film

    bool hasResult() const { return status == Status::Done && !probabilities.empty(); }
    double positiveProbability() const;  // -1 without a result
    bool positiveCall() const;
    bool reviewed() const { return verdict.has_value(); }
    bool disagreed() const { return verdict && !verdict->agrees; }
    // Takes the call from a recorded diagnosis (status Done, fromRecords).
    void applyRecorded(const records::DiagnosisRecord& diagnosis);
};

// The class a pneumonia classifier calls positive: the one named like "pneumonia", else index 1.
int positiveClassIndex(const QStringList& classes);
// "PNEUMONIA" -> "Pneumonia", for people rather than folders.
QString classTitle(const QString& className);

}  // namespace cxr::ui
