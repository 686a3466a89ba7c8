// `cxr info`: decodes films and prints one line (or one JSON object) per film. Exit status 0 when
// every film loaded, 1 when any failed (each failure on stderr as "cxr: FILE: reason").
// Never crashes: every failure, whatever its kind, becomes a failure line.
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/cli/command.h"
#include "core/common/error.h"
#include "core/common/json_io.h"
#include "core/common/notice_json.h"
#include "core/imaging/load_film.h"

namespace cxr::cli {
namespace {

namespace fs = std::filesystem;

struct InfoArgs {
    std::vector<std::string> files;
    bool json = false;
};

std::string number(double value) {
    std::ostringstream out;
    out << std::setprecision(6) << value;
    return out.str();
}

std::string describe(const imaging::Film& film) {
    const auto& m = film.meta;
    std::ostringstream out;
    out << m.format << " " << film.width << "x" << film.height << ", " << m.bitsStored << "-bit";
    if (m.bitsAllocated != m.bitsStored)
        out << " (" << m.bitsAllocated << " allocated)";
    if (m.signedPixels)
        out << " signed";
    out << ", " << (m.photometric.empty() ? "MONOCHROME2" : m.photometric);
    if (!m.transferSyntax.empty())
        out << ", " << m.transferSyntax << " (" << m.transferSyntaxUid << ")";
    out << ", window " << number(film.window.center) << "/" << number(film.window.width) << " ("
        << film.window.source << ")";
    if (!m.modality.empty())
        out << ", " << m.modality;
    for (const auto* field : {&m.viewPosition, &m.bodyPart})
        if (!field->empty())
            out << " " << *field;
    if (film.pixelSpacingRow && film.pixelSpacingCol)
        out << ", spacing " << number(*film.pixelSpacingRow) << "x" << number(*film.pixelSpacingCol) << " mm";
    if (!film.patient.empty())
        out << ", patient identifiers present";
    for (const auto& warning : film.warnings)
        out << "; warning: " << englishText(warning);
    return out.str();
}

Json toJson(const std::string& file, const imaging::Film& film) {
    const auto& m = film.meta;
    Json spacing = nullptr;
    if (film.pixelSpacingRow && film.pixelSpacingCol)
        spacing = Json::array({*film.pixelSpacingRow, *film.pixelSpacingCol});
    return {{"file", file},
            {"ok", true},
            {"format", m.format},
            {"width", film.width},
            {"height", film.height},
            {"bits_stored", m.bitsStored},
            {"bits_allocated", m.bitsAllocated},
            {"signed", m.signedPixels},
            {"photometric", m.photometric},
            {"transfer_syntax", m.transferSyntax},
            {"transfer_syntax_uid", m.transferSyntaxUid},
            {"window", {{"center", film.window.center}, {"width", film.window.width}, {"source", film.window.source}}},
            {"voi_lut", film.voiLut.has_value()},
            {"invert", film.invert},
            {"modality", m.modality},
            {"view_position", m.viewPosition},
            {"body_part", m.bodyPart},
            {"manufacturer", m.manufacturer},
            {"samples_per_pixel", m.samplesPerPixel},
            {"frames", m.frames},
            {"rescale", {{"slope", m.rescaleSlope}, {"intercept", m.rescaleIntercept}}},
            {"pixel_spacing_mm", spacing},
            {"patient_identifiers", !film.patient.empty()},
            {"warnings", englishTexts(film.warnings)},
            {"notices", noticesJson(film.warnings)}};
}

// DICOM strings need not be UTF-8 (Latin-1 names are common): replace, never throw.
std::string jsonLine(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

// Loads one film; on failure returns the reason (without the file name).
std::string loadOne(const std::string& file, imaging::Film& film) {
    const std::string shown = displayPath(file);
    auto reasonOf = [&shown](const std::string& message) {
        // cxr::Error messages about a file start with "FILE: ": keep only the reason.
        return message.rfind(shown + ": ", 0) == 0 ? message.substr(shown.size() + 2) : message;
    };
    try {
        std::error_code ec;
        if (fs::is_directory(file, ec))
            return "is a folder, not a film";
        imaging::LoadOptions options;
        options.readTags = false;
        film = imaging::loadFilm(file, options);
        return {};
    } catch (const Error& e) {
        return reasonOf(e.what());
    } catch (const std::exception& e) {
        return std::string("unexpected error: ") + e.what();
    } catch (...) {
        return "unexpected error";
    }
}

const CommandRegistration kInfo(20, [](CLI::App& root, CLI::App*& sub) -> CommandRun {
    sub = root.add_subcommand("info", "Describe films: size, bits, photometric, transfer syntax, window");
    sub->description(
        "Decode films (DICOM, JPEG, PNG, BMP, TIFF; chosen by content) and print one line per film, "
        "or one JSON object per line with --json. Exit status 0 when every film loaded, 1 when any "
        "failed (reasons on stderr), 2 on usage errors.");
    auto args = std::make_shared<InfoArgs>();
    sub->add_option("FILE", args->files, "Films to describe")->required();
    sub->add_flag("--json", args->json, "One JSON object per film (JSON Lines); failures get \"ok\": false");
    return [args] {
        bool allLoaded = true;
        for (const auto& file : args->files) {
            imaging::Film film;
            const std::string failure = loadOne(file, film);
            if (!failure.empty()) {
                allLoaded = false;
                std::cerr << "cxr: " << displayPath(file) << ": " << failure << "\n";
                if (args->json)
                    std::cout << jsonLine({{"file", displayPath(file)}, {"ok", false}, {"error", failure}}) << "\n";
                continue;
            }
            if (args->json)
                std::cout << jsonLine(toJson(displayPath(file), film)) << "\n";
            else
                std::cout << displayPath(file) << ": " << describe(film) << "\n";
        }
        std::cout.flush();
        return allLoaded ? 0 : 1;
    };
});

}  // namespace
}  // namespace cxr::cli
