// cxr: the command-line front end. Thin: parse, hand over to core's workflows, report errors.
#include <csignal>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/command.h"
#include "cli/interrupt.h"
#include "common/error.h"
#include "common/logging.h"
#include "workflows/about.h"

int main(int argc, char** argv) {
    CLI::App app{"CXR Studio command line: chest X-ray pneumonia classifier training and review.\n" +
                 std::string(cxr::workflows::kIntendedUse)};
    app.name("cxr");
    app.require_subcommand(0, 1);
    bool version = false;
    std::string logLevel = "warn";
    app.add_flag("--version", version, "Print versions and exit");
    app.add_option("--log-level", logLevel, "trace, debug, info, warn, error or off")->capture_default_str();

    cxr::cli::CommandList commands;
    cxr::cli::addSynthCommand(app, commands);
    cxr::cli::addInfoCommand(app, commands);

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
        for (const auto& command : commands)
            if (command.app->parsed())
                return command.run();
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
