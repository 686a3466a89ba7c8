// Data-path throughput: how fast batches reach the network. The GPU path holds the film cache
// on the device and augments there (data::DeviceAugmenter); the CPU path is the product's
// threaded data::BatchLoader plus the copy to the device, on every core of this machine.
#include <algorithm>
#include <cstdio>
#include <numeric>
#include <thread>

#include <ATen/ATen.h>

#include "bench_common.h"
#include "core/data/batch_loader.h"
#include "core/data/device_augmenter.h"
#include "core/data/film_cache.h"

namespace cxr::bench {
namespace {

double augmentEpoch(const data::DeviceAugmenter& augmenter, int batch, const c10::Device& device) {
    const at::Tensor order = augmenter.shuffledPositions();
    const int64_t n = order.size(0);
    augmenter.images(order.narrow(0, 0, std::min<int64_t>(batch, n)));  // warm-up
    synchronize(device);
    const auto start = Clock::now();
    for (int64_t first = 0; first < n; first += batch)
        augmenter.images(order.narrow(0, first, std::min<int64_t>(batch, n - first)));
    synchronize(device);
    return static_cast<double>(n) / secondsSince(start);
}

}  // namespace

void runDataThroughput(const BenchOptions& o, const c10::Device& device, Report& report) {
    std::printf("== data path (film cache %d films at %d², batches of %d at %d²) ==\n", o.films, o.side, o.batch,
                o.imageSize);
    auto start = Clock::now();
    const auto file = syntheticCache(o);
    const auto cache = data::FilmCache::open(file);
    std::printf("  synthetic film cache ready in %.1f s: %s\n", secondsSince(start), file.string().c_str());
    std::vector<std::size_t> indices(static_cast<std::size_t>(o.films));
    std::iota(indices.begin(), indices.end(), 0);

    data::DeviceAugmentOptions augment;
    augment.imageSize = o.imageSize;
    augment.channelsLast = true;
    synchronize(device);
    start = Clock::now();
    auto onDevice = data::DeviceAugmenter::fromCache(cache, indices, device, augment);
    synchronize(device);
    report.add("data", "film cache to device (" + std::to_string(o.films) + " films)", secondsSince(start) * 1000,
               "ms");
    report.add("data", "device augmentation, train (crop/rot/flip/jitter)", augmentEpoch(onDevice, o.batch, device),
               "img/s");
    data::DeviceAugmentOptions plain = augment;
    plain.augment = false;
    auto onDevicePlain = data::DeviceAugmenter::fromCache(cache, indices, device, plain);
    report.add("data", "device resize + normalise, eval", augmentEpoch(onDevicePlain, o.batch, device), "img/s");

    data::BatchLoaderOptions loader;
    loader.batchSize = o.batch;
    loader.imageSize = o.imageSize;
    loader.augment = true;
    loader.shuffle = true;
    loader.workers = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    loader.prefetch = 2 * loader.workers;
    data::BatchLoader cpu(cache, indices, loader);
    cpu.startEpoch(0);
    int batches = 0;
    std::size_t films = 0;
    if (auto first = cpu.next())  // workers started; the first batch pays their start-up
        first->images.to(device);
    start = Clock::now();
    while (batches < o.loaderBatches) {
        auto b = cpu.next();
        if (!b)
            break;
        b->images.to(device);
        films += static_cast<std::size_t>(b->images.size(0));
        ++batches;
    }
    synchronize(device);
    report.add("data", "CPU BatchLoader + copy, " + std::to_string(loader.workers) + " workers",
               static_cast<double>(films) / secondsSince(start), "img/s");
}

}  // namespace cxr::bench
