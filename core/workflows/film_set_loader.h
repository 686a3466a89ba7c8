#pragma once
// FilmSetLoader: the data side of a training run — builds (or reuses) the film cache for a
// split, and serves its train / val / test films as batch sources: worker-thread loaders from
// the memory-mapped cache on the CPU, or the films held on the GPU with on-device augmentation
// when training runs on CUDA. Also turns a net's outputs on a split into evaluation input.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/common/cancel_token.h"
#include "core/data/film_cache.h"
#include "core/data/film_cache_builder.h"
#include "core/data/split_plan.h"
#include "core/evaluation/predictions.h"
#include "core/model/preprocess_spec.h"
#include "core/model/resnet18.h"
#include "core/training/batch_source.h"
#include "core/training/epoch_loop.h"
#include "core/training/training_config.h"
#include "core/training/training_observer.h"

namespace cxr::workflows {

class FilmSetLoader {
public:
    // Decodes what the caches lack into cacheDir/films-<side>.cache: training films at the
    // working size, validation and test films at the input size (one cache when the two are
    // equal), each through data::FilmPreprocessor. Films that cannot be decoded are left out and
    // listed in skipped().
    // In a data-parallel run (worldSize > 1) train() serves this rank's shard of the training
    // films each epoch (training::ShardedLoaderBatchSource on the CPU, DeviceBatchSource's shard
    // on the rank's GPU), valShard() its share of the validation films, and `openOnly` ranks
    // open the caches rank 0 built instead of building (writing) them.
    FilmSetLoader(const data::SplitPlan& split, const training::TrainingConfig& config,
                  const std::filesystem::path& cacheDir, int cacheThreads, training::TrainingObserver* observer,
                  const CancelToken* cancel, int worldSize = 1, int rank = 0, bool openOnly = false);
    ~FilmSetLoader();

    training::BatchSource& train() { return *m_train; }
    training::BatchSource& val() { return *m_val; }
    // The validation films this rank scores during training: all of them in a single process;
    // in a data-parallel run every worldSize-th from the rank, without padding (each film is
    // scored once, so the ranks' loss and accuracy sums add up to the whole set's).
    training::BatchSource& valShard() { return m_valShard ? *m_valShard : *m_val; }
    training::BatchSource& test() { return *m_test; }
    std::size_t trainSize() const { return m_trainIdx.size(); }
    std::size_t valSize() const { return m_valIdx.size(); }
    std::size_t testSize() const { return m_testIdx.size(); }
    std::vector<int> trainLabels() const;
    // Unreadable films: absolute path and why (the reason names no file).
    const std::vector<data::FilmCacheProblem>& skipped() const { return m_skipped; }
    // The chain every film of this run went through; the exported bundle records it.
    const model::PreprocessSpec& preprocess() const { return m_preprocess; }
    const data::FilmCache& trainCache() const { return *m_trainCache; }
    const data::FilmCache& evalCache() const { return m_evalCache ? *m_evalCache : *m_trainCache; }

    // Logits of `net` on the val or test source (eval mode, no autograd), with each film's path.
    evaluation::Predictions predict(model::ResNet18& net, training::BatchSource& source,
                                    const training::StepSettings& settings, const std::string& what,
                                    training::TrainingObserver* observer, const CancelToken* cancel) const;

private:
    static std::vector<std::size_t> positions(const data::FilmCache& cache, const std::vector<data::FilmEntry>& films,
                                              const std::string& split);

    model::PreprocessSpec m_preprocess;
    std::unique_ptr<data::FilmCache> m_trainCache;
    std::unique_ptr<data::FilmCache> m_evalCache;  // null when the training cache has the input size
    std::vector<std::size_t> m_trainIdx, m_valIdx, m_testIdx;
    std::unique_ptr<training::BatchSource> m_train, m_val, m_test;
    std::unique_ptr<training::BatchSource> m_valShard;  // null in a single process
    std::vector<data::FilmCacheProblem> m_skipped;
};

}  // namespace cxr::workflows
