// `cxr train`: three-phase fine-tuning of ResNet18 on a Kaggle-layout folder into a run folder.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/cli/command.h"
#include "app/cli/interrupt.h"
#include "core/common/error.h"
#include "core/common/json_io.h"
#include "core/common/logging.h"
#include "core/common/population.h"
#include "core/training/distributed/dist_env.h"
#include "core/training/distributed/process_group.h"
#include "core/training/run_directory.h"
#include "core/training/training_config.h"
#include "core/workflows/console_training_observer.h"
#include "core/workflows/rank_device.h"
#include "core/workflows/train_workflow.h"

namespace cxr::cli {
namespace {

struct TrainArgs {
    std::string data, out, config, weights, cache, populationAge, population;
    std::string device, valPolicy, optimizer, classWeighting, thresholdRule, amp, plan, earlyStopOn;
    std::string augmentation, bnStats, precision;
    std::string recordsDb;  // empty: RecordsDb::defaultPath()
    std::string distBackend;
    bool noRecord = false;
    int epochs = 0, batch = 0, imageSize = 0, patience = 0, stepSize = 0, workers = -1, threads = 0;
    std::vector<int> phaseEpochs;
    std::vector<double> lr;
    double gamma = 0, weightDecay = -1;
    std::uint64_t seed = 0;
    bool seedGiven = false, resume = false, noAugment = false, freezeBn = false, deterministic = false;
};

// Applies the command-line options over a base config (defaults or --config FILE).
training::TrainingConfig buildConfig(const TrainArgs& a, CLI::App* sub) {
    training::TrainingConfig c;
    if (!a.config.empty()) {
        // A run's config.json holds the training config under "training"; a bare one is it.
        const Json stored = readJsonFile(a.config);
        c = training::TrainingConfig::fromJson(stored.contains("training") ? stored.at("training") : stored);
    }
    auto given = [sub](const char* name) { return sub->count(name) > 0; };
    if (given("--epochs"))
        for (auto& p : c.phases)
            p.epochs = a.epochs;
    if (given("--phase-epochs")) {
        if (a.phaseEpochs.size() != c.phases.size())
            throw Error(ErrorCode::InvalidInput, "--phase-epochs needs one value per phase (" +
                                                     std::to_string(c.phases.size()) + ")");
        for (std::size_t i = 0; i < c.phases.size(); ++i)
            c.phases[i].epochs = a.phaseEpochs[i];
    }
    if (given("--lr")) {
        if (a.lr.size() != c.phases.size())
            throw Error(ErrorCode::InvalidInput, "--lr needs one value per phase (" + std::to_string(c.phases.size()) + ")");
        for (std::size_t i = 0; i < c.phases.size(); ++i)
            c.phases[i].learningRate = a.lr[i];
    }
    for (auto& p : c.phases) {
        if (given("--patience"))
            p.patience = a.patience;
        if (given("--step-size"))
            p.stepSize = a.stepSize;
        if (given("--gamma"))
            p.gamma = a.gamma;
    }
    if (given("--batch"))
        c.batchSize = a.batch;
    if (given("--image-size")) {
        c.imageSize = a.imageSize;
        c.workingSize = std::max(c.workingSize, a.imageSize);
    }
    if (given("--device"))
        c.device = a.device;
    if (given("--val-policy"))
        c.valPolicy = a.valPolicy;
    if (given("--seed"))
        c.seed = a.seed;
    if (given("--optimizer"))
        c.optimizer = a.optimizer;
    if (given("--weight-decay"))
        c.weightDecay = a.weightDecay;
    if (given("--class-weighting"))
        c.classWeighting = a.classWeighting;
    if (given("--threshold-rule"))
        c.thresholdRule = a.thresholdRule;
    if (given("--amp") && given("--precision"))
        throw Error(ErrorCode::InvalidInput, "--amp is the old name of --precision: give one of them");
    if (given("--amp"))  // the old option: off, bf16, or auto = bf16 on CUDA only
        c.precision = training::precisionFromAmp(a.amp);
    if (given("--precision"))
        c.precision = a.precision;
    if (given("--plan"))
        c.plan = a.plan;
    if (given("--early-stop-on"))
        c.earlyStopOn = a.earlyStopOn;
    if (given("--workers"))
        c.workers = a.workers;
    if (given("--threads"))
        c.threads = a.threads;
    if (given("--augmentation"))
        c.augmentation = a.augmentation;
    if (given("--bn-stats"))
        c.batchNormStats = a.bnStats;
    if (a.noAugment)
        c.augment = false;
    if (a.freezeBn)
        c.freezeBatchNorm = true;
    if (a.deterministic)
        c.deterministic = true;
    c.validate();
    return c;
}

const CommandRegistration kTrain(20, [](CLI::App& root, CLI::App*& sub) -> CommandRun {
    sub = root.add_subcommand("train", "Train the pneumonia classifier (ResNet18, three-phase fine-tuning)");
    sub->description(
        "Train ResNet18 on DATA (train|val|test/<CLASS>/ folders) in three phases — feature extraction "
        "(fc, lr 1e-3), shallow fine-tuning (layer4 + fc, 5e-4), deep fine-tuning (all, 1e-4) — with "
        "early stopping on validation loss, StepLR and the best checkpoint across phases; then evaluate "
        "on the untouched test split and export the model into RUN. Ctrl-C stops cleanly; --resume "
        "continues at the last finished epoch. The finished run is recorded in the review records "
        "(folder, config hash, model SHA-256, test figures; --no-record to skip); a database that cannot be "
        "written is reported and the training still succeeds.");
    auto a = std::make_shared<TrainArgs>();
    sub->add_option("DATA", a->data, "Data folder (Kaggle chest_xray layout)")->required();
    sub->add_option("--out", a->out, "Run folder (created; holds checkpoints, metrics, model)")->required();
    sub->add_option("--config", a->config, "Training config JSON (a run's config.json 'training' or a full config)");
    sub->add_option("--weights", a->weights, "torchvision resnet18 ImageNet weights (.pth); without: from scratch");
    sub->add_option("--device", a->device, "auto, cpu, cuda or cuda:N");
    sub->add_option("--epochs", a->epochs, "Epochs in every phase")->check(CLI::Range(0, 1000));
    sub->add_option("--phase-epochs", a->phaseEpochs, "Epochs per phase, e.g. 5,5,10")->delimiter(',');
    sub->add_option("--lr", a->lr, "Learning rate per phase, e.g. 1e-3,5e-4,1e-4")->delimiter(',');
    sub->add_option("--patience", a->patience, "Early-stopping patience (epochs) in every phase")->check(CLI::Range(1, 1000));
    sub->add_option("--early-stop-on", a->earlyStopOn,
                    "Which best val loss an epoch must beat to reset early stopping: phase (each phase's "
                    "own best, the default) or run (the best of the whole run)")
        ->check(CLI::IsMember({"phase", "run"}));
    sub->add_option("--step-size", a->stepSize, "StepLR step size (epochs)")->check(CLI::Range(1, 1000));
    sub->add_option("--gamma", a->gamma, "StepLR decay factor");
    sub->add_option("--batch", a->batch, "Batch size")->check(CLI::Range(1, 4096));
    sub->add_option("--image-size", a->imageSize, "Network input size in pixels")->check(CLI::Range(16, 2048));
    sub->add_option("--val-policy", a->valPolicy, "auto (re-split train by patient when val < 100 films) or folder")
        ->check(CLI::IsMember({"auto", "folder"}));
    sub->add_option("--seed", a->seed, "Random seed (split, order, augmentation)");
    sub->add_option("--optimizer", a->optimizer, "adam or sgd (with momentum 0.9)")->check(CLI::IsMember({"adam", "sgd"}));
    sub->add_option("--weight-decay", a->weightDecay, "Weight decay");
    sub->add_option("--class-weighting", a->classWeighting, "none, loss (weighted cross-entropy) or sampler")
        ->check(CLI::IsMember({"none", "loss", "sampler"}));
    sub->add_option("--threshold-rule", a->thresholdRule, "argmax, youden or sensitivity:0.95 (chosen on validation)");
    sub->add_option("--plan", a->plan,
                    "Layers each phase trains: seed (fc; layer4+fc; all), scratch (all layers in every "
                    "phase) or auto (seed with --weights, scratch without)")
        ->check(CLI::IsMember({"auto", "seed", "scratch"}));
    sub->add_option("--precision", a->precision,
                    "Training arithmetic: auto (bf16 autocast on CUDA, fp32 on CPU), fp32 or bf16 (on CPUs "
                    "with AVX512-BF16 or AMX about twice as fast per step, lower AUC on real films in "
                    "cross-validation). Weights, checkpoints and the export stay fp32; validation and "
                    "the test report are scored in fp32")
        ->check(CLI::IsMember({"auto", "fp32", "bf16"}));
    sub->add_option("--amp", a->amp, "Old name of --precision: auto (bf16 on CUDA, fp32 on CPU), bf16 or off (fp32)")
        ->check(CLI::IsMember({"auto", "bf16", "off"}));
    sub->add_option("--workers", a->workers, "Batch loader threads")->check(CLI::Range(0, 64));
    sub->add_option("--threads", a->threads, "LibTorch threads (0 = every core)")->check(CLI::Range(0, 1024));
    sub->add_option("--cache", a->cache, "Film cache folder (default RUN/cache)");
    sub->add_flag("--no-augment", a->noAugment, "Train without augmentation");
    sub->add_option("--augmentation", a->augmentation,
                    "seed (flip and 10-degree rotation, the seed's transforms; the default) or chest (also a "
                    "random resized crop of 70-100% of the film and brightness/contrast)")
        ->check(CLI::IsMember({"chest", "seed"}));
    sub->add_option("--bn-stats", a->bnStats,
                    "BatchNorm statistics for validation and the exported model: running (momentum "
                    "averages) or precise (re-estimated from the epoch's training batches before each "
                    "validation)")
        ->check(CLI::IsMember({"running", "precise"}));
    sub->add_flag("--freeze-bn", a->freezeBn,
                  "Keep BatchNorm statistics of frozen layers fixed (default: they follow the data in every "
                  "phase, like the seed's requires_grad=False with model.train())");
    sub->add_option("--population-age", a->populationAge,
                    "Ages of the patients the films came from, in completed years, e.g. 1-5 (films of "
                    "patients outside it get a warning)")
        ->check(CLI::Validator(
            [](std::string& text) {
                try {
                    parseAgeRange(text, "");
                    return std::string();
                } catch (const Error& e) {
                    return std::string(e.what());
                }
            },
            "AGE-AGE"));
    sub->add_option("--population", a->population,
                    "Who the films came from, in words (stored in model.json and the report)");
    sub->add_flag("--deterministic", a->deterministic,
                  "CUDA: deterministic kernels and no cuDNN autotuning, so a GPU run repeats bit for bit "
                  "(slower; CPU runs repeat without it)");
    sub->add_option("--dist-backend", a->distBackend,
                    "Collectives of a distributed launch (torchrun's RANK/WORLD_SIZE/MASTER_ADDR/MASTER_PORT "
                    "or SLURM's SLURM_PROCID/SLURM_NTASKS with MASTER_ADDR/MASTER_PORT): gloo (CPU) or "
                    "nccl (CUDA builds; each rank takes the GPU of its local rank). Default: nccl when the "
                    "run trains on CUDA, else gloo. Each rank trains its shard of the films with the "
                    "given --batch; only rank 0 writes RUN")
        ->check(CLI::IsMember({"gloo", "nccl"}));
    sub->add_flag("--resume", a->resume, "Continue the interrupted run in RUN (its config.json decides)");
    sub->add_flag("--no-record", a->noRecord,
                  "Do not record the finished run in the review records (see cxr records runs)");
    sub->add_option("--db", a->recordsDb,
                    "Review records database (default: $CXR_RECORDS_DB, else ~/.local/share/cxr-studio/records.sqlite)");
    return [a, sub] {
        workflows::TrainFolderOptions options;
        options.dataDir = a->data;
        options.runDir = a->out;
        options.resume = a->resume;
        options.record = !a->noRecord;
        options.recordsDb = a->recordsDb;
        if (!a->cache.empty())
            options.cacheDir = a->cache;
        if (a->resume) {
            for (const char* o : {"--config", "--epochs", "--phase-epochs", "--lr", "--batch", "--image-size", "--seed",
                                  "--val-policy", "--weights", "--optimizer", "--plan", "--population-age",
                                  "--population", "--early-stop-on", "--augmentation", "--bn-stats",
                                  "--precision", "--amp"})
                if (sub->count(o))
                    std::cerr << "cxr train: note: " << o << " is ignored with --resume (the run's config.json decides)\n";
        } else {
            options.config = buildConfig(*a, sub);
            if (!a->weights.empty())
                options.imagenetWeights = a->weights;
            if (!a->populationAge.empty())
                options.population.age = parseAgeRange(a->populationAge, "--population-age");
            options.population.description = a->population;
        }
        // A launcher's variables make this process one rank of a data-parallel run.
        auto launch = training::dist::detectDistEnv();
        if (sub->count("--dist-backend")) {
            if (!launch)
                throw Error(ErrorCode::InvalidInput,
                            "--dist-backend needs a distributed launch: RANK and WORLD_SIZE (torchrun) or "
                            "SLURM_PROCID and SLURM_NTASKS (srun) with MASTER_ADDR and MASTER_PORT");
            launch->backend = training::dist::parseBackend(a->distBackend);
        } else if (launch) {
            // The device the run asks for (a resumed run's own config.json decides).
            std::string device = options.config.device;
            const auto stored = training::RunDirectory(options.runDir).configFile();
            if (a->resume && std::filesystem::exists(stored))
                device = training::TrainingConfig::fromJson(readJsonFile(stored).at("training")).device;
            launch->backend = workflows::defaultBackend(device);
        }
        std::unique_ptr<training::dist::ProcessGroup> group;
        if (launch) {
            options.worldSize = launch->worldSize;
            // Once per process, where it sits; the others' every line names their rank.
            if (launch->rank > 0) {
                logger()->set_pattern("[rank " + std::to_string(launch->rank) + "] cxr [%l] %v");
                std::cerr << "[rank " << launch->rank << "] distributed training: "
                          << training::dist::describe(*launch) << "\n";
            } else {
                std::cout << "Distributed training: " << training::dist::describe(*launch) << "\n";
            }
        }
        if (launch && launch->worldSize > 1) {
            treatRepeatsAsOne(2000);  // the terminal's Ctrl-C and the launcher's copy of it
            group = std::make_unique<training::dist::ProcessGroup>();
            group->connect(*launch);
            options.group = group.get();
        }
        if (group && group->rank() > 0) {
            // The others train their shard silently: rank 0 reports, evaluates and writes RUN.
            const auto result = workflows::trainFolder(options, nullptr, interruptToken().get());
            std::cerr << "[rank " << group->rank() << "] trained its shard in "
                      << workflows::formatDuration(result.seconds) << "; rank 0 writes the run folder\n";
            return 0;
        }
        const bool interactive = ::isatty(::fileno(stdout)) != 0;
        workflows::ConsoleTrainingObserver observer(std::cout, interactive);
        const auto result = workflows::trainFolder(options, &observer, interruptToken().get());
        if (!result.pretrained)
            std::cerr << "cxr train: WARNING: this model was trained from scratch (no --weights); "
                         "its accuracy is not representative of ImageNet fine-tuning.\n";
        std::cout << "\n" << evaluation::toText(result.report) << "\n";
        std::cout << "Run folder: " << result.runDir.string() << "\n"
                  << "  model:      X_ray_classifier.pth, class_to_index.pth/.json, model.json\n"
                  << "  report:     evaluation.txt, evaluation.json\n"
                  << "  training:   metrics.csv, config.json, split.json, checkpoints/best-NNNN.pth (named in state.json)\n"
                  << "Total time: " << workflows::formatDuration(result.seconds) << "\n";
        // A database that cannot be written costs the run nothing: trainFolder logged the
        // warning ("cxr [warning] the run was not recorded ...") and the run stands.
        if (result.recordId)
            std::cout << "Recorded as run " << result.recordId << " in the review records (cxr records runs)\n";
        return 0;
    };
});

}  // namespace
}  // namespace cxr::cli
