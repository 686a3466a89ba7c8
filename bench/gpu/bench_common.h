#pragma once
// What every section of the GPU benchmark shares: its options, the figures it collects (printed
// as a table last and written as JSON) and device-aware timing.
#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <c10/core/Device.h>

#include "core/common/json_io.h"

namespace cxr::bench {

struct BenchOptions {
    std::string device = "auto";
    std::set<std::string> sections{"step", "data", "full"};
    std::vector<int> batches{32, 64, 128, 256};  // bf16 + channels_last step sweep
    int steps = 10;          // timed steps per phase and configuration (after as many warm-up steps)
    int films = 5216;        // Kaggle's training folder
    int valFilms = 522;      // about the 10% the auto validation policy splits off
    int side = 256;          // film cache working size
    int imageSize = 224;
    int batch = 256;         // data path and full run
    std::vector<int> epochs{5, 5, 10};  // per phase in the full run (the product's defaults)
    int patience = 1000;     // no early stopping: every planned epoch runs and is timed
    int loaderBatches = 20;  // CPU batch loader batches timed
    std::filesystem::path workDir = "gpu-bench-work";
    std::filesystem::path jsonFile;
    // The full run trains on the film cache built from this Kaggle-layout JPEG folder (the one
    // the seed pipeline decodes; its train/ and val/ films) and reports the end-to-end figure
    // with and without that build. Empty: a synthetic cache, no build to count.
    std::filesystem::path jpegFolder;
    int cacheThreads = 0;      // 0: the product's default (folder_cache.h)
    std::string cacheBuilder;  // "product" | "libjpeg"; empty: the first this build has
};

struct Figure {
    std::string section, name;
    double value = 0;
    std::string unit;
};

class Report {
public:
    void add(const std::string& section, const std::string& name, double value, const std::string& unit);
    void note(const std::string& key, const std::string& value) { m_notes[key] = value; }
    const std::vector<Figure>& figures() const { return m_figures; }
    // The figure with this section and name, or -1.
    double find(const std::string& section, const std::string& name) const;
    void printTable() const;
    Json toJson() const;

private:
    std::vector<Figure> m_figures;
    Json m_notes = Json::object();
};

// Waits for queued device work, so host clocks measure it.
void synchronize(const c10::Device& device);

using Clock = std::chrono::steady_clock;
inline double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

void runStepThroughput(const BenchOptions& options, const c10::Device& device, Report& report);
void runDataThroughput(const BenchOptions& options, const c10::Device& device, Report& report);
void runFullTraining(const BenchOptions& options, const c10::Device& device, Report& report);

// A synthetic Kaggle-sized film cache (films + valFilms films at `side`, a quarter NORMAL, the
// PNEUMONIA films with a bright opacity so the task is learnable), written once under workDir.
std::filesystem::path syntheticCache(const BenchOptions& options);

}  // namespace cxr::bench
