// `cxr predict`: the model's call on films, one line (or one JSON object) per film, and colour
// overlays of the class activation map with --cam-dir. Exit status 0 when every film was
// diagnosed, 1 when any failed (each failure on stderr as "cxr: FILE: reason"; the others are
// still processed), 2 on usage errors.
#include <chrono>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>

#include "app/cli/command.h"
#include "app/cli/interrupt.h"
#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/common/json_io.h"
#include "core/common/notice_json.h"
#include "core/diagnosis/diagnoser.h"
#include "core/diagnosis/film_list.h"
#include "core/diagnosis/heat_map.h"
#include "core/diagnosis/overlay.h"
#include "core/diagnosis/overlay_writer.h"
#include "core/imaging/display.h"
#include "core/imaging/load_film.h"
#include "core/model/device.h"
#include "core/records/records_db.h"
#include "core/training/autocast_guard.h"
#include "core/workflows/review_records.h"

namespace cxr::cli {
namespace {

namespace fs = std::filesystem;

struct PredictArgs {
    std::string model;
    std::vector<std::string> inputs;
    std::string camDir;
    std::string camNames = "numbered";
    std::string method = "gradcam";
    std::string layer = "layer4";
    std::string precision = "fp32";
    std::string colormap = "jet";
    double opacity = 0.5;
    std::string device = "auto";
    bool json = false;
    bool noRecord = false;
    bool recordPatientIdentity = false;  // keep DICOM patient name/ID in the records (off: never)
    std::string db;  // records database; empty: RecordsDb::defaultPath()
};

// Where predict's diagnoses are recorded. The records serve the review; they never stop a
// prediction: a database that cannot be opened or written (locked, read-only, from a newer
// version) is reported once on stderr and predict goes on without records.
class PredictRecorder {
public:
    explicit PredictRecorder(const PredictArgs& args) {
        if (args.noRecord) return;
        const fs::path file = args.db.empty() ? records::RecordsDb::defaultPath() : fs::path(args.db);
        m_filmOptions.keepPatientIdentity = args.recordPatientIdentity;
        records::RecordsOptions options;
        options.keepPatientIdentity = args.recordPatientIdentity;
        try {
            m_db = records::RecordsDb::open(file, options);
        } catch (const Error& e) {
            giveUp(e.what());
        }
    }

