#include "ui/diagnosis/film_job.h"

#include <algorithm>
#include <chrono>

#include "core/imaging/load_film.h"
#include "core/model/device.h"
#include "ui/common/error_reporter.h"
#include "ui/common/qt_convert.h"

namespace cxr::ui {
namespace {

double msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
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
        }
    } catch (...) {
        result.error = ErrorReporter::describeCurrent();
        if (result.error.isEmpty()) {
            result.error = QStringLiteral("?");
        }
    }
    return result;
}

}  // namespace cxr::ui
