#include "core/synth/synthetic_set.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/imaging/film_writer.h"
#include "core/synth/chest_phantom.h"
#include "core/synth/film_encoding.h"
#include "core/synth/film_plan.h"

namespace cxr::synth {
namespace {

namespace fs = std::filesystem;

constexpr int kJpegQuality = 92;
constexpr const char* kMarker = "synth.json";

struct FilmResult {
    std::uint64_t bytes = 0;
    std::vector<OpacityBox> boxes;
};

void prepareRoot(const fs::path& root) {
    std::error_code ec;
    if (fs::exists(root, ec) && !fs::is_directory(root, ec))
        throw Error(ErrorCode::InvalidInput, root, "exists and is not a folder");
    if (fs::is_directory(root, ec) && !fs::is_empty(root, ec)) {
        if (!fs::exists(root / kMarker, ec))
            throw Error(ErrorCode::InvalidInput, root,
                        "folder is not empty and holds no earlier synthetic set (no synth.json); "
                        "choose a new or empty folder");
        // An earlier set: replace it, so films from a larger earlier run do not linger.
        for (const char* entry : {"train", "val", "test", "opacities.csv", "films.csv", kMarker})
            fs::remove_all(root / entry, ec);
    }
    fs::create_directories(root, ec);
    if (ec)
        throw Error(ErrorCode::Io, root, "cannot create the folder: " + ec.message());
}

// After a cancel or a failure: the films written so far go, so the folder is left as it was
// found (empty, or absent when this run created it) and a later run may use it again (a
// non-empty folder without synth.json is refused).
void removePartialSet(const fs::path& root, bool rootCreated) {
    std::error_code ec;
    for (const char* entry : {"train", "val", "test", "opacities.csv", "films.csv", kMarker})
        fs::remove_all(root / entry, ec);
    if (rootCreated && fs::is_empty(root, ec))
        fs::remove(root, ec);
}

FilmResult writeFilm(const fs::path& root, const FilmPlan& plan) {
    const ChestFilm film = renderChestFilm(plan);
    const fs::path path = root / plan.relativePath;
    if (plan.dicom)
        imaging::writeDicom(path, makeDicomImage(plan, film), plan.syntax);
    else
        imaging::writeRaster(path, toGrey8(film), film.width, film.height, kJpegQuality);
    std::error_code ec;
    const auto bytes = fs::file_size(path, ec);
    if (ec)
        throw Error(ErrorCode::Io, path, "written but cannot be read back: " + ec.message());
    return {bytes, film.opacities};
}

// Renders and writes every film on all cores; the calling thread reports progress and watches
// the cancel token. The first failure stops the other workers and is rethrown here.
std::vector<FilmResult> writeFilms(const fs::path& root, const std::vector<FilmPlan>& plans,
                                   ProgressSink* progress, const CancelToken* cancel) {
    std::vector<FilmResult> results(plans.size());
    std::atomic<size_t> next{0}, done{0};
    std::atomic<bool> stop{false};
    std::exception_ptr failure;
    std::mutex failureMutex;
    auto worker = [&] {
        for (size_t i; !stop.load() && (i = next.fetch_add(1)) < plans.size();) {
            try {
                results[i] = writeFilm(root, plans[i]);
                done.fetch_add(1);
            } catch (...) {
                std::lock_guard<std::mutex> lock(failureMutex);
                if (!failure)
                    failure = std::current_exception();
                stop.store(true);
            }
        }
    };
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const size_t workers = std::min<size_t>({cores, 8, plans.size()});
    std::vector<std::thread> threads;
    for (size_t t = 0; t < workers; ++t)
        threads.emplace_back(worker);

    EtaEstimator eta;
    eta.start(plans.size());
    size_t reported = static_cast<size_t>(-1);
    while (true) {
        const size_t now = done.load();
        const bool finished = now == plans.size() || stop.load();
        if (cancel && cancel->isCancelled())
            stop.store(true);
        if (progress && now != reported) {
            progress->onProgress({Notice("stage.writing_synthetic"), now, plans.size(), eta.update(now)});
            reported = now;
        }
        if (finished || stop.load())
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    for (auto& t : threads)
        t.join();
    if (failure)
        std::rethrow_exception(failure);
    if (cancel)
        cancel->throwIfCancelled("writing the synthetic set");
    return results;
}

std::string csvRows(const std::vector<FilmPlan>& plans, const std::vector<FilmResult>& results,
                    bool boxes) {
    std::ostringstream out;
    if (boxes)
        out << "split,class,file,x0,y0,x1,y1\n";
    else
        out << "split,class,subtype,patient,file,width,height,format,photometric,transfer_syntax,opacities\n";
    for (size_t i = 0; i < plans.size(); ++i) {
        const auto& p = plans[i];
        const std::string file = p.relativePath.generic_string();
        if (boxes) {
            for (const auto& b : results[i].boxes)
                out << p.split << ',' << p.className << ',' << file << ',' << b.x0 << ',' << b.y0 << ','
                    << b.x1 << ',' << b.y1 << '\n';
        } else {
            out << p.split << ',' << p.className << ',' << p.subtype << ',' << p.patientId << ',' << file
                << ',' << p.width << ',' << p.height << ',' << (p.dicom ? "DICOM" : "JPEG") << ','
                << (p.dicom ? p.photometric : "MONOCHROME2") << ','
                << (p.dicom ? imaging::dicomSyntaxName(p.syntax) : "") << ',' << results[i].boxes.size()
                << '\n';
        }
    }
    return out.str();
}

}  // namespace

SynthSummary makeSyntheticSet(const fs::path& root, const SynthOptions& options, ProgressSink* progress,
                              const CancelToken* cancel) {
    const auto start = std::chrono::steady_clock::now();
    const std::vector<FilmPlan> plans = planSyntheticSet(options);  // validates the options
    std::error_code existsEc;
    const bool rootCreated = !fs::exists(root, existsEc);
    prepareRoot(root);
    std::set<fs::path> folders;
    for (const auto& p : plans)
        folders.insert(root / p.relativePath.parent_path());
    for (const auto& folder : folders) {
        std::error_code ec;
        fs::create_directories(folder, ec);
        if (ec)
            throw Error(ErrorCode::Io, folder, "cannot create the folder: " + ec.message());
    }

    std::vector<FilmResult> results;
    try {
        results = writeFilms(root, plans, progress, cancel);
    } catch (...) {
        removePartialSet(root, rootCreated);
        throw;
    }

    SynthSummary summary;
    summary.root = root;
    summary.options = options;
    std::map<std::string, std::set<std::string>> patients;
    for (size_t i = 0; i < plans.size(); ++i) {
        const auto& p = plans[i];
        auto& c = summary.splits[p.split];
        (p.pneumonia() ? c.pneumonia : c.normal) += 1;
        c.bacteria += p.subtype == "bacteria";
        c.virus += p.subtype == "virus";
        patients[p.split].insert(p.patientId);
        summary.bytesWritten += results[i].bytes;
        summary.opacityBoxes += static_cast<int>(results[i].boxes.size());
    }
    for (auto& [split, ids] : patients) {
        summary.splits[split].patients = static_cast<int>(ids.size());
        summary.patients += static_cast<int>(ids.size());
    }
    summary.films = static_cast<int>(plans.size());
    summary.opacityCsv = root / "opacities.csv";
    summary.filmCsv = root / "films.csv";
    writeFileAtomically(summary.opacityCsv, csvRows(plans, results, true));
    writeFileAtomically(summary.filmCsv, csvRows(plans, results, false));
    writeJsonFile(root / kMarker, summary.toJson());
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

std::optional<SynthSummary> readSyntheticSetSummary(const fs::path& root) {
    std::error_code ec;
    if (!fs::is_regular_file(root / kMarker, ec))
        return std::nullopt;
    auto summary = SynthSummary::fromJson(readJsonFile(root / kMarker), root);
    summary.reused = true;
    return summary;
}

}  // namespace cxr::synth
