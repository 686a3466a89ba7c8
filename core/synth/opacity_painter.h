#pragma once
// paintOpacities: the pneumonia cue of the synthetic films. Soft, patchy brighter regions
// (a blurred blob times low-frequency texture) confined to the lung fields: bacterial films get
// 1-2 larger, denser, lobar-like ones; viral films 2-3 smaller, fainter, patchier ones.
// The amplitude range reaches down to faint opacities so the task is learnable but not trivial.
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "core/synth/chest_anatomy.h"
#include "core/synth/chest_phantom.h"
#include "core/synth/synth_random.h"

namespace cxr::synth {

// Adds the opacities to `intensity` (CV_32F) and returns their boxes in its pixel coordinates.
// `lungSoft` (CV_32F 0..1) shapes them; `lungHard` (CV_8U) is where their centres may go.
std::vector<OpacityBox> paintOpacities(cv::Mat& intensity, const cv::Mat& lungSoft,
                                       const cv::Mat& lungHard, const ChestAnatomy& anatomy,
                                       const ChestPose& pose, const std::string& subtype,
                                       SynthRandom& rng);

}  // namespace cxr::synth
