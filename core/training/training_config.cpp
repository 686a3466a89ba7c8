#include "core/training/training_config.h"

#include <cmath>

#include "core/common/error.h"

namespace cxr::training {
namespace {

template <typename T>
void readKey(const Json& json, const char* key, T& out) {
    const auto it = json.find(key);
    if (it == json.end() || it->is_null())
        return;
    try {
        out = it->get<T>();
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::InvalidInput,
                    std::string("training config: key '") + key + "' has the wrong type (" + e.what() + ")");
    }
}

[[noreturn]] void bad(const std::string& what) {
    throw Error(ErrorCode::InvalidInput, "training config: " + what);
}

}  // namespace

Json PhaseConfig::toJson() const {
    return Json{{"name", name},         {"trainable", trainable}, {"epochs", epochs},
                {"learningRate", learningRate}, {"stepSize", stepSize}, {"gamma", gamma},
                {"patience", patience}};
}

PhaseConfig PhaseConfig::fromJson(const Json& json) {
    if (!json.is_object())
        bad("a phase must be a JSON object");
    PhaseConfig p;
    readKey(json, "name", p.name);
    readKey(json, "trainable", p.trainable);
    readKey(json, "epochs", p.epochs);
    readKey(json, "learningRate", p.learningRate);
    readKey(json, "stepSize", p.stepSize);
    readKey(json, "gamma", p.gamma);
    readKey(json, "patience", p.patience);
    return p;
}

std::vector<PhaseConfig> TrainingConfig::defaultPhases() {
    PhaseConfig feature{"feature extraction", {"fc"}, 5, 1e-3, 7, 0.1, 3};
    PhaseConfig shallow{"shallow fine-tuning", {"layer4", "fc"}, 5, 5e-4, 7, 0.1, 3};
    PhaseConfig deep{"deep fine-tuning", {}, 10, 1e-4, 7, 0.1, 3};
    return {feature, shallow, deep};
}

void TrainingConfig::resolvePlan(bool pretrained) {
    if (plan == "auto")
        plan = pretrained ? "seed" : "scratch";
    if (plan == "scratch")
        for (auto& p : phases)
            p.trainable.clear();
}

int TrainingConfig::totalEpochs() const {
    int total = 0;
    for (const auto& p : phases)
        total += p.epochs;
    return total;
}

void TrainingConfig::validate() const {
    if (phases.empty())
        bad("at least one phase is needed");
    for (std::size_t i = 0; i < phases.size(); ++i) {
        const auto& p = phases[i];
        const std::string where = "phase " + std::to_string(i + 1) + " ('" + p.name + "'): ";
        if (p.name.empty())
            bad("phase " + std::to_string(i + 1) + " has no name");
        if (p.epochs < 0)
            bad(where + "epochs must be >= 0, got " + std::to_string(p.epochs));
        if (!(p.learningRate > 0) || !std::isfinite(p.learningRate))
            bad(where + "learning rate must be a positive number");
        if (p.stepSize < 1)
            bad(where + "StepLR step size must be >= 1");
        if (!(p.gamma > 0) || p.gamma > 1)
            bad(where + "StepLR gamma must be in (0, 1]");
        if (p.patience < 1)
            bad(where + "patience must be >= 1");
    }
    if (totalEpochs() < 1)
        bad("every phase has 0 epochs: nothing to train");
    if (optimizer != "adam" && optimizer != "sgd")
        bad("optimizer must be 'adam' or 'sgd', got '" + optimizer + "'");
    if (momentum < 0 || momentum >= 1)
        bad("momentum must be in [0, 1)");
    if (weightDecay < 0)
        bad("weight decay must be >= 0");
    if (batchSize < 1 || batchSize > 4096)
        bad("batch size must be in 1..4096, got " + std::to_string(batchSize));
    if (imageSize < 16 || imageSize > 2048)
        bad("image size must be in 16..2048 px, got " + std::to_string(imageSize));
    if (workingSize < imageSize)
        bad("working (cache) size " + std::to_string(workingSize) + " is smaller than the image size " +
            std::to_string(imageSize));
    if (augmentation != "chest" && augmentation != "seed")
        bad("augmentation must be 'chest' or 'seed', got '" + augmentation + "'");
    if (batchNormStats != "running" && batchNormStats != "precise")
        bad("BatchNorm statistics must be 'running' or 'precise', got '" + batchNormStats + "'");
    if (precision != "auto" && precision != "fp32" && precision != "bf16" && precision != "auto-cuda")
        bad("precision must be auto, fp32 or bf16, got '" + precision + "'");
    if (valPolicy != "auto" && valPolicy != "folder")
        bad("val policy must be 'auto' or 'folder', got '" + valPolicy + "'");
    if (!(valFraction > 0 && valFraction < 1))
        bad("val fraction must be in (0, 1)");
    if (classWeighting != "none" && classWeighting != "loss" && classWeighting != "sampler")
        bad("class weighting must be none, loss or sampler, got '" + classWeighting + "'");
    if (minDelta < 0)
        bad("min delta must be >= 0");
    if (earlyStopOn != "phase" && earlyStopOn != "run")
        bad("early stopping must compare with the 'phase' or the 'run' best, got '" + earlyStopOn + "'");
    if (plan != "auto" && plan != "seed" && plan != "scratch")
        bad("plan must be auto, seed or scratch, got '" + plan + "'");
    if (workers < 0 || workers > 64)
        bad("workers must be in 0..64");
    if (threads < 0 || threads > 1024)
        bad("threads must be in 0..1024 (0 = every core)");
}

