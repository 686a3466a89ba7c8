// `cxr pacs echo NODE`: does a PACS answer us (C-ECHO)?
#include <iostream>
#include <memory>

#include "app/cli/pacs_command.h"
#include "core/pacs/verification.h"

namespace cxr::cli {
namespace {

struct EchoArgs {
    std::string node;
    pacs::AssociationSettings settings;
};

const PacsCommandRegistration kEcho(10, [](CLI::App& pacsCommand, CLI::App*& echo) -> CommandRun {
    auto args = std::make_shared<EchoArgs>();
    echo = pacsCommand.add_subcommand("echo", "Check that a node answers (DICOM C-ECHO)");
    echo->add_option("NODE", args->node, "The node, AET@HOST:PORT")->required();
    echo->add_option("--aet", args->settings.callingAeTitle, "Our calling AE title")->capture_default_str();
    echo->add_option("--timeout", args->settings.connectTimeoutSeconds, "Seconds to wait for an answer")
        ->capture_default_str()
        ->check(CLI::Range(1, 3600));
    return [args]() -> int {
        const auto node = pacs::parseDicomNode(args->node);
        const auto result = pacs::verifyConnection(node, args->settings);
        std::cout << node.toString() << " answered the echo from " << args->settings.callingAeTitle << " in "
                  << static_cast<long>(result.milliseconds + 0.5) << " ms\n";
        return 0;
    };
});

}  // namespace
}  // namespace cxr::cli
