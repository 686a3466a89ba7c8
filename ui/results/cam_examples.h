#pragma once
// Example test films drawn with their class activation maps: the run's own model explains
// each film (diagnosis::Diagnoser, Grad-CAM on layer4) and the map is blended over the film
// like pytorch-grad-cam's show_cam_on_image. Shared by the results page and the PDF report.
// Slow (a model load plus ~50 ms a film on a CPU): call it off the GUI thread.
#include <filesystem>
#include <vector>

#include <QImage>
#include <QString>

#include "core/workflows/run_results.h"

namespace cxr::ui {

struct ExampleImage {
    workflows::ExampleFilm film;
    QImage overlay;   // RGB, the film with its map, long side = `side`
    QString caption;  // outcome and probability (and the file name when names are wanted)
    QString error;    // why this film could not be shown
};

// `includeNames`: put the film's file name in the caption (names carry patient ids in the
// Kermany layout, so reports leave them out unless asked).
std::vector<ExampleImage> renderExamples(const std::filesystem::path& modelDir, const std::vector<workflows::ExampleFilm>& films,
                                         int side, bool includeNames);

}  // namespace cxr::ui
