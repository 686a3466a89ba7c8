#include "core/synth/film_plan.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/synth/synth_random.h"

namespace cxr::synth {
namespace {

// Kaggle (Kermany et al. 2018, v2): train 3875/5216, val 8/16, test 390/624 PNEUMONIA.
double pneumoniaFraction(const std::string& split) {
    if (split == "train") return 0.743;
    if (split == "val") return 0.5;
    return 0.625;
}

int filmsForNextPatient(SynthRandom& rng) {
    const double p = rng.uniform();
    return p < 0.55 ? 1 : p < 0.80 ? 2 : p < 0.92 ? 3 : 4;
}

std::string zeroPad4(int n) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d", n);
    return buf;
}

// std::hash is not specified across standard libraries; FNV-1a is.
std::uint64_t fnv1a(const std::string& text) {
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (const unsigned char c : text) {
        h ^= c;
        h *= 0x100000001B3ULL;
    }
    return h;
}

// Per-set counters so names stay unique across splits, as in the Kaggle set.
struct NameCounters {
    int person = 0;
    int normalPatient = 0;
    int bacteriaImage = 0;
    int virusImage = 0;
};

void planGeometry(FilmPlan& film, const SynthOptions& options, SynthRandom& rng) {
    const int longSide = options.size > 0 ? options.size : rng.uniformInt(1000, 2000);
    const double aspect = rng.uniform(0.74, 0.95);  // short/long: films are never square
    const int shortSide = std::max(16, static_cast<int>(std::lround(longSide * aspect)));
    if (rng.chance(0.55)) {  // portrait
        film.width = shortSide;
        film.height = longSide;
    } else {
        film.width = longSide;
        film.height = shortSide;
    }
}

void planClass(std::vector<FilmPlan>& plans, const std::string& split, bool pneumonia, int count,
               const SynthOptions& options, SynthRandom& rng, NameCounters& names) {
    int left = count;
    while (left > 0) {
        const int films = std::min(left, filmsForNextPatient(rng));
        left -= films;
        std::string patientId, subtype;
        if (pneumonia) {
            names.person += rng.uniformInt(1, 3);
            patientId = "person" + std::to_string(names.person);
            subtype = rng.chance(0.65) ? "bacteria" : "virus";
        } else {
            names.normalPatient += rng.uniformInt(1, 3);
            patientId = (rng.chance(0.5) ? "NORMAL2-IM-" : "IM-") + zeroPad4(names.normalPatient);
        }
        const std::uint64_t patientSeed = SynthRandom::derive(options.seed, fnv1a(patientId));
        for (int k = 0; k < films; ++k) {
            FilmPlan film;
            film.split = split;
            film.className = pneumonia ? kPneumonia : kNormal;
            film.subtype = subtype;
            film.patientId = patientId;
            film.filmOfPatient = k;
            film.patientSeed = patientSeed;
            film.filmSeed = SynthRandom::derive(patientSeed, static_cast<std::uint64_t>(k) + 1);
            const char* ext = options.dicom ? ".dcm" : ".jpeg";
            std::string name;
            if (pneumonia) {
                int& counter = subtype == "bacteria" ? names.bacteriaImage : names.virusImage;
                counter += rng.uniformInt(1, 4);
                name = patientId + "_" + subtype + "_" + std::to_string(counter) + ext;
            } else {
                name = patientId + "-" + zeroPad4(k + 1) + ext;
            }
            film.relativePath = std::filesystem::path(split) / film.className / name;
            planGeometry(film, options, rng);
            plans.push_back(std::move(film));
        }
    }
}

}  // namespace

const std::vector<imaging::DicomSyntax>& synthDicomSyntaxes() {
    using S = imaging::DicomSyntax;
    static const std::vector<S> all{S::ExplicitLittle, S::ImplicitLittle, S::ExplicitBig,
                                    S::Deflated,       S::JpegLossless,   S::JpegLsLossless,
                                    S::Rle,            S::Jpeg2000Lossless, S::Jpeg2000};
    return all;
}

std::vector<FilmPlan> planSyntheticSet(const SynthOptions& options) {
    options.validate();
    SynthRandom rng(SynthRandom::derive(options.seed, 0x504C414EULL));
    NameCounters names;
    std::vector<FilmPlan> plans;
    plans.reserve(static_cast<size_t>(options.train + options.val + options.test));
    for (const auto& [split, count] : {std::pair<std::string, int>{"train", options.train},
                                       {"val", options.val},
                                       {"test", options.test}}) {
        const int pneumonia = static_cast<int>(std::lround(count * pneumoniaFraction(split)));
        planClass(plans, split, false, count - pneumonia, options, rng, names);
        planClass(plans, split, true, pneumonia, options, rng, names);
    }
    const auto& syntaxes = synthDicomSyntaxes();
    for (size_t i = 0; i < plans.size(); ++i) {
        auto& film = plans[i];
        film.index = static_cast<int>(i);
        film.dicom = options.dicom;
        // 9 syntaxes (odd) x 2 photometrics: every pair appears within 18 consecutive films.
        film.syntax = syntaxes[i % syntaxes.size()];
        film.photometric = i % 2 == 0 ? "MONOCHROME2" : "MONOCHROME1";
    }
    return plans;
}

}  // namespace cxr::synth
