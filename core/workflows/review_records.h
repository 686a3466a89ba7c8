#pragma once
// The review loop on top of the records database: what a film and a diagnosis become as records,
// how far reviewers agree with each model, and the reviewed films written out as a training
// folder (review → record → correct → retrain). The database itself is core/records.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/cancel_token.h"
#include "core/common/json_io.h"
#include "core/diagnosis/diagnosis.h"
#include "core/evaluation/confusion_matrix.h"
#include "core/evaluation/roc.h"
#include "core/imaging/film.h"
#include "core/records/records_db.h"

namespace cxr::workflows {

struct FilmRecordOptions {
    bool keepPatientIdentity = false;  // fill patientName/patientId (off: never read into the record)
    // The SHA-256 of the file's bytes when the caller has just computed it (the review window
    // hashes a film to look its call up, then records it): not hashed a second time.
    std::string knownSha256;
};

// The film at `file` as a record: SHA-256 of its bytes, size, the path as given, and for DICOM
// films the Study/Series/SOP Instance UIDs. `loaded`: the film already decoded (its identifiers
// are taken from it); without it a DICOM file is decoded here. Throws cxr::Error naming the file.
records::FilmRecord filmRecordOf(const std::filesystem::path& file, const imaging::Film* loaded = nullptr,
                                 const FilmRecordOptions& options = {});

// A diagnosis of the film `filmSha256` as a record: probabilities, the call, the threshold, the
// warnings as notice codes, the timings, the explanation's method and layer (empty when none).
records::DiagnosisRecord diagnosisRecordOf(const std::string& filmSha256, const diagnosis::Diagnosis& diagnosis,
                                           const diagnosis::ModelInfo& model);

// Records the film (insert or update) and the diagnosis; returns the diagnosis id.
std::int64_t recordDiagnosis(records::RecordsDb& db, const std::filesystem::path& file,
                             const diagnosis::Diagnosis& diagnosis, const diagnosis::ModelInfo& model,
                             const imaging::Film* loaded = nullptr);

// The labels a reviewer may give; "other" carries a free text and is never a training label.
const std::vector<std::string>& reviewLabels();  // NORMAL, PNEUMONIA, other

// Finds a film by a path (its content is hashed) or by a SHA-256 (64 hex digits, or a unique
// prefix of at least 8). Throws cxr::Error: NotFound naming the argument when neither a file of
// that name exists nor a recorded film has that hash, InvalidInput when a prefix is ambiguous.
std::string resolveFilm(const records::RecordsDb& db, const std::string& fileOrSha);

// Reviewers' agreement with one model: the model's latest call on each film it diagnosed
// against the latest verdict's label. Rows are the reviewer's label (the truth), columns the
// model's call, classes NORMAL, PNEUMONIA; PNEUMONIA is the positive class.
struct AgreementStats {
    std::string modelSha256, modelName;
    evaluation::ConfusionMatrix confusion{2};
    std::int64_t reviewed = 0;      // films with a diagnosis by the model and a verdict
    std::int64_t otherLabels = 0;   // verdicts labelled "other": outside the matrix
    std::int64_t unreviewed = 0;    // diagnosed by the model, no verdict yet
    std::int64_t agreements = 0;    // matrix diagonal
    double sensitivity = 0, specificity = 0, agreement = 0;
    evaluation::ConfidenceInterval sensitivityCi, specificityCi, agreementCi;  // Wilson, 95 %
    Json toJson() const;
    std::string toText() const;
};

// One entry per model that diagnosed films here (or only `modelSha256` when given), ordered by
// model name. Throws NotFound when `modelSha256` names no model of the database.
std::vector<AgreementStats> agreementStats(const records::RecordsDb& db, const std::string& modelSha256 = {});

// The reviewers' agreement with one model (a run's weights SHA-256) for the PDF report's
// agreement page. Throws cxr::Error(NotFound) naming the model and the database when the model
// diagnosed no film there or no reviewer has given a verdict on a film it diagnosed.
AgreementStats reviewedAgreement(const records::RecordsDb& db, const std::string& modelSha256);
// The same from a records file, opened read-only (a report never changes the records); an empty
// path is RecordsDb::defaultPath(). Also throws what RecordsDb::open throws.
AgreementStats reviewedAgreement(const std::filesystem::path& recordsFile, const std::string& modelSha256);

struct ExportOptions {
    // Share of each class's reviewed films put into test/ (cxr train needs train/ and test/;
    // it re-splits train for validation). 0: train/ only, to be merged into another folder.
    double testFraction = 0.2;
    bool allowLinks = true;  // hard links for raster films on the same file system
    // Called after each film is checked (its bytes hashed against the record) and after each
    // is written: `done` of `total` steps. `total` starts as twice the films to check and drops
    // to checks + writes once the checks are done (films missing, changed or "other" are not
    // written), so `done` never goes back. Runs on the caller's thread.
    std::function<void(std::int64_t done, std::int64_t total)> progress;
    // Checked between films. Cancelled while checking: nothing is written (the folder is not
    // made). Cancelled while writing: the films written so far stay, provenance.csv lists
    // exactly them, and cxr::Error(Cancelled) says how many of how many were written.
    const CancelToken* cancel = nullptr;
};

struct ExportResult {
    std::filesystem::path dir;
    std::map<std::string, std::int64_t> trainCounts, testCounts;  // per label
    std::int64_t exported = 0, linked = 0, copied = 0, rendered = 0;
    std::int64_t skippedOther = 0;                // verdicts labelled "other"
    std::vector<std::string> missing, changed;    // SHA-256 of films not exported, and why
};

// Writes every film with a verdict whose latest label is NORMAL or PNEUMONIA into `dir` in the
// Kaggle layout, dir/train|test/<LABEL>/rev-<sha256 first 12>.<ext>, and dir/provenance.csv
// (sha256, split, file, label, reviewer, verdict time, model call, model sha256). Raster films
// are hard-linked (else copied) as they are; DICOM films are written as the 8-bit PNG of their
// display window, the very pixels the model's chain reads, so no patient data travels in the
// file. Nothing written names a patient or an original path. Films whose file is missing or
// whose bytes changed since they were recorded are reported, not exported. Films of one study
// stay in one split. Throws cxr::Error: InvalidInput when `dir` exists and is not empty, or a
// class has too few films for both splits (named); Io naming the file when writing fails.
ExportResult exportReviewed(const records::RecordsDb& db, const std::filesystem::path& dir,
                            const ExportOptions& options = {});

}  // namespace cxr::workflows
