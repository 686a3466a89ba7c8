// `cxr info`: decodes films and prints one line (or JSON object) per film.
#include "cli/command.h"

namespace cxr::cli {
namespace {

const CommandRegistration kInfo(20, [](CLI::App& root, CLI::App*& sub) -> CommandRun {
    sub = root.add_subcommand("info", "Describe films: size, bits, photometric, transfer syntax, window");
    return [] { return 1; };
});

}  // namespace
}  // namespace cxr::cli
