#include "folder_cache.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <mutex>
#include <thread>

#include "core/common/error.h"
#include "core/data/film_cache.h"
#include "core/data/film_cache_writer.h"

#if CXR_BENCH_PRODUCT_CACHE
#include "core/data/dataset_index.h"
#include "core/data/film_cache_builder.h"
#include "core/workflows/train_workflow.h"
#endif
#if CXR_BENCH_LIBJPEG
#include <jpeglib.h>
#endif

namespace fs = std::filesystem;

namespace cxr::bench {
namespace {

#if CXR_BENCH_PRODUCT_CACHE
FolderCache productBuild(const fs::path& folder, const fs::path& cacheFile, int side, int threads) {
    data::ScanOptions scan;
    scan.requiredSplits = {"train", "val"};
    scan.splits = {"train", "val"};
    const auto index = data::DatasetIndex::scan(folder, scan);
    const auto train = index.entries("train"), val = index.entries("val");
    std::vector<data::FilmEntry> films = train;
    films.insert(films.end(), val.begin(), val.end());
    data::FilmCacheBuildOptions options;
    options.workingSize = side;
    options.threads = threads;
    data::buildFilmCache(films, cacheFile, options);
    const auto cache = data::FilmCache::open(cacheFile);
    FolderCache out;
    out.file = cacheFile;
    out.train = cache.indicesOf(train);
    out.val = cache.indicesOf(val);
    out.builder = "product";
    out.threads = threads;
    return out;
}
#endif

#if CXR_BENCH_LIBJPEG
struct JpegError {
    jpeg_error_mgr manager;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX] = {};
};

void onJpegError(j_common_ptr info) {
    auto* error = reinterpret_cast<JpegError*>(info->err);
    (*info->err->format_message)(info, error->message);
    std::longjmp(error->jump, 1);
}

// Whether the product's cache builder decodes JPEGs at a reduced DCT scale. Keep this in step
// with the product's preprocessing chain (model::PreprocessSpec "decode": "full", applied by
// data::FilmPreprocessor): it decodes at full resolution, so this stand-in does too.
constexpr bool kReducedDecode = false;

// Greyscale decode at the product's DCT scale. No C++ object is created between setjmp and a
// longjmp.
std::vector<std::uint8_t> decodeJpeg(const fs::path& path, int side, int& width, int& height) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorCode::NotFound, path, "cannot open");
    const std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::uint8_t> grey;
    jpeg_decompress_struct info;
    JpegError error;
    info.err = jpeg_std_error(&error.manager);
    error.manager.error_exit = onJpegError;
    if (setjmp(error.jump)) {
        jpeg_destroy_decompress(&info);
        throw Error(ErrorCode::Corrupt, path, std::string("not a readable JPEG: ") + error.message);
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, bytes.data(), static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&info, TRUE);
    const auto shortSide = static_cast<int>(std::min(info.image_width, info.image_height));
    unsigned factor = 1;
    for (unsigned f : {8u, 4u, 2u})
        if (kReducedDecode && shortSide / static_cast<int>(f) >= 2 * side) {
            factor = f;
            break;
        }
    info.out_color_space = JCS_GRAYSCALE;
    info.scale_num = 1;
    info.scale_denom = factor;
    jpeg_start_decompress(&info);
    width = static_cast<int>(info.output_width);
    height = static_cast<int>(info.output_height);
    grey.resize(static_cast<std::size_t>(width) * height);
    while (info.output_scanline < info.output_height) {
        JSAMPROW row = grey.data() + static_cast<std::size_t>(info.output_scanline) * width;
        jpeg_read_scanlines(&info, &row, 1);
    }
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    return grey;
}

// Area weights of one axis (what OpenCV's INTER_AREA does when shrinking): output cell i covers
// source [i * scale, (i + 1) * scale), each source pixel weighted by its overlap.
struct Tap {
    int out, in;
    float weight;
};
std::vector<Tap> areaTaps(int inSize, int outSize) {
    std::vector<Tap> taps;
    const double scale = static_cast<double>(inSize) / outSize;
    for (int o = 0; o < outSize; ++o) {
        const double from = o * scale, to = std::min<double>(inSize, (o + 1) * scale);
        for (int i = static_cast<int>(std::floor(from)); i < to; ++i) {
            const double overlap = std::min<double>(i + 1, to) - std::max<double>(i, from);
            if (overlap > 1e-9)
                taps.push_back({o, i, static_cast<float>(overlap / scale)});
        }
    }
    return taps;
}