    void record(const fs::path& file, const diagnosis::Diagnosis& d, const diagnosis::ModelInfo& model,
                const imaging::Film& film) {
        if (!m_db) return;
        try {
            const records::FilmRecord filmRecord = workflows::filmRecordOf(file, &film, m_filmOptions);
            const records::DiagnosisRecord diagnosis = workflows::diagnosisRecordOf(filmRecord.sha256, d, model);
            m_db->batch([&] {
                m_db->recordFilm(filmRecord);
                m_db->recordDiagnosis(diagnosis);
            });
        } catch (const Error& e) {
            giveUp(e.what());
        }
    }

private:
    void giveUp(const std::string& why) {
        std::cerr << "warning: not recording diagnoses: " << why << "\n";
        m_db.reset();
    }
    std::unique_ptr<records::RecordsDb> m_db;
    workflows::FilmRecordOptions m_filmOptions;
};

std::string fixed(double value, int digits) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(digits) << value;
    return out.str();
}

std::string textLine(const std::string& file, const diagnosis::Diagnosis& d) {
    std::ostringstream out;
    out << file << "  " << d.label;
    for (size_t i = 0; i < d.classes.size(); ++i)
        out << "  " << d.classes[i] << "=" << fixed(d.probabilities[i], 4);
    if (!d.warnings.empty()) {
        out << "  warnings:";
        for (size_t i = 0; i < d.warnings.size(); ++i)
            out << (i ? "; " : " ") << englishText(d.warnings[i]);
    }
    return out.str();
}

Json jsonOf(const std::string& file, const diagnosis::Diagnosis& d, const std::string& overlay) {
    Json probabilities = Json::object();
    for (size_t i = 0; i < d.classes.size(); ++i)
        probabilities[d.classes[i]] = d.probabilities[i];
    Json grid = Json::array();
    for (int y = 0; y < d.camGridH; ++y) {
        Json row = Json::array();
        for (int x = 0; x < d.camGridW; ++x)
            row.push_back(std::round(d.camGrid[static_cast<size_t>(y) * d.camGridW + x] * 1e4) / 1e4);
        grid.push_back(row);
    }
    // The sub-cell peak as fractions of the film's width and height: independent of the scale
    // the film was decoded at, so a reader multiplies by the film's own size for pixels.
    Json peak;
    if (d.hasCam()) {
        const diagnosis::CamPeak p = diagnosis::camPeakOf(d);
        peak = {{"x", std::round(p.fx * 1e4) / 1e4}, {"y", std::round(p.fy * 1e4) / 1e4}};
    }
    Json timings = Json::object();
    for (const auto& [stage, ms] : d.timingsMs)
        timings[stage] = std::round(ms * 100) / 100;
    return {{"file", file},
            {"ok", true},
            {"label", d.label},
            {"probabilities", probabilities},
            {"threshold", d.threshold},
            {"temperature", d.temperature},
            {"model_sha256", d.modelSha256},
            {"precision", d.precision},
            {"warnings", englishTexts(d.warnings)},
            {"notices", noticesJson(d.warnings)},
            {"cam_method", d.camMethod},
            {"cam_layer", d.camLayer},
            {"cam_class", d.camTarget >= 0 ? Json(d.classes.at(static_cast<size_t>(d.camTarget))) : Json()},
            {"cam_grid", grid},
            {"cam_peak", peak},
            // The film's decoded size (the model's chain decodes at full resolution).
            {"decoded_width", d.filmWidth},
            {"decoded_height", d.filmHeight},
            {"overlay", overlay.empty() ? Json() : Json(overlay)},
            {"timings_ms", timings}};
}

std::string csvField(const std::string& text) {
    std::string out = "\"";
    for (char c : text)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// DICOM strings need not be UTF-8: replace, never throw.
std::string jsonLine(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

// "overlay-0001.png" in the order the films are processed: film names carry patient numbers
// and names, and overlays are made to be shown. overlays.csv maps the numbers back.
fs::path numberedOverlayPath(const fs::path& dir, std::size_t number) {
    char name[32];
    std::snprintf(name, sizeof name, "overlay-%04zu.png", number);
    return dir / name;
}

// With --cam-names original: "<stem>_cam.png", made unique within the run (films of the same
// name in different folders).
fs::path overlayPath(const fs::path& dir, const fs::path& film, std::set<std::string>& used) {
    const std::string stem = film.stem().string();
    std::string name = stem + "_cam.png";
    for (int n = 2; used.count(name); ++n)
        name = stem + "_" + std::to_string(n) + "_cam.png";
    used.insert(name);
    return dir / name;
}

int runPredict(const PredictArgs& args) {
    diagnosis::DiagnoseOptions options;
    options.method = args.method;
    options.layer = args.layer;
    options.precision = args.precision;
    const bool overlays = !args.camDir.empty();
    // Without --json or --cam-dir nothing shows the map: skip its cost.
    options.explain = overlays || args.json;
    diagnosis::OverlayOptions overlayOptions;
    overlayOptions.colormap = args.colormap;
    overlayOptions.opacity = args.opacity;
    if (overlays) {
        std::error_code ec;
        fs::create_directories(args.camDir, ec);
        if (ec)
            throw Error(ErrorCode::Io, args.camDir, "cannot create the folder: " + ec.message());
    }

    const diagnosis::Diagnoser diagnoser(args.model, args.device);
    for (const auto& note : diagnoser.info().notes)
        std::cerr << "warning: " << englishText(note) << "\n";
    if (const auto slow = training::precisionWarning(args.precision, model::resolveDevice(args.device)))
        std::cerr << "warning: " << englishText(*slow) << "\n";
    std::vector<fs::path> inputs(args.inputs.begin(), args.inputs.end());
    const diagnosis::FilmList list = diagnosis::collectFilms(inputs);
    bool allOk = list.problems.empty();
    for (const auto& problem : list.problems)
        std::cerr << "cxr: " << problem << "\n";

    std::set<std::string> usedNames;
    // overlay,film: which film each numbered overlay shows, written as the overlays are, so an
    // interrupted run still has its key. It names the films: it stays with the user.
    std::string index = "overlay,film\n";
    const bool numbered = args.camNames == "numbered";
    std::size_t overlayCount = 0;
    PredictRecorder recorder(args);
    for (const auto& file : list.files) {
        interruptToken()->throwIfCancelled("prediction");
        const std::string shown = displayPath(file);
        try {
            std::error_code ec;
            if (fs::is_directory(file, ec))
                throw Error(ErrorCode::InvalidInput, file, "is a folder, not a film");
            diagnosis::Diagnosis d;
            std::string overlayFile;
            // One decode serves the model, the overlay and the record (the DICOM identifiers):
            // the chain decodes at full size.
            const auto loadStart = std::chrono::steady_clock::now();
            const imaging::Film film = imaging::loadFilm(file, diagnoser.loadOptions());
            const double loadMs =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - loadStart).count();
            d = diagnoser.diagnose(film, options);
            d.timingsMs["load"] = loadMs;
            d.timingsMs["total"] += loadMs;
            if (overlays) {
                const fs::path out = numbered ? numberedOverlayPath(args.camDir, ++overlayCount)
                                              : overlayPath(args.camDir, file, usedNames);
                const auto rgb = diagnosis::makeOverlayRgb(imaging::toDisplay8(film), d.heatMap, film.width,
                                                           film.height, overlayOptions);
                diagnosis::writeOverlayPng(out, rgb, film.width, film.height);
                overlayFile = displayPath(out);
                if (numbered) {
                    index += csvField(out.filename().string()) + "," + csvField(shown) + "\n";
                    writeFileAtomically(fs::path(args.camDir) / "overlays.csv", index);
                }
            }
            recorder.record(file, d, diagnoser.info(), film);
            if (args.json)
                std::cout << jsonLine(jsonOf(shown, d, overlayFile)) << "\n";
            else
                std::cout << textLine(shown, d) << "\n";
        } catch (const Error& e) {
            if (e.code() == ErrorCode::Cancelled)
                throw;
            allOk = false;
            const std::string message = e.what();
            // cxr::Error messages about a file already start with "FILE: ".
            std::cerr << "cxr: " << (message.rfind(shown + ": ", 0) == 0 ? message : shown + ": " + message) << "\n";
            if (args.json)
                std::cout << jsonLine({{"file", shown}, {"ok", false}, {"error", message}}) << "\n";
        }
        std::cout.flush();
    }
    return allOk ? 0 : 1;
}

const CommandRegistration kPredict(40, [](CLI::App& root, CLI::App*& sub) -> CommandRun {
    sub = root.add_subcommand("predict", "Classify films with a trained model; Grad-CAM overlays");
    sub->description(
        "Run a trained model (a run or export folder, or a seed X_ray_classifier.pth with its "
        "class_to_index.pth beside it) on films or folders of films. One line per film: file, "
        "call at the model's operating threshold, probability of each class, warnings; or one "
        "JSON object per line with --json (including the normalised low-resolution class "
        "activation map). --cam-dir writes a colour overlay PNG per film at film resolution, "
        "numbered (overlay-0001.png, ...) with overlays.csv naming the film of each, so the "
        "pictures carry no film name; --cam-names original names them <film>_cam.png. "
        "Each diagnosis is recorded in the review records (see cxr records; --no-record to skip); a "
        "database that cannot be opened is reported once and prediction goes on without it. "
        "Exit status 0 when every film was diagnosed, 1 when any failed, 2 on usage errors. "
        "Research and teaching only; not a diagnostic device.");
    auto args = std::make_shared<PredictArgs>();
    sub->add_option("MODEL", args->model, "Run or export folder, or seed .pth weights")->required();
    sub->add_option("FILE_OR_FOLDER", args->inputs, "Films, or folders searched for films")->required();
    sub->add_option("--cam-dir", args->camDir, "Write overlay-NNNN.png overlays and overlays.csv into this folder");
    sub->add_option("--cam-names", args->camNames,
                    "Overlay file names: numbered (no film names; overlays.csv maps them) or original "
                    "(<film>_cam.png)")
        ->check(CLI::IsMember({"numbered", "original"}))
        ->capture_default_str();
    sub->add_option("--method", args->method, "Class activation map method")
        ->check(CLI::IsMember({"gradcam", "gradcam++", "layercam"}))
        ->capture_default_str();
    sub->add_option("--layer", args->layer, "Layer the map is taken from")
        ->check(CLI::IsMember({"layer1", "layer2", "layer3", "layer4"}))
        ->capture_default_str();
    sub->add_option("--colormap", args->colormap, "Overlay colour map")
        ->check(CLI::IsMember({"jet", "viridis", "inferno"}))
        ->capture_default_str();
    sub->add_option("--opacity", args->opacity, "Overlay opacity of the colour map")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    sub->add_option("--device", args->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    sub->add_option("--precision", args->precision,
                    "fp32 (the default: probabilities equal the Python model's) or bf16 (autocast: faster on "
                    "CPUs with AVX512-BF16 or AMX and on GPUs, probabilities within a few hundredths)")
        ->check(CLI::IsMember({"fp32", "bf16"}))
        ->capture_default_str();
    sub->add_flag("--json", args->json, "One JSON object per film (JSON Lines)");
    sub->add_flag("--no-record", args->noRecord, "Do not record the diagnoses in the review records");
    sub->add_flag("--record-patient-identity", args->recordPatientIdentity,
                  "Also keep DICOM films' patient name and ID in the review records (never kept without it)")
        ->excludes("--no-record");
    sub->add_option("--db", args->db,
                    "Review records database (default: $CXR_RECORDS_DB, else ~/.local/share/cxr-studio/records.sqlite)");
    return [args] { return runPredict(*args); };
});

}  // namespace
}  // namespace cxr::cli
