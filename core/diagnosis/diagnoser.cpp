#include "core/diagnosis/diagnoser.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <ATen/ATen.h>
#include <c10/core/GradMode.h>

#include "core/common/error.h"
#include "core/data/film_preprocessor.h"
#include "core/diagnosis/domain_checks.h"
#include "core/diagnosis/heat_map.h"
#include "core/evaluation/call_rule.h"
#include "core/explain/cam_method.h"
#include "core/explain/grad_cam.h"
#include "core/model/device.h"
#include "core/model/model_bundle.h"
#include "core/training/autocast_guard.h"

namespace cxr::diagnosis {
namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::vector<float> toVector(const at::Tensor& t) {
    const at::Tensor c = t.detach().to(at::kCPU, at::kFloat).contiguous();
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

std::string modelName(const model::ModelBundle& bundle) {
    if (bundle.meta.is_object() && bundle.meta.contains("name") && bundle.meta["name"].is_string())
        return bundle.meta["name"].get<std::string>();
    const auto& source = bundle.source;
    return source.has_filename() ? source.filename().string() : source.parent_path().filename().string();
}

// The call: for two classes P(classes[1]) at or above the threshold (evaluation's callsPositive,
// the rule the threshold was chosen and the test report counted with), otherwise the most
// probable class.
int callOf(const std::vector<double>& probabilities, double threshold) {
    if (probabilities.size() == 2)
        return evaluation::callsPositive(probabilities[1], threshold) ? 1 : 0;
    return static_cast<int>(std::max_element(probabilities.begin(), probabilities.end()) - probabilities.begin());
}

std::vector<double> softmax(const std::vector<double>& logits, double temperature) {
    // Two classes: P(positive) exactly as evaluation computes it from the same logits, so a film
    // whose probability equals the threshold there is not a rounding step below it here.
    if (logits.size() == 2) {
        const double positive = evaluation::positiveProbability(logits[0], logits[1], temperature);
        return {evaluation::positiveProbability(logits[1], logits[0], temperature), positive};
    }
    std::vector<double> p(logits.size());
    const double top = *std::max_element(logits.begin(), logits.end()) / temperature;
    double sum = 0;
    for (size_t i = 0; i < logits.size(); ++i)
        sum += p[i] = std::exp(logits[i] / temperature - top);
    for (double& v : p)
        v /= sum;
    return p;
}

}  // namespace

struct Diagnoser::Impl {
    model::ModelBundle bundle;
    data::FilmPreprocessor preprocessor;
    ModelInfo info;
    at::Device device{at::kCPU};
};

Diagnoser::Diagnoser(const std::filesystem::path& modelPath, const std::string& device)
    : m_impl(std::make_unique<Impl>()) {
    model::initTorchThreads();
    const std::string resolved = model::resolveDevice(device);
    try {
        m_impl->device = at::Device(resolved);
        m_impl->bundle = model::loadModelBundle(modelPath, m_impl->device);
        m_impl->bundle.net->eval();
        // Inference only: frozen parameters keep every graph down to the activations.
        for (auto& p : m_impl->bundle.net->parameters())
            p.requires_grad_(false);
    } catch (const c10::Error& e) {
        const std::string what = e.what_without_backtrace();
        throw Error(ErrorCode::Model, modelPath, "could not load the model: " + what.substr(0, what.find('\n')));
    }
    const model::ModelBundle& b = m_impl->bundle;
    if (b.classes.size() < 2)
        throw Error(ErrorCode::Model, modelPath, "the model has fewer than two classes");
    ModelInfo& info = m_impl->info;
    info.name = modelName(b);
    info.sha256 = b.weightsSha256;
    info.device = resolved;
    info.classes = b.classes;
    info.threshold = b.threshold;
    info.temperature = b.temperature;
    info.imageSize = b.preprocess.imageSize;
    info.resize = b.preprocess.resize;
    info.preprocessing = b.preprocess.describe();
    info.notes = b.notes;
    m_impl->preprocessor = data::FilmPreprocessor(b.preprocess);
    info.pretrained = b.pretrained;
    info.source = b.source;
}

Diagnoser::~Diagnoser() = default;
Diagnoser::Diagnoser(Diagnoser&&) noexcept = default;
Diagnoser& Diagnoser::operator=(Diagnoser&&) noexcept = default;

const ModelInfo& Diagnoser::info() const { return m_impl->info; }

imaging::LoadOptions Diagnoser::loadOptions() const { return m_impl->preprocessor.loadOptions(); }

Diagnosis Diagnoser::diagnoseFile(const std::filesystem::path& file, const DiagnoseOptions& options) const {
    const auto start = Clock::now();
    const imaging::Film film = imaging::loadFilm(file, loadOptions());
    const double loadMs = msSince(start);
    Diagnosis d = diagnose(film, options);
    d.timingsMs["load"] = loadMs;
    d.timingsMs["total"] += loadMs;
    return d;
}

Diagnosis Diagnoser::diagnose(const imaging::Film& film, const DiagnoseOptions& options) const {
    model::initTorchThreads();
    const auto start = Clock::now();
    // LibTorch's forward() is not const; in eval mode it only reads the network.
    model::ModelBundle& b = m_impl->bundle;
    const model::PreprocessSpec& spec = b.preprocess;
    const int size = spec.imageSize;
    // The same chain as the film cache behind `cxr evaluate` and training's test split; it
    // refuses films without pixels or decoded at a reduced scale.
    const std::vector<std::uint8_t> square = m_impl->preprocessor.toGrey8(film);
    if (options.explain && options.targetClass >= static_cast<int>(b.classes.size()))
        throw Error(ErrorCode::InvalidInput, "target class " + std::to_string(options.targetClass) +
                                                 " does not exist: the model has " +
                                                 std::to_string(b.classes.size()) + " classes");
    const explain::CamMethod method = explain::parseCamMethod(options.method);
    if (options.precision != "fp32" && options.precision != "bf16")
        throw Error(ErrorCode::InvalidInput, "precision must be fp32 or bf16, got '" + options.precision + "'");

    Diagnosis d;
    d.classes = b.classes;
    d.threshold = b.threshold;
    d.temperature = b.temperature;
    d.modelSha256 = b.weightsSha256;
    d.precision = options.precision;
    d.filmWidth = film.width;
    d.filmHeight = film.height;
    d.warnings = outOfDomainWarnings(film, size, b.population.age);
    d.geometry = inputGeometryFor(spec.resize, size, film.width, film.height);

    const at::Tensor input = model::grey8ToInput(square.data(), size, spec).to(m_impl->device);
    d.timingsMs["preprocess"] = msSince(start);

    try {
        const training::AutocastGuard autocast(options.precision == "bf16", m_impl->device.is_cuda());
        if (!options.explain) {
            const auto forwardStart = Clock::now();
            c10::NoGradGuard noGrad;
            const at::Tensor logits = b.net->forward(input).to(at::kCPU, at::kDouble);
            d.logits.assign(logits.data_ptr<double>(), logits.data_ptr<double>() + logits.size(1));
            d.timingsMs["forward"] = msSince(forwardStart);
        } else {
            explain::CamOptions cam;
            cam.method = method;
            cam.layer = options.layer;
            const double threshold = b.threshold;
            const double temperature = b.temperature;
            const int target = options.targetClass;
            cam.chooseTargets = [threshold, temperature, target](const at::Tensor& logits) {
                if (target >= 0)
                    return std::vector<int64_t>{target};
                const at::Tensor l = logits.to(at::kCPU, at::kDouble).contiguous();
                const std::vector<double> values(l.data_ptr<double>(), l.data_ptr<double>() + l.size(1));
                return std::vector<int64_t>{callOf(softmax(values, temperature), threshold)};
            };
            const explain::CamResult r = explain::computeCam(explain::splitNetworkOf(*b.net), input, cam);
            const at::Tensor logits = r.logits.to(at::kCPU, at::kDouble).contiguous();
            d.logits.assign(logits.data_ptr<double>(), logits.data_ptr<double>() + logits.size(1));
            d.timingsMs["forward"] = r.forwardMs;
            const auto copyStart = Clock::now();
            d.camMethod = explain::camMethodName(method);
            d.camLayer = options.layer;
            d.camTarget = static_cast<int>(r.targets.at(0));
            d.camGridH = static_cast<int>(r.grid.size(1));
            d.camGridW = static_cast<int>(r.grid.size(2));
            d.camGrid = toVector(r.grid[0]);
            d.inputMap = toVector(r.map[0]);
            d.inputMapSize = size;
            d.geometry.mapShiftX = receptiveFieldShift(size, d.camGridW);
            d.geometry.mapShiftY = receptiveFieldShift(size, d.camGridH);
            d.timingsMs["cam"] = r.camMs + msSince(copyStart);
        }
    } catch (const c10::Error& e) {
        const std::string what = e.what_without_backtrace();
        throw Error(ErrorCode::Model, "the model failed on this film: " + what.substr(0, what.find('\n')));
    }

    d.probabilities = softmax(d.logits, b.temperature);
    d.labelIndex = callOf(d.probabilities, b.threshold);
    d.label = b.classes.at(static_cast<size_t>(d.labelIndex));

    if (d.hasCam()) {
        const auto resampleStart = Clock::now();
        d.heatW = options.heatWidth > 0 ? options.heatWidth : film.width;
        d.heatH = options.heatHeight > 0 ? options.heatHeight : film.height;
        d.heatMap = mapToFilm(d.inputMap, d.geometry, d.heatW, d.heatH);
        d.timingsMs["resample"] = msSince(resampleStart);
    }
    d.timingsMs["total"] = msSince(start);
    return d;
}

}  // namespace cxr::diagnosis
