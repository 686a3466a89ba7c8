#include "core/workflows/pacs_results.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>

#include <opencv2/imgproc.hpp>

#include "core/common/error.h"
#include "core/diagnosis/heat_map.h"
#include "core/imaging/display.h"
#include "core/imaging/load_film.h"
#include "core/pacs/secondary_capture.h"
#include "core/pacs/structured_report.h"

namespace cxr::workflows {
namespace {

namespace fs = std::filesystem;

// The positive class of the call: classes[1] of a two-class model (the threshold is on its
// probability), otherwise the class of the call.
int positiveIndex(const diagnosis::Diagnosis& d) {
    if (d.classes.size() == 2)
        return 1;
    return std::max(d.labelIndex, 0);
}

std::string fixed(double value, int digits) {
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", digits, value);
    return text;
}

// Hershey fonts draw ASCII only.
std::string ascii(const std::string& text) {
    std::string out;
    for (unsigned char c : text)
        out += (c >= 32 && c < 127) ? static_cast<char>(c) : '?';
    return out;
}

std::vector<std::string> bandLines(const diagnosis::Diagnosis& d, const diagnosis::ModelInfo& model,
                                   const std::string& statement) {
    const int positive = positiveIndex(d);
    const std::string cls = d.classes.empty() ? std::string("?") : d.classes.at(static_cast<size_t>(positive));
    const bool present = d.labelIndex == positive;
    const double p = d.probabilities.empty() ? 0.0 : d.probabilities.at(static_cast<size_t>(positive));
    return {ascii(statement),
            ascii("CXR Studio, " + (model.name.empty() ? std::string("model") : model.name) + ": " + cls +
                  (present ? " present" : " absent") + ", p = " + fixed(p, 3) + " (threshold " +
                  fixed(d.threshold, 3) + ")")};
}

// White text on a black band across the bottom, sized to the picture (the longer line fills at
// most 94% of the width, the letters at most 3% of the height), so it is legible on a
// thumbnail and on a full-size film alike.
int burnInBand(cv::Mat& rgb, const std::vector<std::string>& lines) {
    const int font = cv::FONT_HERSHEY_SIMPLEX;
    int base = 0;
    double widest = 1;
    for (const auto& line : lines)
        widest = std::max(widest, static_cast<double>(cv::getTextSize(line, font, 1.0, 2, &base).width));
    const double unitHeight = cv::getTextSize("Ag", font, 1.0, 2, &base).height;
    double scale = std::min(0.94 * rgb.cols / widest, 0.03 * rgb.rows / unitHeight);
    scale = std::max(scale, 0.3);
    const int thickness = std::max(1, static_cast<int>(std::lround(scale * 1.6)));
    const int lineHeight = static_cast<int>(std::ceil(unitHeight * scale * 1.7));
    const int margin = std::max(2, lineHeight / 3);
    const int bandHeight = std::min(rgb.rows, lineHeight * static_cast<int>(lines.size()) + 2 * margin);
    const int top = rgb.rows - bandHeight;
    cv::rectangle(rgb, cv::Rect(0, top, rgb.cols, bandHeight), cv::Scalar(0, 0, 0), cv::FILLED);
    for (size_t i = 0; i < lines.size(); ++i) {
        const int baseline = top + margin + lineHeight * static_cast<int>(i + 1) - lineHeight / 4;
        cv::putText(rgb, lines[i], cv::Point(margin, baseline), font, scale, cv::Scalar(255, 255, 255), thickness,
                    cv::LINE_AA);
    }
    return top;
}

fs::path freshTempFolder() {
    std::random_device random;
    const fs::path dir = fs::temp_directory_path() / ("cxr-results-" + std::to_string(random()) + std::to_string(random()));
    fs::create_directories(dir);
    return dir;
}

}  // namespace

OverlayPicture makeResultOverlay(const imaging::Film& film, const diagnosis::Diagnosis& diagnosis,
                                 const diagnosis::ModelInfo& model, const ResultsOptions& options) {
    if (!diagnosis.hasCam())
        throw Error(ErrorCode::InvalidInput, "the diagnosis has no class activation map to draw an overlay from");
    if (film.width <= 0 || film.height <= 0)
        throw Error(ErrorCode::InvalidInput, "the film is empty");
    const double shrink = std::min(1.0, static_cast<double>(std::max(options.maxOverlaySide, 64)) /
                                            std::max(film.width, film.height));
    const int width = std::max(1, static_cast<int>(std::lround(film.width * shrink)));
    const int height = std::max(1, static_cast<int>(std::lround(film.height * shrink)));
    std::vector<std::uint8_t> grey = imaging::toDisplay8(film);
    if (width != film.width || height != film.height)
        grey = imaging::resizeGrey8(grey, film.width, film.height, width, height);
    const std::vector<float> heat = diagnosis::heatMapAt(diagnosis, width, height);
    OverlayPicture picture;
    picture.image.width = width;
    picture.image.height = height;
    picture.image.rgb = diagnosis::makeOverlayRgb(grey, heat, width, height, options.overlayStyle);
    cv::Mat rgb(height, width, CV_8UC3, picture.image.rgb.data());  // draws into the vector's bytes
    picture.textTop = burnInBand(rgb, bandLines(diagnosis, model, pacs::kResearchStatement));
    return picture;
}

pacs::AiResult makeAiResult(const imaging::Film& film, const diagnosis::Diagnosis& diagnosis,
                            const diagnosis::ModelInfo& model, const ResultsOptions& options) {
    if (diagnosis.probabilities.empty() || diagnosis.classes.size() != diagnosis.probabilities.size())
        throw Error(ErrorCode::InvalidInput, "the diagnosis has no class probabilities");
    pacs::AiResult r;
    const int positive = positiveIndex(diagnosis);
    r.positiveClass = diagnosis.classes.at(static_cast<size_t>(positive));
    r.probability = diagnosis.probabilities.at(static_cast<size_t>(positive));
    r.findingPresent = diagnosis.labelIndex == positive;
    r.threshold = diagnosis.threshold;
    r.modelName = model.name;
    r.modelSha256 = diagnosis.modelSha256.empty() ? model.sha256 : diagnosis.modelSha256;
    if (diagnosis.hasCam()) {
        // Film fractions (0 = left/top edge) times the stored size: DICOM's image coordinates.
        const diagnosis::CamPeak peak = diagnosis::camPeakOf(diagnosis);
        r.camPeak = pacs::FilmPoint{peak.fx * film.width, peak.fy * film.height};
    }
    if (options.overlay)
        r.overlay = makeResultOverlay(film, diagnosis, model, options).image;
    return r;
}

SentResults sendResults(const pacs::DicomNode& node, const pacs::AssociationSettings& settings,
                        const fs::path& sourceFile, const diagnosis::Diagnosis& diagnosis,
                        const diagnosis::ModelInfo& model, const ResultsOptions& options, const CancelToken* cancel) {
    if (!options.overlay && !options.structuredReport)
        throw Error(ErrorCode::InvalidInput, sourceFile, "neither the report nor the overlay was asked for");
    if (imaging::sniffFormat(sourceFile) != "DICOM")
        throw Error(ErrorCode::InvalidInput, sourceFile,
                    "is not a DICOM file: results go back into the film's study, so the film must come from one");
    const imaging::Film film = imaging::loadFilm(sourceFile);
    SentResults sent;
    sent.result = makeAiResult(film, diagnosis, model, options);
    if (cancel)
        cancel->throwIfCancelled("sending results");

    const bool temporary = options.folder.empty();
    const fs::path folder = temporary ? freshTempFolder() : options.folder;
    struct RemoveAfter {
        fs::path dir;
        ~RemoveAfter() {
            std::error_code ec;
            if (!dir.empty())
                fs::remove_all(dir, ec);
        }
    } cleanup{temporary ? folder : fs::path()};
    if (!temporary) {
        std::error_code ec;
        fs::create_directories(folder, ec);
        if (ec)
            throw Error(ErrorCode::Io, folder, "cannot create the folder: " + ec.message());
    }
    // Files are named by a counter first and renamed to their SOP Instance UID, which is only
    // known once written: no patient data in file names.
    std::vector<fs::path> files;
    auto keep = [&](pacs::DerivedObject object) {
        const fs::path named = folder / (object.sopInstanceUid + ".dcm");
        fs::rename(object.file, named);
        object.file = named;
        files.push_back(named);
        sent.objects.push_back(object);
    };
    // (a random part too: a listener may send several films' results into one folder at once).
    const std::string draft = std::to_string(std::random_device{}());
    if (options.structuredReport)
        keep(pacs::writeStructuredReport(sourceFile, sent.result, folder / ("report-" + draft + ".tmp")));
    if (options.overlay)
        keep(pacs::writeSecondaryCapture(sourceFile, sent.result, folder / ("overlay-" + draft + ".tmp")));
    sent.store = pacs::storeFiles(node, settings, files, cancel);
    if (sent.store.cancelled)
        throw Error(ErrorCode::Cancelled, node.toString() + ": sending the results of " + sourceFile.string() +
                                              " was cancelled");
    for (const auto& f : sent.store.files)
        if (!f.stored)
            throw Error(ErrorCode::Io, f.problem);
    if (temporary)
        for (auto& object : sent.objects)
            object.file.clear();  // removed with the temporary folder
    return sent;
}

}  // namespace cxr::workflows
