#pragma once
// From the model input back to the film: the inverse of the preprocessing geometry, so a heat
// map sits on the anatomy it came from at any film size (full resolution, a reduced decode,
// a thumbnail), plus the peak finder the localisation checks use.
#include <string>
#include <vector>

#include "core/diagnosis/diagnosis.h"

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

// Where the class activation map peaks, with sub-cell precision, as fractions of the film's
// width and height (0 = left/top edge, 1 = right/bottom edge: multiply by a size for pixels).
// The film map is a bilinear resample of the cell grid, so its maxima sit exactly on cell
// centres and its argmax can be half a cell (16 input pixels for layer4 at 224) from the
// maximum of the evidence the cells sample. This fits a parabola through the largest cell and
// its two neighbours along each axis (the standard sub-sample peak estimate; it moves at most
// half a cell, and not at all at the grid's border or where the neighbours do not fall away),
// then maps that point through the geometry exactly as mapToFilm does. Throws when `diagnosis`
// has no map.
struct CamPeak {
    double fx = 0, fy = 0;  // film fractions, clamped to [0, 1]
    double cellX = 0, cellY = 0;  // the peak on the grid, in cells (column, row)
    float value = 0;        // the largest cell's value
};
CamPeak camPeakOf(const Diagnosis& diagnosis);

// A film fraction as a pixel coordinate of a `size`-pixel side (pixel centres at integers).
inline double fractionToPixel(double fraction, int size) { return fraction * size - 0.5; }

}  // namespace cxr::diagnosis
