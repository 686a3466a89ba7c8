#pragma once
// The film cache built from a Kaggle-layout JPEG folder (ROOT/train|val/NORMAL|PNEUMONIA), the
// folder the seed pipeline decodes, so the engine's end-to-end figure pays for decoding the same
// films. Two builders:
//   "product"  data::buildFilmCache, the code `cxr train` runs (needs the imaging layer: OpenCV);
//   "libjpeg"  for the LibTorch-only build on a GPU server, which has no OpenCV: the same work
//              with libjpeg-turbo (the decoder OpenCV's JPEG reader wraps) — greyscale decode at
//              the product's DCT scale (1/2..1/8 while the short side stays >= 2 x side), the
//              display window's arithmetic, an area resize to side x side, the product's cache
//              writer — on as many threads as the product's builder uses.
// Which ones a build has: cachedBuilders().
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace cxr::bench {

struct FolderCache {
    std::filesystem::path file;
    std::vector<std::size_t> train, val;  // cache positions of the folder's train and val films
    std::string builder;                  // "product" or "libjpeg"
    int threads = 0;
};

// Builder names this build can run, preferred first; empty when it has neither.
std::vector<std::string> cacheBuilders();

// The product's default number of decoding threads for `cxr train` (2).
int productCacheThreads();

// Throws cxr::Error naming the folder (no train/ or val/ film) or the film that failed.
FolderCache buildFolderCache(const std::filesystem::path& folder, const std::filesystem::path& cacheFile, int side,
                             int threads, const std::string& builder);

}  // namespace cxr::bench
