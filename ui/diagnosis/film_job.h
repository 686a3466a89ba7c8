#pragma once
// FilmJob: the unit of background work for one film: load it (unless already loaded), then,
// with a model, diagnose it (call, probabilities, heat map). Runs on a pool thread through
// QtConcurrent; never throws: a failure comes back as the error reporter's message.
#include <memory>
#include <optional>

#include <QString>

#include "core/diagnosis/diagnoser.h"
#include "core/imaging/film.h"
#include "core/records/records_db.h"

namespace cxr::ui {

class SharedRecords;

struct FilmJobRequest {
    QString path;
    quint64 ticket = 0;  // the requester's generation; results with an old ticket are stale
    std::shared_ptr<const imaging::Film> film;  // set: skip loading (explanation re-runs)
    std::shared_ptr<const diagnosis::Diagnoser> diagnoser;  // null: load only
    diagnosis::DiagnoseOptions options;
    // With records and a model: a film this model already diagnosed is not diagnosed again
    // unless the heat map is wanted (options.explain), and `record` keeps a new call.
    std::shared_ptr<SharedRecords> records;
    bool record = false;
    // The film's SHA-256 as the list already computed it. Used only by jobs that keep nothing
    // (record false: the film on screen's heat map); a job that records hashes the file itself.
    QString knownSha256;
};

struct FilmJobResult {
    QString path;
    quint64 ticket = 0;
    std::shared_ptr<const imaging::Film> film;
    std::shared_ptr<const diagnosis::Diagnosis> diagnosis;  // null without a model or on failure
    std::shared_ptr<const diagnosis::Diagnoser> diagnoser;  // the model that produced it
    diagnosis::DiagnoseOptions options;
    QString error;  // non-empty: the film failed (loading or diagnosis)
    double loadMs = 0;
    double diagnoseMs = 0;
    // From the records (only with request.records and a model):
    QString filmSha256;
    qint64 diagnosisId = 0;                            // the recorded call (read back or new)
    std::optional<records::DiagnosisRecord> recorded;  // read back instead of diagnosing: no film
    std::optional<records::VerdictRecord> verdict;     // the film's latest verdict
    QString recordError;                               // the records failed; the film did not

    bool ok() const { return error.isEmpty(); }
};

FilmJobResult runFilmJob(const FilmJobRequest& request);

}  // namespace cxr::ui
