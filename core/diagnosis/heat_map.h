#pragma once
// From the model input back to the film: the inverse of the preprocessing geometry, so a heat
// map sits on the anatomy it came from at any film size (full resolution, a reduced decode,
// a thumbnail), plus the peak finder the localisation checks use.
#include <string>
#include <vector>

#include "diagnosis/diagnosis.h"

namespace cxr::diagnosis {

// The geometry of a resize rule for a film of filmWidth x filmHeight. Rules: "stretch" (both
// sides to inputSize, aspect not kept), "letterbox" (long side to inputSize, centred, padded),
// "center-crop" (short side to inputSize, centre cropped). Throws cxr::Error(Unsupported).
InputGeometry inputGeometryFor(const std::string& rule, int inputSize, int filmWidth, int filmHeight);

// (s - 1) / 2 for a CAM grid of `cells` over `inputSize` pixels (stride s = inputSize / cells):
// the InputGeometry map shift that puts each cell on its receptive field's centre.
double receptiveFieldShift(int inputSize, int cells);

// Samples `inputMap` (inputSize x inputSize, row-major) at the centre of every pixel of a
// width x height raster covering the film's extent, moved by the geometry's map shift,
// bilinearly with clamped borders (the same convention as the map's own resize). Film pixels
// outside the input (cropped away) get 0.
std::vector<float> mapToFilm(const std::vector<float>& inputMap, const InputGeometry& geometry, int width,
                             int height);

// The diagnosis's map at any size covering the film's extent. Throws when it has no map.
std::vector<float> heatMapAt(const Diagnosis& diagnosis, int width, int height);

struct Peak {
    int x = 0, y = 0;
    float value = 0;
};
// The largest value (first in row-major order on ties).
Peak peakOf(const std::vector<float>& map, int width, int height);

}  // namespace cxr::diagnosis
