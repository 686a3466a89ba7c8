#pragma once

#include <string>

namespace cxr {

// What keepFreedMemoryForReuse() did, for the log and config.json.
struct AllocatorSettings {
    bool applied = false;  // false: not glibc, or the user set MALLOC_* themselves
    std::string description;
};

// Owns the process's malloc policy for tensor work. glibc hands every block above its mmap
// threshold (at most 32 MiB, dynamically) straight back to the kernel when it is freed, and trims
// the heap's top above 128 KiB; a ResNet18 step at batch 16 allocates and frees activations of up
// to 51 MB many times, so each step faults those pages in again (measured: 2.8 million minor
// faults and half the wall time of a one-epoch-per-phase CPU run). Keeping freed memory in the
// heap for the next step removes that; the price is a resident size that stays at its peak.
// Call once at the start of main, before any thread allocates. Leaves everything as it is when
// MALLOC_MMAP_THRESHOLD_ / MALLOC_TRIM_THRESHOLD_ (or GLIBC_TUNABLES) are set: the user decides.
AllocatorSettings keepFreedMemoryForReuse();

// What this process's last keepFreedMemoryForReuse() did; the malloc defaults when it was never
// called (config.json records it: it decides a CPU run's speed, not its figures).
AllocatorSettings allocatorSettings();

}  // namespace cxr
