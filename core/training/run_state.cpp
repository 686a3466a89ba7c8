#include "core/training/run_state.h"

#include <cmath>

#include "core/common/error.h"

namespace cxr::training {

Json RunState::toJson() const {
    // JSON has no infinity: "no best yet" is null.
    Json best = std::isfinite(bestValLoss) ? Json(bestValLoss) : Json(nullptr);
    Json json{{"version", kVersion},
              {"status", status},
              {"phase", phase},
              {"nextEpoch", nextEpoch},
              {"epochsDone", epochsDone},
              {"earlyStopCounter", earlyStopCounter},
              {"lastCheckpoint", lastCheckpoint},
              {"lastOptimizer", lastOptimizer},
              {"bestCheckpoint", bestCheckpoint},
              {"bestValLoss", best},
              {"bestValAccuracy", bestValAccuracy},
              {"bestPhase", bestPhase},
              {"bestEpoch", bestEpoch},
              {"message", message}};
    if (worldSize > 1)
        json["worldSize"] = worldSize;
    return json;
}

RunState RunState::fromJson(const Json& json, const std::string& source) {
    try {
        if (json.at("version").get<int>() != kVersion)
            throw Error(ErrorCode::Corrupt, source + ": unsupported run state version " +
                                                json.at("version").dump());
        RunState s;
        s.status = json.at("status").get<std::string>();
        s.phase = json.at("phase").get<int>();
        s.nextEpoch = json.at("nextEpoch").get<int>();
        s.epochsDone = json.at("epochsDone").get<int>();
        s.earlyStopCounter = json.at("earlyStopCounter").get<int>();
        s.lastCheckpoint = json.at("lastCheckpoint").get<std::string>();
        s.lastOptimizer = json.at("lastOptimizer").get<std::string>();
        s.bestCheckpoint = json.value("bestCheckpoint", "");  // absent in older runs
        const auto& best = json.at("bestValLoss");
        s.bestValLoss = best.is_null() ? std::numeric_limits<double>::infinity() : best.get<double>();
        s.bestValAccuracy = json.at("bestValAccuracy").get<double>();
        s.bestPhase = json.at("bestPhase").get<int>();
        s.bestEpoch = json.at("bestEpoch").get<int>();
        s.message = json.value("message", "");
        s.worldSize = json.value("worldSize", 1);
        if (s.worldSize < 1)
            throw Error(ErrorCode::Corrupt, source + ": world size " + std::to_string(s.worldSize) + " is below 1");
        if (!s.bestCheckpoint.empty() &&
            (s.bestCheckpoint.rfind("checkpoints/", 0) != 0 || s.bestCheckpoint.find("..") != std::string::npos))
            throw Error(ErrorCode::Corrupt, source + ": the best checkpoint must lie in checkpoints/, not '" +
                                                s.bestCheckpoint + "'");
        if (s.phase < 0 || s.nextEpoch < 0 || s.epochsDone < 0)
            throw Error(ErrorCode::Corrupt, source + ": negative phase or epoch");
        return s;
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::Corrupt, source + ": not a run state (" + e.what() + ")");
    }
}

RunState RunState::read(const std::filesystem::path& file) {
    return fromJson(readJsonFile(file), displayPath(file));
}

void RunState::write(const std::filesystem::path& file) const { writeJsonFile(file, toJson()); }

void checkResumeWorldSize(const RunState& state, int worldSize, const std::string& source) {
    if (state.worldSize == worldSize)
        return;
    auto ranks = [](int n) { return n == 1 ? std::string("1 process") : std::to_string(n) + " ranks"; };
    throw Error(ErrorCode::InvalidInput,
                source + ": this run was trained with a world size of " + std::to_string(state.worldSize) + " (" +
                    ranks(state.worldSize) + "), not " + std::to_string(worldSize) + " (" + ranks(worldSize) +
                    "); the epochs' shards and the averaged batch depend on it, so resume it with " +
                    ranks(state.worldSize));
}

}  // namespace cxr::training
