// `cxr synth`: writes a synthetic chest-film set in the Kaggle layout.
#include "cli/command.h"

namespace cxr::cli {

void addSynthCommand(CLI::App& root, CommandList& commands) {
    auto* sub = root.add_subcommand("synth", "Write a synthetic chest X-ray set (Kaggle folder layout)");
    commands.push_back({sub, [] { return 1; }});
}

}  // namespace cxr::cli
