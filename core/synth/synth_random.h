#pragma once
// SynthRandom: the one random source of the synthetic films. A fixed, documented algorithm
// (SplitMix64 + Box-Muller) rather than <random>'s distributions, whose output differs between
// standard libraries: the same seed must give byte-identical films on every build.
#include <cstdint>

namespace cxr::synth {

class SynthRandom {
public:
    explicit SynthRandom(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t next();                      // SplitMix64
    double uniform();                          // [0, 1)
    double uniform(double lo, double hi);      // [lo, hi)
    int uniformInt(int lo, int hi);            // [lo, hi] inclusive
    double normal(double mean = 0, double sd = 1);
    bool chance(double p) { return uniform() < p; }

    // An independent stream for a sub-task (a patient, a film), stable under reordering.
    static std::uint64_t derive(std::uint64_t seed, std::uint64_t salt);

private:
    std::uint64_t m_state;
};

}  // namespace cxr::synth
