#pragma once
// A `cxr` subcommand: each lives in its own cmd_<name>.cpp and registers itself with a static
// CommandRegistration, so adding a subcommand never touches main.cpp. `setup` adds the
// subcommand and its options to the root app and returns the function run after parsing,
// which returns the exit status (0 ok, 1 failed input or run; usage errors are 2).
#include <functional>
#include <vector>

#include <CLI/CLI.hpp>

namespace cxr::cli {

using CommandRun = std::function<int()>;
using CommandSetup = std::function<CommandRun(CLI::App& root, CLI::App*& sub)>;

struct CommandEntry {
    int order;  // position in --help
    CommandSetup setup;
};

std::vector<CommandEntry>& commandRegistry();

struct CommandRegistration {
    CommandRegistration(int order, CommandSetup setup);
};

// For a command with subcommands of its own (`cxr pacs`, `cxr records`): adds every entry of
// `registry` under `group` in order (`each`, when given, adjusts each one) and returns what runs
// the one that was parsed (2 when none was).
CommandRun addSubcommands(CLI::App& group, std::vector<CommandEntry> registry,
                          const std::function<void(CLI::App&)>& each = {});

}  // namespace cxr::cli
