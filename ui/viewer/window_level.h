#pragma once
// WindowLevel: the display window choices for one film. Radiograph pixel values have no absolute
// scale (unlike CT's Hounsfield units), so the lung and bone presets come from the film's own
// value distribution: lung spreads the darker part of the displayed range, bone the brighter
// part, whichever way the film's photometric interpretation maps values to brightness.
#include <vector>

#include <QString>

#include "core/imaging/film.h"

namespace cxr::ui {

enum class WindowPreset { File, FullRange, Lung, Bone, Custom };

class WindowLevel {
public:
    WindowLevel() = default;
    explicit WindowLevel(const imaging::Film& film);

    imaging::DisplayWindow preset(WindowPreset which) const;
    // The film's own window; true when the film carries a VOI LUT instead (displayed as is).
    bool fileUsesVoiLut() const { return m_fileUsesLut; }
    double minValue() const { return m_min; }
    double maxValue() const { return m_max; }

    // Right-drag: horizontal movement widens (right) or narrows the window, vertical movement
    // moves the level (down = brighter image on a MONOCHROME2 film: the level drops).
    // The speed scales with the film's value range so a drag across the view spans it.
    imaging::DisplayWindow dragged(const imaging::DisplayWindow& start, double dx, double dy) const;

    static QString presetName(WindowPreset which);

private:
    double percentile(double p) const;

    imaging::DisplayWindow m_file;
    bool m_fileUsesLut = false;
    bool m_invert = false;
    double m_min = 0, m_max = 255;
    std::vector<float> m_sorted;  // a sorted sample of the pixels, for percentiles
};

}  // namespace cxr::ui