std::vector<std::uint8_t> libjpegFilm(const fs::path& path, int side) {
    int width = 0, height = 0;
    const std::vector<std::uint8_t> decoded = decodeJpeg(path, side, width, height);
    // The film as the product holds it (float levels), then its full-range display window
    // (center 127.5, width 255: imaging::toDisplay8), as the product's builder computes them.
    std::vector<float> levels(decoded.begin(), decoded.end());
    std::vector<float> display(levels.size());
    for (std::size_t i = 0; i < levels.size(); ++i)
        display[i] = static_cast<float>(std::clamp(std::round((levels[i] - 0.0) * (255.0 / 255.0)), 0.0, 255.0));
    // Area resize to side x side: rows first, then columns.
    const auto tx = areaTaps(width, side), ty = areaTaps(height, side);
    std::vector<float> rows(static_cast<std::size_t>(side) * height, 0.0f);
    for (int y = 0; y < height; ++y) {
        const float* src = display.data() + static_cast<std::size_t>(y) * width;
        float* dst = rows.data() + static_cast<std::size_t>(y) * side;
        for (const Tap& t : tx)
            dst[t.out] += t.weight * src[t.in];
    }
    std::vector<float> out(static_cast<std::size_t>(side) * side, 0.0f);
    for (const Tap& t : ty) {
        const float* src = rows.data() + static_cast<std::size_t>(t.in) * side;
        float* dst = out.data() + static_cast<std::size_t>(t.out) * side;
        for (int x = 0; x < side; ++x)
            dst[x] += t.weight * src[x];
    }
    std::vector<std::uint8_t> pixels(out.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        pixels[i] = static_cast<std::uint8_t>(std::clamp(std::lround(out[i]), 0L, 255L));
    return pixels;
}

// ROOT/<split>/<class>/<film>.jp(e)g, classes in byte order (ImageFolder's labels), films by name.
std::vector<std::pair<fs::path, int>> jpegFilms(const fs::path& folder, const std::string& split) {
    const fs::path dir = folder / split;
    if (!fs::is_directory(dir))
        throw Error(ErrorCode::NotFound, dir, "is not a folder (a Kaggle-layout JPEG folder is needed)");
    std::vector<std::string> classes;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_directory())
            classes.push_back(e.path().filename().string());
    std::sort(classes.begin(), classes.end());
    std::vector<std::pair<fs::path, int>> films;
    for (std::size_t c = 0; c < classes.size(); ++c) {
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(dir / classes[c])) {
            auto ext = e.path().extension().string();
            std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return std::tolower(ch); });
            if (e.is_regular_file() && (ext == ".jpeg" || ext == ".jpg"))
                files.push_back(e.path());
        }
        std::sort(files.begin(), files.end());
        for (auto& f : files)
            films.emplace_back(std::move(f), static_cast<int>(c));
    }
    if (films.empty())
        throw Error(ErrorCode::InvalidInput, dir, "holds no JPEG film");
    return films;
}

FolderCache libjpegBuild(const fs::path& folder, const fs::path& cacheFile, int side, int threads) {
    auto films = jpegFilms(folder, "train");
    const std::size_t trainCount = films.size();
    const auto val = jpegFilms(folder, "val");
    films.insert(films.end(), val.begin(), val.end());

    std::vector<std::vector<std::uint8_t>> pixels(films.size());
    std::atomic<std::size_t> next{0};
    std::mutex mutex;
    std::string failure;
    auto worker = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < films.size();) {
            try {
                pixels[i] = libjpegFilm(films[i].first, side);
            } catch (const std::exception& e) {
                std::lock_guard<std::mutex> lock(mutex);
                if (failure.empty())
                    failure = e.what();
                next = films.size();
            }
        }
    };
    std::vector<std::thread> pool;
    for (int t = 0; t < std::max(1, threads); ++t)
        pool.emplace_back(worker);
    for (auto& t : pool)
        t.join();
    if (!failure.empty())
        throw Error(ErrorCode::Corrupt, failure);

    std::vector<data::FilmCacheRecord> records(films.size());
    for (std::size_t i = 0; i < films.size(); ++i) {
        records[i].key = data::currentSourceKey(films[i].first);
        records[i].label = films[i].second;
    }
    data::writeFilmCache(cacheFile, side, records, [&](std::size_t i) { return pixels[i].data(); });
    FolderCache out;
    out.file = cacheFile;
    for (std::size_t i = 0; i < films.size(); ++i)
        (i < trainCount ? out.train : out.val).push_back(i);
    out.builder = "libjpeg";
    out.threads = std::max(1, threads);
    return out;
}
#endif

}  // namespace

std::vector<std::string> cacheBuilders() {
    std::vector<std::string> names;
#if CXR_BENCH_PRODUCT_CACHE
    names.push_back("product");
#endif
#if CXR_BENCH_LIBJPEG
    names.push_back("libjpeg");
#endif
    return names;
}

int productCacheThreads() {
#if CXR_BENCH_PRODUCT_CACHE
    data::FilmCacheBuildOptions options;
    options.threads = workflows::TrainFolderOptions{}.cacheThreads;
    return data::decodingThreads(options);
#else
    // workflows::TrainFolderOptions::cacheThreads (0: every core), which this build does not link
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
#endif
}

FolderCache buildFolderCache(const fs::path& folder, const fs::path& cacheFile, int side, int threads,
                             const std::string& builder) {
    std::error_code ec;
    fs::create_directories(cacheFile.parent_path(), ec);
    fs::remove(cacheFile, ec);  // every film is decoded: no reuse of an earlier build
#if CXR_BENCH_PRODUCT_CACHE
    if (builder == "product")
        return productBuild(folder, cacheFile, side, threads);
#endif
#if CXR_BENCH_LIBJPEG
    if (builder == "libjpeg")
        return libjpegBuild(folder, cacheFile, side, threads);
#endif
    (void)folder, (void)side, (void)threads;
    std::string have;
    for (const auto& b : cacheBuilders())
        have += (have.empty() ? "" : ", ") + b;
    throw Error(ErrorCode::InvalidInput, "this build of cxr_gpu_bench has no '" + builder +
                                             "' film cache builder (it has: " + (have.empty() ? "none" : have) + ")");
}

}  // namespace cxr::bench
