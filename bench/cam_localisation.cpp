// cam_localisation: how often the class activation map's peak falls inside a recorded opacity
// box, on a synthetic set (`cxr synth`) and a model trained on it (`cxr train`).
//
//   cam_localisation MODEL SYNTH_ROOT [--split test] [--method gradcam] [--layer layer4]
//                    [--device auto] [--dump FILE.csv] [--chance-points 2000]
//   cam_localisation --chance-only SYNTH_ROOT [--split test] [--chance-points 2000]
//
// Counts the PNEUMONIA films of the split that the model calls PNEUMONIA (correctly classified)
// and, among them, those whose heat-map peak lies inside one of the film's boxes in
// SYNTH_ROOT/opacities.csv, two ways: the argmax of the map at full film resolution (what the
// overlay shows; bilinear, so always on a cell centre) and the sub-cell peak `cxr predict
// --json` reports as cam_peak (camPeakOf). Films are decoded at reduced scale for the model;
// the map is resampled to the stored size from films.csv, which is what registration is for.
// --dump writes one row per correctly called PNEUMONIA film (peak, its nearest box, hit) so the
// misses can be looked at. Beside the figures it prints their chance baseline: the share of
// points drawn uniformly inside the lung fields (re-rendered from the set's plan, synth.json)
// that fall in a box, over the same films — what a map pointing at random lung would score.
// --chance-only prints that baseline alone, over every PNEUMONIA film of the split (no model).
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/common/error.h"
#include "core/diagnosis/diagnoser.h"
#include "core/diagnosis/heat_map.h"
#include "core/synth/chest_phantom.h"
#include "core/synth/film_plan.h"
#include "core/synth/lung_chance.h"
#include "core/synth/synthetic_set.h"

#include "synth_csv.h"

namespace fs = std::filesystem;
using namespace cxr;

