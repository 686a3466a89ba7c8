// cam_localisation: how often the class activation map's peak falls inside a recorded opacity
// box, on a synthetic set (`cxr synth`) and a model trained on it (`cxr train`).
//
//   cam_localisation MODEL SYNTH_ROOT [--split test] [--method gradcam] [--layer layer4]
//                    [--dump FILE.csv]
//
// Counts the PNEUMONIA films of the split that the model calls PNEUMONIA (correctly classified)
// and, among them, those whose heat-map peak lies inside one of the film's boxes in
// SYNTH_ROOT/opacities.csv, two ways: the argmax of the map at full film resolution (what the
// overlay shows; bilinear, so always on a cell centre) and the sub-cell peak `cxr predict
// --json` reports as cam_peak (camPeakOf). Films are decoded at reduced scale for the model;
// the map is resampled to the stored size from films.csv, which is what registration is for.
// --dump writes one row per correctly called PNEUMONIA film (peak, its nearest box, hit) so the
// misses can be looked at.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "common/error.h"
#include "diagnosis/diagnoser.h"
#include "diagnosis/heat_map.h"

#include "synth_csv.h"

namespace fs = std::filesystem;
using namespace cxr;

namespace {

struct Box {
    int x0, y0, x1, y1;
};

using cxr::bench::readSynthCsv;

}  // namespace

int main(int argc, char** argv) {
    try {
        if (argc < 3) {
            std::fprintf(stderr, "usage: cam_localisation MODEL SYNTH_ROOT [--split test] [--method gradcam] "
                                 "[--layer layer4]\n");
            return 2;
        }
        const fs::path modelPath = argv[1], root = argv[2];
        std::string split = "test";
        fs::path dumpPath;
        diagnosis::DiagnoseOptions options;
        for (int i = 3; i + 1 < argc; i += 2) {
            const std::string a = argv[i];
            if (a == "--split")
                split = argv[i + 1];
            else if (a == "--method")
                options.method = argv[i + 1];
            else if (a == "--layer")
                options.layer = argv[i + 1];
            else if (a == "--dump")
                dumpPath = argv[i + 1];
            else
                throw Error(ErrorCode::InvalidInput, "unknown option " + a);
        }
        std::map<std::string, std::vector<Box>> boxes;
        for (const auto& r : readSynthCsv(root / "opacities.csv"))
            if (r.at(0) == split)
                boxes[r.at(2)].push_back({std::stoi(r.at(3)), std::stoi(r.at(4)), std::stoi(r.at(5)), std::stoi(r.at(6))});

        std::ofstream dump;
        if (!dumpPath.empty()) {
            dump.open(dumpPath);
            if (!dump)
                throw Error(ErrorCode::Io, "cannot write " + dumpPath.string());
            dump << "file,width,height,peak_x,peak_y,box_x0,box_y0,box_x1,box_y1,hit,subcell_x,subcell_y,subcell_hit\n";
        }
        const diagnosis::Diagnoser diagnoser(modelPath, "auto");
        int pneumonia = 0, called = 0, inside = 0, insideSubcell = 0, normals = 0, normalCorrect = 0;
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
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cam_localisation: %s\n", e.what());
        return 1;
    }
}
