#pragma once
// A `cxr` subcommand: registered on the CLI11 app, run after parsing. Each subcommand lives in
// its own file and returns its exit status (0 ok, 1 failed input or run); usage errors are 2.
#include <functional>
#include <vector>

#include <CLI/CLI.hpp>

namespace cxr::cli {

struct Command {
    CLI::App* app = nullptr;
    std::function<int()> run;
};

using CommandList = std::vector<Command>;

// One registration function per subcommand file.
void addSynthCommand(CLI::App& root, CommandList& commands);
void addInfoCommand(CLI::App& root, CommandList& commands);

}  // namespace cxr::cli
