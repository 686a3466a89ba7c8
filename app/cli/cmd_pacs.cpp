// `cxr pacs`: CXR Studio as a DICOM node. The subcommands register in pacs_command.h.
#include <algorithm>

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
    auto registry = pacsCommandRegistry();
    std::sort(registry.begin(), registry.end(), [](const auto& a, const auto& b) { return a.order < b.order; });
    std::vector<std::pair<CLI::App*, CommandRun>> commands;
    for (const auto& entry : registry) {
        CLI::App* nested = nullptr;
        auto run = entry.setup(*sub, nested);
        commands.emplace_back(nested, std::move(run));
    }
    return [commands]() -> int {
        for (const auto& [nested, run] : commands)
            if (nested->parsed())
                return run();
        return 2;
    };
});

}  // namespace
}  // namespace cxr::cli
