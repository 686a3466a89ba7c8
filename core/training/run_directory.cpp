#include "training/run_directory.h"

#include <cstdio>
#include <system_error>
#include <vector>

#include "common/error.h"

namespace cxr::training {

RunDirectory::RunDirectory(std::filesystem::path root) : m_root(std::move(root)) {}

bool RunDirectory::hasRun() const {
    std::error_code ec;
    return std::filesystem::exists(stateFile(), ec);
}

void RunDirectory::create() const {
    std::error_code ec;
    std::filesystem::create_directories(checkpointDir(), ec);
    if (ec)
        throw Error(ErrorCode::Io, m_root, "cannot create the run folder: " + ec.message());
}

namespace {
std::string numbered(int epochsDone, const char* suffix) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "checkpoints/last-%04d%s", epochsDone, suffix);
    return buf;
}
}  // namespace

std::string RunDirectory::lastCheckpointName(int epochsDone) { return numbered(epochsDone, ".pth"); }
std::string RunDirectory::lastOptimizerName(int epochsDone) { return numbered(epochsDone, "-optimizer.pt"); }

void RunDirectory::pruneLastCheckpoints(const std::string& keepWeights, const std::string& keepOptimizer) const {
    std::error_code ec;
    const auto keepA = (m_root / keepWeights).lexically_normal();
    const auto keepB = (m_root / keepOptimizer).lexically_normal();
    std::vector<std::filesystem::path> stale;
    for (std::filesystem::directory_iterator it(checkpointDir(), ec), end; !ec && it != end; it.increment(ec)) {
        const auto path = it->path().lexically_normal();
        if (path.filename().string().rfind("last-", 0) == 0 && path != keepA && path != keepB)
            stale.push_back(path);
    }
    for (const auto& path : stale)
        std::filesystem::remove(path, ec);
}

void RunDirectory::checkStart(bool resume) const {
    if (resume && !hasRun())
        throw Error(ErrorCode::InvalidInput, m_root,
                    "nothing to resume: no state.json here (start a new run without --resume)");
    if (!resume && hasRun())
        throw Error(ErrorCode::InvalidInput, m_root,
                    "already holds a training run; continue it with --resume or choose another --out");
}

}  // namespace cxr::training
