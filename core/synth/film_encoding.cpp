#include "core/synth/film_encoding.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/synth/synth_random.h"

namespace cxr::synth {
namespace {

std::string uidFrom(std::uint64_t seed, std::uint64_t salt) {
    // 2.25.<integer>: the UID form that needs no registered root (ISO/IEC 9834-8).
    return "2.25." + std::to_string(SynthRandom::derive(seed, salt));
}

std::string date(int year, int month, int day) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, month, day);
    return buf;
}

}  // namespace

std::vector<std::uint16_t> toStored12(const ChestFilm& film, const std::string& photometric) {
    const bool inverted = photometric == "MONOCHROME1";
    std::vector<std::uint16_t> stored(film.intensity.size());
    std::transform(film.intensity.begin(), film.intensity.end(), stored.begin(), [inverted](float v) {
        // 150..3950 of 0..4095, like a detector that never quite saturates.
        const auto s = static_cast<int>(std::lround(150.0 + 3800.0 * std::clamp(v, 0.0f, 1.0f)));
        return static_cast<std::uint16_t>(inverted ? 4095 - s : s);
    });
    return stored;
}

StoredWindow percentileStoredWindow(std::vector<std::uint16_t> stored) {
    StoredWindow w;
    if (stored.empty())
        return w;
    const size_t lo = stored.size() / 100, hi = stored.size() - 1 - stored.size() / 100;
    std::nth_element(stored.begin(), stored.begin() + static_cast<long>(lo), stored.end());
    const double p1 = stored[lo];
    std::nth_element(stored.begin(), stored.begin() + static_cast<long>(hi), stored.end());
    const double p99 = stored[hi];
    w.center = std::round((p1 + p99) / 2);
    w.width = std::max(2.0, std::round(p99 - p1 + 1));
    return w;
}

std::vector<std::uint8_t> toGrey8(const ChestFilm& film) {
    const std::vector<std::uint16_t> stored = toStored12(film, "MONOCHROME2");
    const StoredWindow w = percentileStoredWindow(stored);
    // The same arithmetic as the viewer's window (imaging::toDisplay8).
    const double low = w.center - w.width / 2.0, scale = 255.0 / w.width;
    std::vector<std::uint8_t> grey(stored.size());
    std::transform(stored.begin(), stored.end(), grey.begin(), [&](std::uint16_t s) {
        return static_cast<std::uint8_t>(std::clamp(std::round((s - low) * scale), 0.0, 255.0));
    });
    return grey;
}

imaging::DicomImage makeDicomImage(const FilmPlan& plan, const ChestFilm& film) {
    imaging::DicomImage image;
    image.width = film.width;
    image.height = film.height;
    image.bitsStored = kSynthBitsStored;
    image.photometric = plan.photometric;
    image.pixels = toStored12(film, plan.photometric);
    if ((plan.index / 2) % 3 != 2) {
        const StoredWindow w = percentileStoredWindow(image.pixels);
        image.windowCenter = w.center;
        image.windowWidth = w.width;
    }
    image.pixelSpacing = std::round(430.0 / std::max(film.width, film.height) * 1000.0) / 1000.0;

    SynthRandom rng(SynthRandom::derive(plan.patientSeed, 0x44494342ULL));
    image.meta.modality = "DX";
    image.meta.bodyPart = "CHEST";
    image.meta.viewPosition = rng.chance(0.7) ? "PA" : "AP";
    image.meta.manufacturer = "CXR Studio Synthetic";
    auto& p = image.patient;
    p.name = "SYNTHETIC^" + plan.patientId;
    p.id = "SYN-" + plan.patientId;
    p.sex = rng.chance(0.5) ? "M" : "F";
    p.birthDate = date(rng.uniformInt(2010, 2016), rng.uniformInt(1, 12), rng.uniformInt(1, 28));
    p.studyDate = date(2017, rng.uniformInt(1, 12), 1 + (rng.uniformInt(0, 26) + plan.filmOfPatient) % 28);
    p.accessionNumber = "ACC" + std::to_string(100000 + plan.index);
    p.studyDescription = "CHEST " + image.meta.viewPosition;
    p.institution = "Synthetic Children's Hospital";
    p.studyInstanceUid = uidFrom(plan.filmSeed, 0x5354);
    p.seriesInstanceUid = uidFrom(plan.filmSeed, 0x5345);
    p.sopInstanceUid = uidFrom(plan.filmSeed, 0x534F);
    return image;
}

}  // namespace cxr::synth
