// `cxr synth`: writes a synthetic chest-film set in the Kaggle layout.
#include <iostream>
#include <memory>

#include "app/cli/command.h"
#include "app/cli/interrupt.h"
#include "app/cli/terminal_progress.h"
#include "core/synth/synthetic_set.h"

namespace cxr::cli {
namespace {

struct SynthArgs {
    std::string out;
    synth::SynthOptions options;
};

const CommandRegistration kSynth(10, [](CLI::App& root, CLI::App*& sub) -> CommandRun {
    sub = root.add_subcommand("synth", "Write a synthetic chest X-ray set (Kaggle folder layout)");
    sub->description(
        "Write a synthetic chest X-ray set: OUT/train|val|test/NORMAL|PNEUMONIA/ with Kermany-style "
        "file names, OUT/opacities.csv (one box per pneumonia opacity, film pixels), OUT/films.csv "
        "and OUT/synth.json. The same options give byte-identical files.");
    auto args = std::make_shared<SynthArgs>();
    sub->add_option("OUT", args->out, "Folder to write (new, empty, or an earlier synthetic set)")->required();
    sub->add_option("--train", args->options.train, "Films in train/")->capture_default_str()->check(CLI::NonNegativeNumber);
    sub->add_option("--val", args->options.val, "Films in val/")->capture_default_str()->check(CLI::NonNegativeNumber);
    sub->add_option("--test", args->options.test, "Films in test/")->capture_default_str()->check(CLI::NonNegativeNumber);
    sub->add_option("--seed", args->options.seed, "Random seed")->capture_default_str();
    sub->add_option("--size", args->options.size,
                    "Long side in pixels, 32..8192 (default: drawn per film in 1000..2000)")
        ->check(CLI::IsMember({0}) | CLI::Range(32, 8192));
    sub->add_flag("--dicom", args->options.dicom,
                  "Write DICOM DX films (12-bit, MONOCHROME1/2, every transfer syntax in turn) instead of JPEG");
    return [args] {
        TerminalProgress progress;
        const auto summary = synth::makeSyntheticSet(args->out, args->options, &progress, interruptToken().get());
        progress.finish();
        std::cout << summary.toText();
        return 0;
    };
});

}  // namespace
}  // namespace cxr::cli
