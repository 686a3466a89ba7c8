#include "app/cli/command.h"

namespace cxr::cli {

std::vector<CommandEntry>& commandRegistry() {
    static std::vector<CommandEntry> registry;  // function-local: safe across static init order
    return registry;
}

CommandRegistration::CommandRegistration(int order, CommandSetup setup) {
    commandRegistry().push_back({order, std::move(setup)});
}

}  // namespace cxr::cli
