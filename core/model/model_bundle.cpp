#include "core/model/model_bundle.h"

#include <ATen/ATen.h>
#include <c10/util/Exception.h>

#include <chrono>
#include <ctime>

#include "core/common/error.h"
#include "core/common/sha256.h"
#include "core/model/class_map.h"
#include "core/model/device.h"
#include "core/model/state_dict.h"

namespace cxr::model {
namespace {

namespace fs = std::filesystem;

constexpr int kFormatVersion = 1;

std::vector<std::string> readClassesBeside(const fs::path& dir) {
    if (fs::exists(dir / kClassMapFileName))
        return classesByIndex(readClassToIndex(dir / kClassMapFileName), displayPath(dir / kClassMapFileName));
    if (fs::exists(dir / kClassMapJsonFileName)) {
        ClassToIndex map;
        const auto json = readJsonFile(dir / kClassMapJsonFileName);
        try {
            map = json.get<ClassToIndex>();
        } catch (const Json::exception&) {
            throw Error(ErrorCode::Model, dir / kClassMapJsonFileName, "is not an object of class name -> index");
        }
        return classesByIndex(map, displayPath(dir / kClassMapJsonFileName));
    }
    throw Error(ErrorCode::NotFound, dir,
                std::string("has no ") + kClassMapFileName + " or " + kClassMapJsonFileName + " beside the weights");
}

void readModelJson(ModelBundle& bundle, const fs::path& jsonPath, fs::path* weights) {
    bundle.meta = readJsonFile(jsonPath);
    const auto& m = bundle.meta;
    try {
        if (!m.is_object())
            throw Error(ErrorCode::Model, jsonPath, "is not a JSON object");
        const auto arch = m.value("architecture", std::string());
        if (arch != "resnet18")
            throw Error(ErrorCode::Unsupported, jsonPath, "describes architecture '" + arch + "'; only resnet18 is supported");
        bundle.classes = m.at("classes").get<std::vector<std::string>>();
        if (m.contains("preprocessing"))
            bundle.preprocess = PreprocessSpec::fromJson(m.at("preprocessing"));
        else
            bundle.preprocess.recorded = false;
        bundle.threshold = m.value("threshold", 0.5);
        bundle.temperature = m.value("temperature", 1.0);
        bundle.pretrained = m.value("pretrained", false);
        if (m.contains("population"))
            bundle.population = Population::fromJson(m.at("population"), displayPath(jsonPath));
        if (m.contains("weights"))
            *weights = jsonPath.parent_path() / m.at("weights").value("file", std::string(kWeightsFileName));
    } catch (const Json::exception& e) {
        throw Error(ErrorCode::Model, jsonPath, std::string("has a missing or mistyped field: ") + e.what());
    }
    if (!(bundle.threshold >= 0.0 && bundle.threshold <= 1.0))
        throw Error(ErrorCode::Model, jsonPath, "threshold must lie in [0, 1]");
    if (!(bundle.temperature > 0.0 && bundle.temperature < 1e3))
        throw Error(ErrorCode::Model, jsonPath, "temperature must be positive");
    if (bundle.classes.empty())
        throw Error(ErrorCode::Model, jsonPath, "lists no classes");
}

}  // namespace

ModelBundle loadModelBundle(const fs::path& runDirOrPth, torch::Device device) {
    ModelBundle bundle;
    bundle.source = runDirOrPth;
    bundle.meta = Json::object();
    if (!fs::exists(runDirOrPth))
        throw Error(ErrorCode::NotFound, runDirOrPth, "does not exist");
    fs::path weights;
    if (fs::is_directory(runDirOrPth)) {
        weights = runDirOrPth / kWeightsFileName;
        if (fs::exists(runDirOrPth / kModelJsonFileName)) {
            readModelJson(bundle, runDirOrPth / kModelJsonFileName, &weights);
            if (fs::exists(runDirOrPth / kClassMapFileName) || fs::exists(runDirOrPth / kClassMapJsonFileName)) {
                if (readClassesBeside(runDirOrPth) != bundle.classes)
                    throw Error(ErrorCode::Model, runDirOrPth, "model.json and the class map disagree on the classes");
            }
        } else {
            if (!fs::exists(weights))
                throw Error(ErrorCode::NotFound, runDirOrPth,
                            std::string("holds no model (no ") + kModelJsonFileName + " or " + kWeightsFileName + ")");
            bundle.classes = readClassesBeside(runDirOrPth);
            bundle.preprocess.recorded = false;
        }
    } else {
        weights = runDirOrPth;
        bundle.preprocess.recorded = false;
        bundle.classes = readClassesBeside(runDirOrPth.parent_path().empty() ? fs::path(".") : runDirOrPth.parent_path());
    }
    if (!fs::exists(weights))
        throw Error(ErrorCode::NotFound, weights, "weights file does not exist");

    bundle.weightsSha256 = sha256File(weights);
    if (bundle.meta.contains("weights") && bundle.meta["weights"].contains("sha256") &&
        bundle.meta["weights"]["sha256"] != bundle.weightsSha256)
        throw Error(ErrorCode::Model, weights, "differs from the weights model.json describes (SHA-256 mismatch)");

    bundle.net = ResNet18(static_cast<int64_t>(bundle.classes.size()));
    loadStateDict(*bundle.net, readStateDict(weights), LoadStateOptions{}, displayPath(weights));
    try {
        bundle.net->to(device);
    } catch (const c10::Error& e) {
        throw Error(ErrorCode::Model, weights, std::string("could not move the model to ") + device.str() + ": " +
                                                   e.what_without_backtrace());
    }
    bundle.net->eval();
    if (const auto note = bundle.preprocess.assumptionNote(bundle.meta.empty(),
                                                           displayPath(bundle.meta.empty() ? weights : bundle.source)))
        bundle.notes.push_back(*note);
    return bundle;
}

void requireClasses(const ModelBundle& bundle, const std::vector<std::string>& expected) {
    if (bundle.classes == expected)
        return;
    auto join = [](const std::vector<std::string>& v) {
        std::string s;
        for (const auto& c : v)
            s += (s.empty() ? "" : ", ") + c;
        return "[" + s + "]";
    };
    throw Error(ErrorCode::Model, bundle.source, "has classes " + join(bundle.classes) + " but " + join(expected) +
                                                     " are needed");
}

void exportModelBundle(const fs::path& dir, ResNet18& net, const std::vector<std::string>& classes,
                       const PreprocessSpec& preprocess, double threshold, double temperature,
                       const Json& trainingConfig, const Json& testMetrics) {
    if (static_cast<int64_t>(classes.size()) != net->numClasses())
        throw Error(ErrorCode::Model, "cannot export: " + std::to_string(classes.size()) + " class names for a network with " +
                                          std::to_string(net->numClasses()) + " outputs");
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw Error(ErrorCode::Io, dir, "cannot create the folder: " + ec.message());
    const auto map = classToIndexOf(classes);
    writeStateDict(dir / kWeightsFileName, stateDictOf(*net));
    writeClassToIndex(dir / kClassMapFileName, map);
    writeJsonFile(dir / kClassMapJsonFileName, Json(map));

    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    // Hospital exports name folders after patients; the population is the bundle's own key.
    Json travellingConfig = trainingConfig;
    Json population;
    if (travellingConfig.is_object()) {
        travellingConfig.erase("dataDir");
        if (travellingConfig.contains("population"))
            population = travellingConfig["population"];
        travellingConfig.erase("population");
    }
    Json meta{
        {"format", "cxr-studio-model"},
        {"formatVersion", kFormatVersion},
        {"architecture", "resnet18"},
        {"numClasses", classes.size()},
        {"classes", classes},
        {"positiveClass", classes.size() > 1 ? classes[1] : classes[0]},
        {"preprocessing", preprocess.toJson()},
        {"threshold", threshold},
        {"temperature", temperature},
        {"pretrained", trainingConfig.is_object() ? trainingConfig.value("pretrained", false) : false},
        // Which ImageNet file the backbone started from (null when trained from scratch).
        {"pretrainedWeights", trainingConfig.is_object() ? trainingConfig.value("pretrainedWeights", Json()) : Json()},
        {"trainingConfig", travellingConfig},
        {"testMetrics", testMetrics},
        {"weights", {{"file", kWeightsFileName}, {"sha256", sha256File(dir / kWeightsFileName)}}},
        {"torchVersion", torchVersion()},
        {"createdUtc", stamp},
        {"intendedUse", "research and teaching only; not a diagnostic device"},
    };
    if (population.is_object() && !population.empty())
        meta["population"] = population;
    writeJsonFile(dir / kModelJsonFileName, meta);
}

ResNet18 makeResNet18(const std::optional<fs::path>& imagenetWeights, int64_t numClasses, bool* pretrainedOut) {
    ResNet18 net(numClasses);
    if (imagenetWeights) {
        LoadStateOptions options;
        options.skipPrefixes = {"fc"};
        loadStateDict(*net, readStateDict(*imagenetWeights), options, displayPath(*imagenetWeights));
    }
    if (pretrainedOut)
        *pretrainedOut = imagenetWeights.has_value();
    return net;
}

}  // namespace cxr::model
