#include "app/cli/command.h"

#include <algorithm>
#include <utility>

namespace cxr::cli {

std::vector<CommandEntry>& commandRegistry() {
    static std::vector<CommandEntry> registry;  // function-local: safe across static init order
    return registry;
}

CommandRegistration::CommandRegistration(int order, CommandSetup setup) {
    commandRegistry().push_back({order, std::move(setup)});
}

CommandRun addSubcommands(CLI::App& group, std::vector<CommandEntry> registry,
                          const std::function<void(CLI::App&)>& each) {
    std::sort(registry.begin(), registry.end(), [](const auto& a, const auto& b) { return a.order < b.order; });
    std::vector<std::pair<CLI::App*, CommandRun>> commands;
    for (const auto& entry : registry) {
        CLI::App* nested = nullptr;
        auto run = entry.setup(group, nested);
        if (each) each(*nested);
        commands.emplace_back(nested, std::move(run));
    }
    return [commands]() -> int {
        for (const auto& [nested, run] : commands)
            if (nested->parsed())
                return run();
        return 2;
    };
}

}  // namespace cxr::cli
