#include "core/synth/synth_random.h"

#include <cmath>

namespace cxr::synth {

std::uint64_t SynthRandom::next() {
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

double SynthRandom::uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

double SynthRandom::uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

int SynthRandom::uniformInt(int lo, int hi) {
    const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo + 1);
    return lo + static_cast<int>(next() % span);
}

double SynthRandom::normal(double mean, double sd) {
    // Box-Muller without caching the second value keeps the stream position predictable.
    const double u1 = 1.0 - uniform();  // (0, 1]
    const double u2 = uniform();
    return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

std::uint64_t SynthRandom::derive(std::uint64_t seed, std::uint64_t salt) {
    SynthRandom r(seed ^ (salt * 0xD1B54A32D192ED03ULL));
    r.next();
    return r.next();
}

}  // namespace cxr::synth
