#pragma once
// The `cxr pacs` subcommands (echo, find, get, move, send): each lives in its own
// cmd_pacs_<name>.cpp and registers itself here the way top-level commands register with
// command.h, so `pacs` itself (cmd_pacs.cpp) never lists them.
#include <vector>

#include "app/cli/command.h"

namespace cxr::cli {

std::vector<CommandEntry>& pacsCommandRegistry();

struct PacsCommandRegistration {
    // `setup(pacs, sub)` adds `sub` under `cxr pacs` and returns what runs when it was parsed.
    PacsCommandRegistration(int order, CommandSetup setup);
};

}  // namespace cxr::cli
