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

}  // namespace cxr::cli
