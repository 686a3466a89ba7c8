// `cxr cache`: builds a training run's film caches ahead of time (on storage every node sees), so
// the ranks of a distributed run — or several runs of the same data — decode the films once.
#include <algorithm>
#include <iostream>
#include <memory>

#include "app/cli/command.h"
#include "app/cli/interrupt.h"
#include "app/cli/terminal_progress.h"
#include "core/common/error.h"
#include "core/common/json_io.h"
#include "core/data/dataset_index.h"
#include "core/data/split.h"
#include "core/workflows/run_caches.h"

namespace cxr::cli {
namespace {

struct CacheArgs {
    std::string data, out, config, run;
    int imageSize = 0, threads = 0;
};

const CommandRegistration kCache(21, [](CLI::App& root, CLI::App*& sub) -> CommandRun {
    sub = root.add_subcommand("cache", "Build a training run's film caches ahead of time");
    sub->description(
        "Decode DATA's films once into OUT/films-<size>.cache as `cxr train` would (the same split, working "
        "and input sizes, preprocessing), so the ranks of a distributed run or several runs share them: "
        "pass `--cache OUT` to cxr train. Films unchanged since an earlier build are copied, not decoded.");
    auto a = std::make_shared<CacheArgs>();
    sub->add_option("DATA", a->data, "Data folder (Kaggle chest_xray layout)")->required();
    sub->add_option("--out", a->out, "Cache folder (created)")->required();
    auto* source = sub->add_option_group("source", "The training config the caches are for (default: cxr train's)");
    source->add_option("--config", a->config, "A training config JSON (a run's config.json or a bare config)");
    source->add_option("--run", a->run, "A run folder whose config.json the caches are for");
    source->require_option(0, 1);
    sub->add_option("--image-size", a->imageSize, "Network input size in pixels (overrides the config's)")
        ->check(CLI::Range(16, 2048));
    sub->add_option("--threads", a->threads, "Decoding threads (0 = every core)")->check(CLI::Range(0, 1024));
    return [a] {
        training::TrainingConfig config;
        const std::string file = !a->run.empty() ? (std::filesystem::path(a->run) / "config.json").string() : a->config;
        if (!file.empty()) {
            const Json stored = readJsonFile(file);
            config = training::TrainingConfig::fromJson(stored.contains("training") ? stored.at("training") : stored);
        }
        if (a->imageSize > 0) {  // exactly as `cxr train --image-size`, so the file names agree
            config.imageSize = a->imageSize;
            config.workingSize = std::max(config.workingSize, a->imageSize);
        }
        config.validate();
        const auto index = data::DatasetIndex::scan(a->data);
        for (const auto& problem : index.problems())
            std::cerr << "cxr cache: note: " << englishText(problem) << "\n";
        const auto split =
            data::makeSplit(index, data::parseValPolicy(config.valPolicy), config.valFraction, config.seed);
        TerminalProgress progress;
        const auto built = workflows::buildRunCaches(split, config, a->out, a->threads, &progress,
                                                     interruptToken().get());
        progress.finish();
        for (const auto& info : built) {
            std::cout << info.file.string() << ": " << info.films << " films at " << info.side << " px ("
                      << info.decoded << " decoded, " << info.reused << " unchanged";
            if (!info.skipped.empty())
                std::cout << ", " << info.skipped.size() << " unreadable left out";
            std::cout << ") in " << static_cast<int>(info.seconds + 0.5) << " s\n";
            for (const auto& s : info.skipped)
                std::cout << "  left out " << s.path << ": " << s.reason << "\n";
        }
        std::cout << "Train with: cxr train " << a->data << " --out RUN --cache " << a->out
                  << (file.empty() ? "" : " --config " + file)
                  << (a->imageSize > 0 ? " --image-size " + std::to_string(a->imageSize) : std::string()) << "\n";
        return 0;
    };
});

}  // namespace
}  // namespace cxr::cli
