#include "core/training/trainer.h"

#include <chrono>
#include <cmath>

#include <ATen/Parallel.h>
#include <c10/util/Exception.h>
#include <torch/types.h>

#include "core/common/error.h"
#include "core/common/fault_point.h"
#include "core/common/logging.h"
#include "core/model/device.h"
#include "core/model/state_dict.h"
#include "core/training/autocast_guard.h"
#include "core/training/batchnorm_recalibration.h"
#include "core/training/early_stopping.h"
#include "core/training/metrics_log.h"
#include "core/training/optimizer_factory.h"
#include "core/training/run_eta.h"
#include "core/training/step_lr.h"
#include "core/training/step_settings.h"
#include "core/training/distributed/gradient_reducer.h"
#include "core/training/distributed/process_group.h"

namespace cxr::training {
namespace {

// Films the precise BatchNorm pass sees per epoch: enough for stable statistics (about a
// thousand), a small share of an epoch on the full Kaggle set (5,216 films).
constexpr std::size_t kRecalibrationFilms = 1024;

int epochsBefore(const TrainingConfig& config, int phase) {
    int n = 0;
    for (int p = 0; p < phase; ++p)
        n += config.phases[static_cast<std::size_t>(p)].epochs;
    return n;
}

std::size_t countScalars(const std::vector<at::Tensor>& tensors) {
    std::size_t n = 0;
    for (const auto& t : tensors)
        n += static_cast<std::size_t>(t.numel());
    return n;
}

// Rebuilds per-phase results of a resumed run from its metrics rows.
std::vector<PhaseResult> phasesFromHistory(const TrainingConfig& config, const std::vector<EpochResult>& rows) {
    std::vector<PhaseResult> out;
    for (std::size_t p = 0; p < config.phases.size(); ++p) {
        PhaseResult r{static_cast<int>(p), config.phases[p].name, 0, false, Notice()};
        for (const auto& row : rows)
            if (row.phase == static_cast<int>(p)) {
                r.epochsRun += 1;
                r.earlyStopped = stopsEarly(row.earlyStopCounter, row.patience, row.epoch, config.phases[p].epochs);
                if (r.earlyStopped)
                    r.stopReason = earlyStopReason(config, row.patience);
            }
        out.push_back(r);
    }
    return out;
}

// Throws Cancelled on every rank when any rank's cancel token is set (Ctrl-C, or the launcher
// forwarding SIGINT/SIGTERM), naming the ranks that were told: a collective, so every rank must
// call it at the same point.
void throwIfAnyRankCancelled(dist::ProcessGroup& group, bool mine, const std::string& where) {
    std::vector<double> flags(static_cast<std::size_t>(group.worldSize()), 0.0);
    flags[static_cast<std::size_t>(group.rank())] = mine ? 1.0 : 0.0;
    const auto all = group.allReduceSum(flags);
    std::string ranks;
    int told = 0;
    for (std::size_t r = 0; r < all.size(); ++r)
        if (all[r] > 0)
            ranks += (told++ ? ", " : "") + std::to_string(r);
    if (told > 0)
        throw Error(ErrorCode::Cancelled, "training cancelled " + where + ": " + (told > 1 ? "ranks " : "rank ") +
                                              ranks + (told > 1 ? " were" : " was") +
                                              " asked to stop; every rank stopped there");
}

}  // namespace

Trainer::Trainer(TrainingConfig config, RunDirectory runDir, TrainingObserver* observer, const CancelToken* cancel)
    : m_config(std::move(config)), m_runDir(std::move(runDir)), m_observer(observer), m_cancel(cancel) {}

TrainingResult Trainer::run(model::ResNet18& net, BatchSource& train, BatchSource& val, const TrainerSetup& setup) {
    try {
        return runPhases(net, train, val, setup);
    } catch (const Error& e) {
        if (m_observer)
            m_observer->onRunFailed(e.what(), e.code() == ErrorCode::Cancelled);
        throw;
    } catch (const c10::Error& e) {
        const Error err(ErrorCode::Training, std::string("LibTorch failed during training: ") + e.what_without_backtrace());
        if (m_observer)
            m_observer->onRunFailed(err.what(), false);
        throw err;
    }
}

void Trainer::loadWeights(model::ResNet18& net, const std::filesystem::path& file) const {
    // Ranks other than 0 need no copy of rank 0's files: they receive the weights.
    if (writesRunDirectory())
        model::loadStateDict(*net, model::readStateDict(file, m_settings.device), {}, displayPath(file));
    broadcastWeights(net);
}

bool Trainer::writesRunDirectory() const { return !m_group || m_group->rank() == 0; }

void Trainer::broadcastWeights(model::ResNet18& net) const {
    if (!m_group)
        return;
    std::vector<at::Tensor> tensors;
    for (const auto& p : net->parameters())
        tensors.push_back(p.data());
    for (const auto& b : net->buffers())
        tensors.push_back(b);
    m_group->broadcastFromRankZero(tensors);
}

void Trainer::restoreStartWeights(model::ResNet18& net, const RunState& state, bool resumed) const {
    if (!resumed)
        return;
    // Mid-phase: continue from the last finished epoch. At a phase boundary: the best weights
    // when configured (as an uninterrupted run would), else the last epoch's.
    if (state.nextEpoch > 0 || !m_config.restoreBestBetweenPhases || !state.hasBest()) {
        if (state.hasLast())
            loadWeights(net, m_runDir.root() / state.lastCheckpoint);
    } else {
        loadWeights(net, m_runDir.bestCheckpoint(state));
    }
}

TrainingResult Trainer::runPhases(model::ResNet18& net, BatchSource& train, BatchSource& val,
                                  const TrainerSetup& setup) {
    using Clock = std::chrono::steady_clock;
    const auto runStart = Clock::now();
    m_config.validate();
    model::initTorchThreads();
    if (m_config.threads > 0)
        at::set_num_threads(m_config.threads);
    m_device = model::resolveDevice(m_config.device);
    m_settings = stepSettingsFor(m_config, m_device);
    prepareDeviceForTraining(m_settings);
    if (!setup.classWeights.empty())
        m_settings.classWeights = torch::tensor(setup.classWeights, torch::kDouble)
                                      .to(m_settings.device, at::kFloat);

    m_group = setup.group;
    const int worldSize = m_group ? m_group->worldSize() : 1;
    const bool writer = writesRunDirectory();
    if (writer) {
        m_runDir.checkStart(setup.resume);
        m_runDir.create();
    }
    RunState state = setup.resume ? RunState::read(m_runDir.stateFile()) : RunState{};
    if (setup.resume)
        checkResumeWorldSize(state, worldSize, displayPath(m_runDir.stateFile()));
    state.worldSize = worldSize;
    // Averages the gradients during the backward as its buckets fill; it lives as long as this run
    // (its hooks go with it; a backward on the net after the run is averaged after it instead).
    std::shared_ptr<dist::GradientReducer> reducer;
    if (m_group) {
        dist::ProcessGroup* group = m_group;
        reducer = std::make_shared<dist::GradientReducer>(*group);
        m_settings.afterBackward = [group, weak = std::weak_ptr<dist::GradientReducer>(reducer)](model::ResNet18& n) {
            if (const auto r = weak.lock())
                r->finish(n->parameters());
            else
                group->averageParameterGradients(n->parameters());
        };
        m_settings.agreeNonFinite = [group](bool mine) { return group->allReduceSum({mine ? 1.0 : 0.0})[0] > 0; };
        m_settings.agreeCancel = [group](bool mine, std::size_t batch) {
            throwIfAnyRankCancelled(*group, mine, "after batch " + std::to_string(batch));
        };
    }
    MetricsLog metrics = setup.resume ? MetricsLog::read(m_runDir.metricsFile()) : MetricsLog{};
    if (metrics.size() < static_cast<std::size_t>(state.epochsDone))
        throw Error(ErrorCode::Corrupt, m_runDir.metricsFile(),
                    "has " + std::to_string(metrics.size()) + " epochs but state.json counts " +
                        std::to_string(state.epochsDone));
    metrics.truncate(static_cast<std::size_t>(state.epochsDone));  // drop a row a kill left ahead of the state
    if (writer)
        metrics.write(m_runDir.metricsFile());
    if (state.phase > static_cast<int>(m_config.phases.size()))
        throw Error(ErrorCode::Corrupt, m_runDir.stateFile(), "names a phase the config does not have");

    if (state.status == "failed")
        state.status = "running";  // a resumed failure gets another try from where it stood
    net->setFreezeBatchNormStats(m_config.freezeBatchNorm);
    net->to(m_settings.device);
    if (m_settings.channelsLast)
        model::toChannelsLast(*net);
    restoreStartWeights(net, state, setup.resume);
    broadcastWeights(net);  // every rank starts from rank 0's weights
    if (setup.resume && writer)
        m_runDir.pruneBestCheckpoints(state.bestCheckpoint);  // one a kill left before its state

    TrainingResult result;
    result.history = metrics.rows();
    result.phases = phasesFromHistory(m_config, result.history);
    if (m_observer) {
        RunStartInfo info;
        info.config = m_config;
        info.device = m_device;
        info.deviceDescription = model::deviceDescription(m_device);
        info.precision = precisionDescription(m_settings.amp ? "bf16" : "fp32", m_device);
        info.trainFilms = train.size();
        info.valFilms = val.size();
        info.worldSize = worldSize;
        info.classes = setup.classes;
        info.resumed = setup.resume;
        info.startPhase = state.phase;
        info.startEpoch = state.nextEpoch;
        info.totalEpochs = m_config.totalEpochs();
        m_observer->onRunStarted(info);
    }

    RunEta eta(m_config, train.size(), val.size());
    const int phaseCount = static_cast<int>(m_config.phases.size());
    bool firstPhase = true;
    for (int p = state.phase; p < phaseCount; ++p) {
        const PhaseConfig& phase = m_config.phases[static_cast<std::size_t>(p)];
        const bool midPhaseResume = firstPhase && setup.resume && state.nextEpoch > 0;
        if (!firstPhase && state.hasBest() && m_config.restoreBestBetweenPhases)
            loadWeights(net, m_runDir.bestCheckpoint(state));
        firstPhase = false;
        PhaseResult& phaseResult = result.phases[static_cast<std::size_t>(p)];
        phaseResult.stopReason = Notice("phase.completed");
        if (state.nextEpoch >= phase.epochs) {  // a phase with 0 epochs, or a config edited by hand
            state.phase = p + 1;
            state.nextEpoch = 0;
            continue;
        }

        net->setTrainable(phase.trainable);
        if (reducer)
            reducer->prepare(net->parameters());  // this phase's trainable set, hooked before its first step
        auto parameters = net->trainableParameters();
        const double firstLr = phaseLr(phase, state.nextEpoch);
        auto optimizer = makeOptimizer(m_config, parameters, firstLr);
        if (midPhaseResume && !state.lastOptimizer.empty())
            loadOptimizerState(*optimizer, m_runDir.root() / state.lastOptimizer, m_settings.device);
        if (m_observer)
            m_observer->onPhaseStarted(PhaseInfo{p, phaseCount, phase.name, phase.trainable, phase.epochs,
                                                 phase.learningRate, countScalars(parameters)});

        for (int e = state.nextEpoch; e < phase.epochs; ++e) {
            const auto epochStart = Clock::now();
            const double lr = phaseLr(phase, e);
            setLearningRate(*optimizer, lr);
            eta.startEpoch(p, e);
            if (m_observer)
                m_observer->onEpochStarted(EpochInfo{p, phase.name, e, phase.epochs, lr, train.batchesPerEpoch()});

            const auto onBatch = [&](const BatchProgress& b) {
                if (!m_observer)
                    return;
                BatchInfo info{p, e, b.batch, b.batches, b.loss, b.runningLoss, b.runningAccuracy, b.samples,
                               b.imagesPerSecond, eta.update(b.samples, 0)};
                m_observer->onBatch(info);
            };
            const EpochStats stats = trainEpoch(net, *optimizer, train, epochsBefore(m_config, p) + e, m_settings,
                                                onBatch, m_cancel);
            Notice nonFinite = stats.nonFinite ? stats.message : Notice();
            LossAccuracy valStats;
            if (nonFinite.empty()) {
                // Ranks stop together: agreed here, and validation does not stop on one alone.
                const CancelToken* localCancel = m_group ? nullptr : m_cancel;
                if (m_group)
                    throwIfAnyRankCancelled(*m_group, m_cancel && m_cancel->isCancelled(),
                                            "before validation of epoch " + std::to_string(e + 1));
                if (m_config.batchNormStats == "precise")
                    recalibrateBatchNorm(net, train, epochsBefore(m_config, p) + e, inferenceSettings(m_settings),
                                         kRecalibrationFilms, localCancel);
                // DDP's default: rank 0's BatchNorm buffers, so every rank scores the same net.
                broadcastWeights(net);
                const auto output = runInference(
                    net, val, inferenceSettings(m_settings),
                    [&](std::size_t done, std::size_t total) {
                        if (m_observer)
                            m_observer->onValidationProgress(done, total);
                    },
                    localCancel);
                // Each rank scored its own share of the validation films (FilmSetLoader::valShard);
                // the sums over every rank give every rank the same figures of the whole set, so
                // early stopping, the best checkpoint and the schedule decide alike everywhere.
                LossSums sums = lossSums(output, m_settings.classWeights);
                if (m_group)
                    sums = LossSums::fromVector(m_group->allReduceSum(sums.toVector()));
                valStats = fromSums(sums);
                if (!std::isfinite(valStats.loss))
                    nonFinite = Notice("training.val_loss_non_finite").number("value", valStats.loss, 4);
            }
            if (!nonFinite.empty()) {
                // Nothing of this epoch is saved; the phase ends and the next one starts from
                // the best weights, which must exist.
                const Notice notice = nonFinite.integer("phase", p + 1).text("name", phase.name);
                const std::string message = englishText(notice);
                logger()->info("{}", message);  // the observer shows it
                result.warnings.push_back(notice);
                if (m_observer)
                    m_observer->onWarning(notice);
                phaseResult.stopReason = Notice("phase.non_finite_loss");
                state.phase = p + 1;
                state.nextEpoch = 0;
                state.earlyStopCounter = 0;
                state.message = message;
                if (!state.hasBest()) {
                    state.status = "failed";
                    if (writer)
                        state.write(m_runDir.stateFile());
                    throw Error(ErrorCode::Training, message + " (no checkpoint had been saved yet)");
                }
                if (writer)
                    state.write(m_runDir.stateFile());
                if (!m_config.restoreBestBetweenPhases)
                    loadWeights(net, m_runDir.bestCheckpoint(state));
                break;
            }

            EpochResult row;
            row.phase = p;
            row.phaseName = phase.name;
            row.epoch = e;
            row.learningRate = lr;
            row.trainLoss = stats.loss;
            row.trainAccuracy = stats.accuracy;
            if (m_group) {  // the epoch's figures over every rank's shard
                const auto n = static_cast<double>(stats.samples);
                const auto sums = m_group->allReduceSum({stats.loss * n, stats.accuracy * n, n});
                row.trainLoss = sums[0] / sums[2];
                row.trainAccuracy = sums[1] / sums[2];
            }
            row.valLoss = valStats.loss;
            row.valAccuracy = valStats.accuracy;
            row.patience = phase.patience;
            // The checkpoint follows the run's best; early stopping compares with the phase's
            // or the run's best, as configured.
            const double earlyStopBar = earlyStopReference(m_config, p, result.history, state.bestValLoss);
            row.best = improves(valStats.loss, state.bestValLoss, m_config.minDelta);
            state.earlyStopCounter = improves(valStats.loss, earlyStopBar, m_config.minDelta) ? 0 : state.earlyStopCounter + 1;
            row.earlyStopCounter = state.earlyStopCounter;
            row.seconds = std::chrono::duration<double>(Clock::now() - epochStart).count();
            const bool earlyStop = stopsEarly(state.earlyStopCounter, phase.patience, e, phase.epochs);

            // Every file under a name no state has pointed at yet — the best weights, the
            // last weights and optimizer — then metrics, then the state that names them, then
            // pruning: a kill anywhere leaves a state whose files are on disk and are the
            // weights of the epochs it records.
            const int done = state.epochsDone + 1;
            if (row.best) {
                const auto bestWeights = RunDirectory::bestCheckpointName(done);
                if (writer) {
                    model::writeStateDict(m_runDir.root() / bestWeights, model::stateDictOf(*net));
                    faultPoint("best-checkpoint");
                }
                state.bestCheckpoint = bestWeights;
                state.bestValLoss = valStats.loss;
                state.bestValAccuracy = valStats.accuracy;
                state.bestPhase = p;
                state.bestEpoch = e;
            }
            const auto lastWeights = RunDirectory::lastCheckpointName(done);
            const auto lastOptimizer = RunDirectory::lastOptimizerName(done);
            if (writer) {
                model::writeStateDict(m_runDir.root() / lastWeights, model::stateDictOf(*net));
                faultPoint("last-checkpoint");
                saveOptimizerState(*optimizer, m_runDir.root() / lastOptimizer);
                faultPoint("optimizer");
            }
            metrics.append(row);
            if (writer) {
                metrics.write(m_runDir.metricsFile());
                faultPoint("metrics");
            }
            state.epochsDone = done;
            state.lastCheckpoint = lastWeights;
            state.lastOptimizer = lastOptimizer;
            state.nextEpoch = e + 1;
            if (earlyStop || e + 1 == phase.epochs) {
                state.phase = p + 1;
                state.nextEpoch = 0;
                state.earlyStopCounter = 0;
            }
            if (writer) {
                state.write(m_runDir.stateFile());
                faultPoint("state");
                m_runDir.pruneLastCheckpoints(lastWeights, lastOptimizer);
                m_runDir.pruneBestCheckpoints(state.bestCheckpoint);
                faultPoint("prune");
            }

            phaseResult.epochsRun += 1;
            if (earlyStop)
                eta.skipRestOfPhase(p);
            row.etaSeconds = eta.update(train.size(), val.size());
            result.history.push_back(row);
            if (m_observer) {
                if (row.best)
                    m_observer->onNewBest(BestCheckpointInfo{p, phase.name, e, row.valLoss, row.valAccuracy,
                                                             m_runDir.bestCheckpoint(state).string()});
                m_observer->onEpochFinished(row);
            }
            if (earlyStop) {
                phaseResult.earlyStopped = true;
                phaseResult.stopReason = earlyStopReason(m_config, phase.patience);
                break;
            }
        }
        if (m_observer)
            m_observer->onPhaseFinished(phaseResult);
    }

    if (!state.hasBest())
        throw Error(ErrorCode::Training, "no epoch finished with a finite validation loss: nothing to keep");
    loadWeights(net, m_runDir.bestCheckpoint(state));
    net->eval();
    if (state.status == "running")
        state.status = "trained";
    state.phase = phaseCount;
    state.nextEpoch = 0;
    if (writer)
        state.write(m_runDir.stateFile());

    result.completed = true;
    result.best = BestCheckpointInfo{state.bestPhase,
                                     m_config.phases[static_cast<std::size_t>(state.bestPhase)].name,
                                     state.bestEpoch,
                                     state.bestValLoss,
                                     state.bestValAccuracy,
                                     m_runDir.bestCheckpoint(state).string()};
    result.seconds = std::chrono::duration<double>(Clock::now() - runStart).count();
    if (m_observer)
        m_observer->onRunFinished(result);
    return result;
}

}  // namespace cxr::training
