#include "core/training/run_directory.h"

#include <cstdio>
#include <system_error>
#include <vector>

#include "core/common/error.h"
#include "core/training/run_state.h"

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
std::string numbered(const char* stem, int epochsDone, const char* suffix) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "checkpoints/%s-%04d%s", stem, epochsDone, suffix);
    return buf;
}

// Removes the files in `folder` whose names start with one of `prefixes`, except `keep`.
void pruneFiles(const std::filesystem::path& folder, const std::vector<std::string>& prefixes,
                const std::vector<std::filesystem::path>& keep) {
    std::error_code ec;
    std::vector<std::filesystem::path> stale;
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const auto path = it->path().lexically_normal();
        const auto name = path.filename().string();
        bool matches = false;
        for (const auto& prefix : prefixes)
            matches = matches || name.rfind(prefix, 0) == 0;
        bool kept = false;
        for (const auto& k : keep)
            kept = kept || path == k;
        if (matches && !kept)
            stale.push_back(path);
    }
    for (const auto& path : stale)
        std::filesystem::remove(path, ec);
}
}  // namespace

std::string RunDirectory::lastCheckpointName(int epochsDone) { return numbered("last", epochsDone, ".pth"); }
std::string RunDirectory::lastOptimizerName(int epochsDone) { return numbered("last", epochsDone, "-optimizer.pt"); }
std::string RunDirectory::bestCheckpointName(int epochsDone) { return numbered("best", epochsDone, ".pth"); }

std::filesystem::path RunDirectory::bestCheckpoint(const RunState& state) const {
    return m_root / (state.bestCheckpoint.empty() ? std::string(kLegacyBestCheckpoint) : state.bestCheckpoint);
}

void RunDirectory::pruneLastCheckpoints(const std::string& keepWeights, const std::string& keepOptimizer) const {
    pruneFiles(checkpointDir(), {"last-"},
               {(m_root / keepWeights).lexically_normal(), (m_root / keepOptimizer).lexically_normal()});
}

void RunDirectory::pruneBestCheckpoints(const std::string& keep) const {
    if (keep.empty())
        return;  // a legacy run: its best.pth is the only best there is
    pruneFiles(checkpointDir(), {"best-", "best.pth"}, {(m_root / keep).lexically_normal()});
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
