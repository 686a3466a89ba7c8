// `cxr info`: decodes films and prints one line (or JSON object) per film.
#include "cli/command.h"

namespace cxr::cli {

void addInfoCommand(CLI::App& root, CommandList& commands) {
    auto* sub = root.add_subcommand("info", "Describe films: size, bits, photometric, transfer syntax, window");
    commands.push_back({sub, [] { return 1; }});
}

}  // namespace cxr::cli
