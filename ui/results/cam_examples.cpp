#include "ui/results/cam_examples.h"

#include <algorithm>
#include <cmath>

#include <QObject>

#include "core/diagnosis/diagnoser.h"
#include "core/diagnosis/overlay.h"
#include "core/imaging/display.h"
#include "ui/common/error_reporter.h"
#include "ui/common/notice_text.h"
#include "ui/common/qt_convert.h"
#include "ui/common/term_text.h"

namespace cxr::ui {

std::vector<ExampleImage> renderExamples(const std::filesystem::path& modelDir, const std::vector<workflows::ExampleFilm>& films,
                                         int side, bool includeNames) {
    std::vector<ExampleImage> out;
    if (films.empty())
        return out;
    std::unique_ptr<diagnosis::Diagnoser> diagnoser;
    QString modelError;
    try {
        diagnoser = std::make_unique<diagnosis::Diagnoser>(modelDir, "cpu");
    } catch (...) {
        modelError = ErrorReporter::describeCurrent();
    }
    for (const auto& f : films) {
        ExampleImage e;
        e.film = f;
        e.caption = QObject::tr("%1 · P(PNEUMONIA) %2").arg(termText(f.outcome), localeNumber(f.probability, 3));
        if (includeNames)
            e.caption += QStringLiteral("\n") + toQString(std::filesystem::path(f.path).filename());
        if (!diagnoser) {
            e.error = modelError;
            out.push_back(e);
            continue;
        }
        try {
            const auto film = imaging::loadFilm(f.path, diagnoser->loadOptions());
            const double scale = static_cast<double>(side) / std::max(film.width, film.height);
            const int w = std::max(1, static_cast<int>(std::lround(film.width * scale)));
            const int h = std::max(1, static_cast<int>(std::lround(film.height * scale)));
            diagnosis::DiagnoseOptions options;
            options.heatWidth = w;
            options.heatHeight = h;
            // Explain the positive class on every film, so the maps compare across outcomes.
            options.targetClass = 1;
            const auto d = diagnoser->diagnose(film, options);
            const auto grey = imaging::resizeGrey8(imaging::toDisplay8(film), film.width, film.height, w, h);
            const auto rgb = diagnosis::makeOverlayRgb(grey, d.heatMap, w, h);
            QImage image(w, h, QImage::Format_RGB888);
            for (int y = 0; y < h; ++y)
                std::copy_n(rgb.data() + static_cast<std::size_t>(y) * w * 3, static_cast<std::size_t>(w) * 3,
                            image.scanLine(y));
            e.overlay = image;
        } catch (...) {
            e.error = ErrorReporter::describeCurrent();
        }
        out.push_back(e);
    }
    return out;
}

}  // namespace cxr::ui
