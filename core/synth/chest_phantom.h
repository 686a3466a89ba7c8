#pragma once
// renderChestFilm: draws one synthetic chest film from its plan: body with a soft-tissue
// thickness gradient, lung fields, mediastinum and heart, spine, ribs, clavicles, diaphragm domes,
// vessels, texture, noise — and for PNEUMONIA films 1-3 soft patchy opacities inside the lungs,
// with their boxes. Deterministic: the plan's seeds decide every pixel.
#include <cstdint>
#include <vector>

#include "core/synth/film_plan.h"

namespace cxr::synth {

// An opacity's bounding box in film pixels: columns [x0, x1), rows [y0, y1).
struct OpacityBox {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct ChestFilm {
    int width = 0, height = 0;
    std::vector<float> intensity;         // row-major, 0..1, brighter = denser (MONOCHROME2 sense)
    std::vector<std::uint8_t> lungMask;   // 255 inside the lung fields (heart excluded), else 0
    std::vector<OpacityBox> opacities;    // empty for NORMAL films
};

// `paintOpacities = false` renders the same film without its opacities (everything else
// identical), which lets tests measure exactly what an opacity adds.
ChestFilm renderChestFilm(const FilmPlan& plan, bool paintOpacities = true);

}  // namespace cxr::synth
