#include "ui/diagnosis/film_job.h"

#include <algorithm>
#include <chrono>

#include "core/common/sha256.h"
#include "core/imaging/load_film.h"
#include "core/model/device.h"
#include "core/workflows/review_records.h"
#include "ui/common/error_reporter.h"
#include "ui/common/qt_convert.h"
#include "ui/records/shared_records.h"

namespace cxr::ui {
namespace {

double msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

QString describeCurrent() {
    const QString message = ErrorReporter::describeCurrent();
    return message.isEmpty() ? QStringLiteral("?") : message;
}

// What the records know of the film: its latest call by this model and its latest verdict.
// True when that call can stand for a new diagnosis.
bool lookUp(const FilmJobRequest& request, FilmJobResult& result) {
    // A missing file fails the film here; a heat-map re-run does not hash the film again.
    const std::string sha = !request.record && !request.knownSha256.isEmpty() ? request.knownSha256.toStdString()
                                                                               : sha256File(toPath(request.path));
    result.filmSha256 = toQString(sha);
    try {
        const std::string model = request.diagnoser->info().sha256;
        auto [prior, verdicts] = request.records->with([&](const records::RecordsDb& db) {
            return std::make_pair(db.latestDiagnosis(sha, model), db.verdictsOf(sha));
        });
        if (!verdicts.empty()) {
            result.verdict = verdicts.back();
        }
        if (prior) {
            result.diagnosisId = prior->id;
            if (!request.options.explain) {
                result.recorded = std::move(prior);
                return true;
            }
        }
    } catch (...) {
        result.recordError = describeCurrent();
    }
    return false;
}

void keep(const FilmJobRequest& request, FilmJobResult& result) {
    try {
        // Hashing and the DICOM identifiers outside the lock; one transaction for both rows.
        workflows::FilmRecordOptions options;
        options.keepPatientIdentity = request.records->keepsPatientIdentity();
        options.knownSha256 = result.filmSha256.toStdString();  // hashed moments ago by lookUp()
        const records::FilmRecord film = workflows::filmRecordOf(toPath(request.path), result.film.get(), options);
        const records::DiagnosisRecord diagnosis =
            workflows::diagnosisRecordOf(film.sha256, *result.diagnosis, request.diagnoser->info());
        result.diagnosisId = request.records->with([&](records::RecordsDb& db) {
            std::int64_t id = 0;
            db.batch([&] {
                db.recordFilm(film);
                id = db.recordDiagnosis(diagnosis);
            });
            return id;
        });
        result.filmSha256 = toQString(film.sha256);
    } catch (...) {
        result.recordError = describeCurrent();
    }
}

}  // namespace

FilmJobResult runFilmJob(const FilmJobRequest& request) {
    FilmJobResult result;
    result.path = request.path;
    result.ticket = request.ticket;
    result.film = request.film;
    result.diagnoser = request.diagnoser;
    result.options = request.options;
    try {
        const bool useRecords = request.records && request.diagnoser;
        if (useRecords && lookUp(request, result)) {
            return result;  // this model's call is on record: nothing to compute
        }
        if (!result.film) {
            const auto start = std::chrono::steady_clock::now();
            result.film = std::make_shared<const imaging::Film>(imaging::loadFilm(toPath(request.path)));
            result.loadMs = msSince(start);
        }
        if (request.diagnoser) {
            // Pool threads are reused; LibTorch's thread count is per thread, so set it each time.
            model::initTorchThreads();
            // A quarter of the film's resolution is plenty for a map from a 7x7 to 28x28 grid,
            // and 16 times smaller in the cache; the view stretches it over the whole film.
            diagnosis::DiagnoseOptions options = request.options;
            if (options.heatWidth <= 0 || options.heatHeight <= 0) {
                options.heatWidth = std::max(1, (result.film->width + 3) / 4);
                options.heatHeight = std::max(1, (result.film->height + 3) / 4);
            }
            const auto start = std::chrono::steady_clock::now();
            result.diagnosis = std::make_shared<const diagnosis::Diagnosis>(
                request.diagnoser->diagnose(*result.film, options));
            result.diagnoseMs = msSince(start);
            if (useRecords && request.record && result.diagnosisId == 0 && result.recordError.isEmpty()) {
                keep(request, result);
            }
        }
    } catch (...) {
        result.error = describeCurrent();
    }
    return result;
}

}  // namespace cxr::ui