namespace {

using Box = synth::OpacityBox;

using cxr::bench::readSynthCsv;

// The plan of every film of a synthetic set, by its file name relative to the root ('/').
std::map<std::string, synth::FilmPlan> plansOf(const fs::path& root) {
    const auto summary = synth::readSyntheticSetSummary(root);
    if (!summary)
        throw Error(ErrorCode::NotFound, root / "synth.json",
                    "is missing: the chance baseline re-renders the lung fields from the set's plan");
    std::map<std::string, synth::FilmPlan> plans;
    for (auto& plan : synth::planSyntheticSet(summary->options))
        plans.emplace(plan.relativePath.generic_string(), std::move(plan));
    return plans;
}

// Uniform lung points of one film inside its boxes; the film is re-rendered from its plan at the
// size films.csv records (the size the heat map is resampled to).
synth::ChanceCount chanceOf(const fs::path& root, const std::map<std::string, synth::FilmPlan>& plans,
                            const std::string& file, int width, int height, const std::vector<Box>& boxes,
                            int points) {
    const auto plan = plans.find(file);
    if (plan == plans.end())
        throw Error(ErrorCode::InvalidInput, root / "synth.json", "does not plan the film " + file);
    const synth::ChestFilm film = synth::renderChestFilm(plan->second, /*paintOpacities=*/false);
    if (film.width != width || film.height != height)
        throw Error(ErrorCode::InvalidInput, root / file,
                    "the plan renders " + std::to_string(film.width) + " x " + std::to_string(film.height) +
                        " px but films.csv says " + std::to_string(width) + " x " + std::to_string(height));
    return synth::lungPointsInBoxes(film.lungMask, film.width, film.height, boxes, points,
                                    1000 + static_cast<std::uint64_t>(plan->second.index));
}

std::string percentText(const synth::ChanceCount& c) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%",
                  c.points ? 100.0 * static_cast<double>(c.hits) / static_cast<double>(c.points) : 0.0);
    return text;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"CAM peak inside the opacity boxes of a synthetic set, for a trained model"};
    fs::path modelPath, root, dumpPath;
    std::vector<fs::path> paths;
    std::string split = "test", device = "auto";
    int chancePoints = 2000;
    bool chanceOnly = false;
    diagnosis::DiagnoseOptions options;
    app.add_option("paths", paths, "MODEL SYNTH_ROOT (a run folder or model bundle, and a `cxr synth` folder); "
                                   "SYNTH_ROOT alone with --chance-only")
        ->required()
        ->expected(1, 2);
    app.add_flag("--chance-only", chanceOnly, "only the chance baseline, over every PNEUMONIA film of the split");
    app.add_option("--split", split, "which split's films")->capture_default_str();
    app.add_option("--method", options.method, "gradcam | gradcam++ | layercam")->capture_default_str();
    app.add_option("--layer", options.layer, "layer4 | layer3")->capture_default_str();
    app.add_option("--device", device, "auto | cpu | cuda")->capture_default_str();
    app.add_option("--dump", dumpPath, "one CSV row per correctly called PNEUMONIA film");
    app.add_option("--chance-points", chancePoints, "random lung points per film for the chance baseline")
        ->capture_default_str()
        ->check(CLI::Range(1, 1000000));
    try {
        app.parse(argc, argv);
        if (paths.size() != (chanceOnly ? 1u : 2u))
            throw CLI::ValidationError("paths", chanceOnly ? "--chance-only takes SYNTH_ROOT alone"
                                                           : "MODEL and SYNTH_ROOT are both needed");
        root = paths.back();
        if (!chanceOnly)
            modelPath = paths.front();
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }
    try {
        std::map<std::string, std::vector<Box>> boxes;
        for (const auto& r : readSynthCsv(root / "opacities.csv"))
            if (r.at(0) == split)
                boxes[r.at(2)].push_back({std::stoi(r.at(3)), std::stoi(r.at(4)), std::stoi(r.at(5)), std::stoi(r.at(6))});
        const auto plans = plansOf(root);
        if (chanceOnly) {
            synth::ChanceCount chance;
            int films = 0;
            for (const auto& r : readSynthCsv(root / "films.csv")) {
                if (r.at(0) != split || r.at(1) != "PNEUMONIA")
                    continue;
                const auto c = chanceOf(root, plans, r.at(4), std::stoi(r.at(5)), std::stoi(r.at(6)), boxes[r.at(4)],
                                        chancePoints);
                chance.hits += c.hits;
                chance.points += c.points;
                ++films;
            }
            std::printf("%s split of %s: %d PNEUMONIA films\n", split.c_str(), root.string().c_str(), films);
            std::printf("  chance (uniform point in the lung fields, %d per film): %s\n", chancePoints,
                        percentText(chance).c_str());
            return 0;
        }

        std::ofstream dump;
        if (!dumpPath.empty()) {
            dump.open(dumpPath);
            if (!dump)
                throw Error(ErrorCode::Io, "cannot write " + dumpPath.string());
            dump << "file,width,height,peak_x,peak_y,box_x0,box_y0,box_x1,box_y1,hit,subcell_x,subcell_y,subcell_hit\n";
        }
        const diagnosis::Diagnoser diagnoser(modelPath, device);
        int pneumonia = 0, called = 0, inside = 0, insideSubcell = 0, normals = 0, normalCorrect = 0;
        synth::ChanceCount chance;
        for (const auto& r : readSynthCsv(root / "films.csv")) {
            if (r.at(0) != split)
                continue;
            const std::string file = r.at(4);
            const bool positive = r.at(1) == "PNEUMONIA";
            options.heatWidth = std::stoi(r.at(5));
            options.heatHeight = std::stoi(r.at(6));
            options.explain = positive;
            const diagnosis::Diagnosis d = diagnoser.diagnoseFile(root / file, options);
            if (!positive) {
                ++normals;
                normalCorrect += d.label == "NORMAL";
                continue;
            }
            ++pneumonia;
            if (d.label != "PNEUMONIA")
                continue;
            ++called;
            const diagnosis::Peak p = diagnosis::peakOf(d.heatMap, d.heatW, d.heatH);
            const diagnosis::CamPeak sub = diagnosis::camPeakOf(d);
            const auto sx = static_cast<int>(std::lround(diagnosis::fractionToPixel(sub.fx, d.heatW)));
            const auto sy = static_cast<int>(std::lround(diagnosis::fractionToPixel(sub.fy, d.heatH)));
            bool hit = false, subHit = false;
            const Box* nearest = nullptr;
            double nearestDistance = 0;
            for (const Box& b : boxes[file]) {
                hit = hit || (p.x >= b.x0 && p.x < b.x1 && p.y >= b.y0 && p.y < b.y1);
                subHit = subHit || (sx >= b.x0 && sx < b.x1 && sy >= b.y0 && sy < b.y1);
                const double dx = p.x - 0.5 * (b.x0 + b.x1), dy = p.y - 0.5 * (b.y0 + b.y1);
                if (!nearest || dx * dx + dy * dy < nearestDistance) {
                    nearest = &b;
                    nearestDistance = dx * dx + dy * dy;
                }
            }
            inside += hit;
            insideSubcell += subHit;
            // Chance on the same film: uniform points in its lung fields, at the size the map has.
            const synth::ChanceCount c = chanceOf(root, plans, file, d.heatW, d.heatH, boxes[file], chancePoints);
            chance.hits += c.hits;
            chance.points += c.points;
            if (dump.is_open()) {
                dump << file << ',' << d.heatW << ',' << d.heatH << ',' << p.x << ',' << p.y;
                if (nearest)
                    dump << ',' << nearest->x0 << ',' << nearest->y0 << ',' << nearest->x1 << ',' << nearest->y1;
                else
                    dump << ",,,,";
                dump << ',' << hit << ',' << sx << ',' << sy << ',' << subHit << '\n';
            }
        }
        std::printf("model %s, %s split of %s, %s on %s\n", diagnoser.info().name.c_str(), split.c_str(),
                    root.string().c_str(), options.method.c_str(), options.layer.c_str());
        std::printf("NORMAL films called NORMAL:        %d / %d\n", normalCorrect, normals);
        std::printf("PNEUMONIA films called PNEUMONIA:  %d / %d\n", called, pneumonia);
        const auto percent = [&](int n) { return called ? 100.0 * n / called : 0.0; };
        std::printf("Peak inside an opacity box, as a share of the correctly called PNEUMONIA films:\n");
        std::printf("  argmax of the film-resolution map: %d / %d = %.1f%%\n", inside, called, percent(inside));
        std::printf("  sub-cell peak (cam_peak):          %d / %d = %.1f%%\n", insideSubcell, called,
                    percent(insideSubcell));
        std::printf("  chance (uniform point in the lung fields, %d per film): %s\n", chancePoints,
                    percentText(chance).c_str());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cam_localisation: %s\n", e.what());
        return 1;
    }
}
