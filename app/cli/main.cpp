// cxr: the command-line front end. Thin: parse, hand over to core's workflows, report errors.
#include <algorithm>
#include <iostream>

#include <CLI/CLI.hpp>

#include "app/cli/command.h"
#include "app/cli/interrupt.h"
#include "core/common/allocator_settings.h"
#include "core/common/error.h"
#include "core/common/logging.h"
#include "core/workflows/about.h"

int main(int argc, char** argv) {
    // Before any thread allocates: tensor-sized blocks stay in the heap between steps.
    cxr::keepFreedMemoryForReuse();
    CLI::App app{"CXR Studio command line: chest X-ray pneumonia classifier training and review.\n" +
                 std::string(cxr::workflows::kIntendedUse)};
    app.name("cxr");
    app.require_subcommand(0, 1);
    bool version = false;
    std::string logLevel = "warn";
    app.add_flag("--version", version, "Print versions and exit");
    app.add_option("--log-level", logLevel, "trace, debug, info, warn, error or off")->capture_default_str();

    auto registry = cxr::cli::commandRegistry();
    std::sort(registry.begin(), registry.end(),
              [](const auto& a, const auto& b) { return a.order < b.order; });
    std::vector<std::pair<CLI::App*, cxr::cli::CommandRun>> commands;
    for (const auto& entry : registry) {
        CLI::App* sub = nullptr;
        auto run = entry.setup(app, sub);
        commands.emplace_back(sub, std::move(run));
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }

    try {
        cxr::setupLogging(logLevel);
        if (version) {
            std::cout << cxr::workflows::versionText();
            return 0;
        }
        cxr::cli::installInterruptHandler();
        for (const auto& [sub, run] : commands)
            if (sub->parsed())
                return run();
        std::cout << app.help();
        return 2;
    } catch (const cxr::Error& e) {
        std::cerr << "cxr: " << e.what() << "\n";
        return e.code() == cxr::ErrorCode::Cancelled ? 130 : 1;
    } catch (const std::exception& e) {
        std::cerr << "cxr: unexpected error: " << e.what() << "\n";
        return 1;
    }
}
