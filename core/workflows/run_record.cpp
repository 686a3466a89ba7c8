#include "core/workflows/run_record.h"

#include "core/common/error.h"
#include "core/common/json_io.h"
#include "core/common/sha256.h"

namespace fs = std::filesystem;

namespace cxr::workflows {

records::RunRecord runRecordOf(const fs::path& runDir) {
    records::RunRecord run;
    run.folder = fs::absolute(runDir).lexically_normal().string();
    if (!run.folder.empty() && run.folder.back() == '/' && run.folder.size() > 1)
        run.folder.pop_back();

    const fs::path configFile = runDir / "config.json";
    const Json config = readJsonFile(configFile);
    if (!config.contains("training") || !config["training"].is_object())
        throw Error(ErrorCode::InvalidInput, configFile, "has no training configuration to identify the run by");
    // nlohmann's objects keep their keys sorted: equal configurations dump to equal text.
    run.configHash = sha256Hex(config["training"].dump());

    const fs::path modelFile = runDir / "model.json";
    const Json model = readJsonFile(modelFile);
    if (model.contains("weights") && model["weights"].is_object())
        run.modelSha256 = model["weights"].value("sha256", std::string());
    if (run.modelSha256.empty())
        throw Error(ErrorCode::InvalidInput, modelFile, "names no weights SHA-256");

    const fs::path evaluationFile = runDir / "evaluation.json";
    const Json evaluation = readJsonFile(evaluationFile);
    if (!evaluation.contains("test") || !evaluation["test"].is_object())
        throw Error(ErrorCode::InvalidInput, evaluationFile, "has no test figures");
    Json figures = evaluation["test"];
    figures.erase("roc");  // hundreds of points on a real test split; the run folder keeps them
    if (evaluation.contains("threshold") && evaluation["threshold"].is_object())
        figures["threshold"] = evaluation["threshold"];
    run.testFiguresJson = figures.dump();
    return run;
}

RunRecording recordFinishedRun(const fs::path& runDir, const fs::path& dbFile) {
    RunRecording out;
    try {
        const records::RunRecord run = runRecordOf(runDir);
        const auto db = records::RecordsDb::open(dbFile.empty() ? records::RecordsDb::defaultPath() : dbFile);
        out.id = db->recordRun(run);
    } catch (const std::exception& e) {
        out.problem = e.what();
    }
    return out;
}

}  // namespace cxr::workflows