Json TrainingConfig::toJson() const {
    Json phaseList = Json::array();
    for (const auto& p : phases)
        phaseList.push_back(p.toJson());
    return Json{{"phases", phaseList},
                {"optimizer", optimizer},
                {"momentum", momentum},
                {"weightDecay", weightDecay},
                {"batchSize", batchSize},
                {"imageSize", imageSize},
                {"workingSize", workingSize},
                {"augment", augment},
                {"augmentation", augmentation},
                {"device", device},
                {"precision", precision},
                {"channelsLast", channelsLast},
                {"seed", seed},
                {"valPolicy", valPolicy},
                {"valFraction", valFraction},
                {"classWeighting", classWeighting},
                {"minDelta", minDelta},
                {"earlyStopOn", earlyStopOn},
                {"restoreBestBetweenPhases", restoreBestBetweenPhases},
                {"freezeBatchNorm", freezeBatchNorm},
                {"batchNormStats", batchNormStats},
                {"thresholdRule", thresholdRule},
                {"plan", plan},
                {"deterministic", deterministic},
                {"workers", workers},
                {"threads", threads}};
}

TrainingConfig TrainingConfig::fromJson(const Json& json) {
    if (!json.is_object())
        bad("expected a JSON object");
    TrainingConfig c;
    if (const auto it = json.find("phases"); it != json.end()) {
        if (!it->is_array())
            bad("'phases' must be an array");
        c.phases.clear();
        for (const auto& p : *it)
            c.phases.push_back(PhaseConfig::fromJson(p));
    }
    readKey(json, "optimizer", c.optimizer);
    readKey(json, "momentum", c.momentum);
    readKey(json, "weightDecay", c.weightDecay);
    readKey(json, "batchSize", c.batchSize);
    readKey(json, "imageSize", c.imageSize);
    readKey(json, "workingSize", c.workingSize);
    readKey(json, "augment", c.augment);
    readKey(json, "augmentation", c.augmentation);
    readKey(json, "device", c.device);
    // Configs before "precision" had "amp": auto (bf16 on CUDA only), bf16 or off. Their CPU
    // runs were fp32, and a resumed one must stay so.
    if (json.contains("amp") && !json.contains("precision")) {
        std::string amp;
        readKey(json, "amp", amp);
        c.precision = precisionFromAmp(amp);
    }
    readKey(json, "precision", c.precision);
    readKey(json, "channelsLast", c.channelsLast);
    readKey(json, "seed", c.seed);
    readKey(json, "valPolicy", c.valPolicy);
    readKey(json, "valFraction", c.valFraction);
    readKey(json, "classWeighting", c.classWeighting);
    readKey(json, "minDelta", c.minDelta);
    readKey(json, "earlyStopOn", c.earlyStopOn);
    readKey(json, "restoreBestBetweenPhases", c.restoreBestBetweenPhases);
    readKey(json, "freezeBatchNorm", c.freezeBatchNorm);
    readKey(json, "batchNormStats", c.batchNormStats);
    readKey(json, "thresholdRule", c.thresholdRule);
    readKey(json, "plan", c.plan);
    readKey(json, "workers", c.workers);
    readKey(json, "threads", c.threads);
    readKey(json, "deterministic", c.deterministic);
    return c;
}

std::string precisionFromAmp(const std::string& amp) {
    if (amp == "off")
        return "fp32";
    if (amp == "bf16")
        return "bf16";
    if (amp == "auto")
        return "auto-cuda";
    bad("amp must be auto, bf16 or off, got '" + amp + "'");
}

}  // namespace cxr::training
