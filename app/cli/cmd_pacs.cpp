// `cxr pacs`: CXR Studio as a DICOM node. The subcommands register in pacs_command.h.
#include "app/cli/pacs_command.h"

namespace cxr::cli {

std::vector<CommandEntry>& pacsCommandRegistry() {
    static std::vector<CommandEntry> registry;  // function-local: safe across static init order
    return registry;
}

PacsCommandRegistration::PacsCommandRegistration(int order, CommandSetup setup) {
    pacsCommandRegistry().push_back({order, std::move(setup)});
}

namespace {

const CommandRegistration kPacs(50, [](CLI::App& root, CLI::App*& sub) -> CommandRun {
    sub = root.add_subcommand("pacs", "Talk to a PACS or another DICOM node");
    sub->description("Talk to a PACS or another DICOM node, written AET@HOST:PORT (e.g. ORTHANC@localhost:4242).");
    sub->require_subcommand(1);
    return addSubcommands(*sub, pacsCommandRegistry());
});

}  // namespace
}  // namespace cxr::cli
