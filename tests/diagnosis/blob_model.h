#pragma once
// A hand-built ResNet18 whose class activation map is, by construction, the brightness of the
// film: conv1 averages the three input channels at the centre tap, every residual block passes
// its input through (zero convolutions, identity shortcut, 1x1 stride-2 shortcut convolutions
// that keep channel 0), and fc scores PNEUMONIA by the mean of channel 0 (NORMAL by its negative). A bright blob on a
// dark film therefore makes the map peak on the blob: what the registration tests need.
#include <cmath>
#include <filesystem>
#include <string>

#include <torch/torch.h>

#include "core/imaging/film.h"
#include "core/model/model_bundle.h"
#include "core/model/state_dict.h"

namespace cxr::test {

inline model::ResNet18 makeBlobNet() {
    model::ResNet18 net(2);
    torch::NoGradGuard noGrad;
    for (auto& [name, tensor] : model::stateDictOf(*net)) {
        const bool bn = name.find("bn") != std::string::npos || name.find("downsample.1") != std::string::npos;
        if (bn && (name.size() > 6 && name.compare(name.size() - 6, 6, "weight") == 0))
            tensor.fill_(1.0);
        else if (bn && name.find("running_var") != std::string::npos)
            tensor.fill_(1.0);
        else if (tensor.is_floating_point())
            tensor.zero_();
    }
    auto params = net->named_parameters();
    for (int c = 0; c < 3; ++c)
        params["conv1.weight"][0][c][3][3].fill_(1.0 / 3.0);
    for (const std::string layer : {"layer2", "layer3", "layer4"})
        params[layer + ".0.downsample.0.weight"][0][0][0][0].fill_(1.0);
    // Average pooling divides by the 49 cells of a 7 x 7 map: scale up so one bright cell wins.
    params["fc.weight"][1][0].fill_(10.0);
    params["fc.weight"][0][0].fill_(-10.0);
    params["fc.bias"][0].fill_(0.1);  // a blank film is NORMAL
    net->eval();
    return net;
}

// Exports the blob network as a model bundle folder.
inline std::filesystem::path exportBlobModel(const std::filesystem::path& dir, double threshold = 0.5,
                                             double temperature = 1.0) {
    model::ResNet18 net = makeBlobNet();
    model::exportModelBundle(dir, net, {"NORMAL", "PNEUMONIA"}, model::PreprocessSpec{}, threshold, temperature,
                             Json::object(), Json::object());
    return dir;
}

// An 8-bit raster film: dark background, a Gaussian blob at (cx, cy) of sigma px (sigmaY: the
// same unless given).
inline imaging::Film makeBlobFilm(int width, int height, double cx, double cy, double sigma, double sigmaY = 0) {
    if (sigmaY <= 0)
        sigmaY = sigma;
    imaging::Film film;
    film.width = width;
    film.height = height;
    film.meta.format = "PNG";
    film.meta.bitsStored = film.meta.bitsAllocated = 8;
    film.meta.photometric = "MONOCHROME2";
    film.pixels.resize(static_cast<size_t>(width) * height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const double dx = (x - cx) / sigma, dy = (y - cy) / sigmaY;
            film.pixels[static_cast<size_t>(y) * width + x] =
                static_cast<float>(std::round(20.0 + 235.0 * std::exp(-(dx * dx + dy * dy) / 2)));
        }
    return film;
}

}  // namespace cxr::test
