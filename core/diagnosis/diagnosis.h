#pragma once
// Diagnosis: what one film's review returns: class probabilities, the call at the model's
// operating threshold, the class activation map (low-res grid, at the model input, and
// registered to the film), out-of-domain warnings, the model's identity and stage timings.
// Plain C++ (no LibTorch): the GUI includes it.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/common/notice.h"

namespace cxr::diagnosis {

// The loaded model as front ends describe it.
struct ModelInfo {
    std::string name;          // model.json "name", else the run folder or weights file name
    std::string architecture = "resnet18";
    std::string sha256;        // of the weights file
    std::string device;        // "cpu", "cuda:0"
    std::vector<std::string> classes;
    double threshold = 0.5;    // on P(classes[1]) for two-class models
    double temperature = 1.0;
    int imageSize = 224;
    std::string resize = "stretch";
    std::string preprocessing;        // the whole film -> input chain, as model.json records it
    std::vector<Notice> notes;   // e.g. the chain was not recorded and is assumed
    bool pretrained = false;
    std::filesystem::path source;
};

struct DiagnoseOptions {
    std::string method = "gradcam";  // gradcam | gradcam++ | layercam
    std::string layer = "layer4";    // layer1..layer4
    // Class whose logit is explained; -1 = the class of the call (the label at the threshold).
    int targetClass = -1;
    bool explain = true;             // false: probabilities and call only
    // Arithmetic of the forward (and CAM) pass: "fp32" (the default: probabilities equal the
    // Python model's to 1e-4) or "bf16" (autocast; faster on CPUs with bf16 instructions and on
    // GPUs, probabilities within a few hundredths; bench/diagnosis_bench measures it).
    std::string precision = "fp32";
    // Size of Diagnosis::heatMap; 0 = the film's own geometry. Set it to the full-resolution
    // size when the film was decoded at a reduced scale: the map covers the film's extent.
    int heatWidth = 0, heatHeight = 0;
};

// Where the film's extent lands in the model input. With (fx, fy) the position on the film as
// fractions of its width and height (0 = left/top edge, 1 = right/bottom edge), the input
// position in pixels (0 = edge of the first pixel) is (scaleX * fx + offsetX, scaleY * fy +
// offsetY). "stretch" (the seed's Resize((S, S))): scale = S, offset = 0.
//
// mapShiftX/Y: input pixels added when the class activation map is sampled. The map's resize
// (pytorch-grad-cam's) puts CAM cell p at the middle of its stride block, (p + 0.5) * s - 0.5,
// but a ResNet cell p is centred on input pixel p * s (every convolution pads half its kernel):
// the resized map sits (s - 1) / 2 pixels right of and below where the network looked. The
// shift registers each cell on its receptive field's centre (15.5 px for layer4 at 224 px).
struct InputGeometry {
    std::string rule = "stretch";
    int inputSize = 224;
    double scaleX = 224, scaleY = 224, offsetX = 0, offsetY = 0;
    double mapShiftX = 0, mapShiftY = 0;
};

struct Diagnosis {
    std::vector<std::string> classes;
    std::vector<double> logits;         // before temperature and softmax
    std::vector<double> probabilities;  // softmax(logits / temperature)
    std::string label;
    int labelIndex = -1;
    double threshold = 0.5;
    double temperature = 1.0;

    // Class activation map (empty when DiagnoseOptions::explain is false), values in [0, 1].
    std::string camMethod, camLayer;
    int camTarget = -1;                 // class index explained
    std::vector<float> camGrid;         // the layer's resolution (7 x 7 for layer4 at 224), row-major
    int camGridW = 0, camGridH = 0;
    std::vector<float> inputMap;        // at the model input (pytorch-grad-cam's output), S x S
    int inputMapSize = 0;
    InputGeometry geometry;
    std::vector<float> heatMap;         // registered to the film, heatW x heatH
    int heatW = 0, heatH = 0;

    int filmWidth = 0, filmHeight = 0;  // geometry of the film as diagnosed (maybe reduced)
    std::vector<Notice> warnings;  // out of domain, loader notes
    std::string modelSha256;
    std::string precision = "fp32";     // the forward pass's arithmetic (DiagnoseOptions)
    std::map<std::string, double> timingsMs;  // load, preprocess, forward, cam, resample, total

    bool hasCam() const { return !camGrid.empty(); }
    double probabilityOf(const std::string& className) const;
};

}  // namespace cxr::diagnosis
