// `cxr synth`: writes a synthetic chest-film set in the Kaggle layout.
#include "cli/command.h"

namespace cxr::cli {
namespace {

const CommandRegistration kSynth(10, [](CLI::App& root, CLI::App*& sub) -> CommandRun {
    sub = root.add_subcommand("synth", "Write a synthetic chest X-ray set (Kaggle folder layout)");
    return [] { return 1; };
});

}  // namespace
}  // namespace cxr::cli
