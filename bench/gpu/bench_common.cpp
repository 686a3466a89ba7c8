#include "bench_common.h"

#include <cstdio>
#include <fstream>
#include <map>
#include <random>

#include <torch/cuda.h>

#include "core/data/film_cache_writer.h"

namespace cxr::bench {

void Report::add(const std::string& section, const std::string& name, double value, const std::string& unit) {
    m_figures.push_back({section, name, value, unit});
    std::printf("  %-6s %-44s %12.1f %s\n", section.c_str(), name.c_str(), value, unit.c_str());
    std::fflush(stdout);
}

double Report::find(const std::string& section, const std::string& name) const {
    for (const auto& f : m_figures)
        if (f.section == section && f.name == name)
            return f.value;
    return -1;
}

void Report::printTable() const {
    std::printf("\n%-6s | %-44s | %12s | %s\n", "part", "figure", "value", "unit");
    std::printf("-------+----------------------------------------------+--------------+------\n");
    for (const auto& f : m_figures)
        std::printf("%-6s | %-44s | %12.1f | %s\n", f.section.c_str(), f.name.c_str(), f.value, f.unit.c_str());
    std::fflush(stdout);
}

Json Report::toJson() const {
    Json figures = Json::array();
    for (const auto& f : m_figures)
        figures.push_back({{"section", f.section}, {"name", f.name}, {"value", f.value}, {"unit", f.unit}});
    return Json{{"notes", m_notes}, {"figures", figures}};
}

void synchronize(const c10::Device& device) {
    if (device.is_cuda())
        torch::cuda::synchronize(device.index() < 0 ? -1 : device.index());
}

std::filesystem::path syntheticCache(const BenchOptions& options) {
    const auto file = options.workDir / ("synthetic-" + std::to_string(options.films + options.valFilms) + "-" +
                                         std::to_string(options.side) + ".cache");
    if (std::filesystem::exists(file))
        return file;
    std::filesystem::create_directories(options.workDir);
    const int n = options.films + options.valFilms;
    const int side = options.side;
    std::vector<data::FilmCacheRecord> records(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        records[i].key.path = "/synthetic/film-" + std::to_string(i) + ".jpeg";
        records[i].key.size = static_cast<std::uint64_t>(i);
        records[i].label = (i % 4 == 0) ? 0 : 1;  // 25% NORMAL like Kaggle's 1,341 of 5,216
    }
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(side) * side);
    std::mt19937 rng(7);
    data::writeFilmCache(file, side, records, [&](std::size_t i) {
        // Body brighter than two dark lung fields, noise, and for PNEUMONIA a bright opacity in
        // a random lung: enough structure that the three phases visibly learn.
        std::uniform_int_distribution<int> noise(-12, 12), where(side / 4, 3 * side / 4);
        const int ox = where(rng), oy = where(rng), r = side / 10;
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < side; ++x) {
                int v = 150;
                const double lx = (x - 0.32 * side) / (0.15 * side), rx = (x - 0.68 * side) / (0.15 * side);
                const double ly = (y - 0.48 * side) / (0.30 * side);
                if (lx * lx + ly * ly < 1 || rx * rx + ly * ly < 1)
                    v -= 80;
                if (records[i].label == 1 && (x - ox) * (x - ox) + (y - oy) * (y - oy) < r * r)
                    v += 50;
                v += noise(rng);
                pixels[static_cast<std::size_t>(y) * side + x] = static_cast<std::uint8_t>(std::clamp(v, 0, 255));
            }
        return pixels.data();
    });
    return file;
}

}  // namespace cxr::bench
