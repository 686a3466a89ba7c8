#pragma once
// FilmJob: the unit of background work for one film: load it (unless already loaded), then,
// with a model, diagnose it (call, probabilities, heat map). Runs on a pool thread through
// QtConcurrent; never throws: a failure comes back as the error reporter's message.
#include <memory>

#include <QString>

#include "core/diagnosis/diagnoser.h"
#include "core/imaging/film.h"

namespace cxr::ui {

struct FilmJobRequest {
    QString path;
    quint64 ticket = 0;  // the requester's generation; results with an old ticket are stale
    std::shared_ptr<const imaging::Film> film;  // set: skip loading (explanation re-runs)
    std::shared_ptr<const diagnosis::Diagnoser> diagnoser;  // null: load only
    diagnosis::DiagnoseOptions options;
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

    bool ok() const { return error.isEmpty(); }
};

FilmJobResult runFilmJob(const FilmJobRequest& request);

}  // namespace cxr::ui
