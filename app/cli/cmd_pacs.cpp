// `cxr pacs`: CXR Studio as a DICOM node. `cxr pacs echo NODE` checks that a PACS answers.
#include <iostream>
#include <memory>

#include "app/cli/command.h"
#include "core/pacs/verification.h"

namespace cxr::cli {
namespace {

struct PacsArgs {
    std::string node;
    pacs::AssociationSettings settings;
};

const CommandRegistration kPacs(50, [](CLI::App& root, CLI::App*& sub) -> CommandRun {
    sub = root.add_subcommand("pacs", "Talk to a PACS or another DICOM node");
    sub->description("Talk to a PACS or another DICOM node, written AET@HOST:PORT (e.g. ORTHANC@localhost:4242).");
    sub->require_subcommand(1);
    auto args = std::make_shared<PacsArgs>();
    CLI::App* echo = sub->add_subcommand("echo", "Check that a node answers (DICOM C-ECHO)");
    echo->add_option("NODE", args->node, "The node, AET@HOST:PORT")->required();
    echo->add_option("--aet", args->settings.callingAeTitle, "Our calling AE title")->capture_default_str();
    echo->add_option("--timeout", args->settings.connectTimeoutSeconds, "Seconds to wait for an answer")
        ->capture_default_str()
        ->check(CLI::Range(1, 3600));
    return [args, echo]() -> int {
        if (echo->parsed()) {
            const auto node = pacs::parseDicomNode(args->node);
            const auto result = pacs::verifyConnection(node, args->settings);
            std::cout << node.toString() << " answered the echo from " << args->settings.callingAeTitle << " in "
                      << static_cast<long>(result.milliseconds + 0.5) << " ms\n";
            return 0;
        }
        return 2;
    };
});

}  // namespace
}  // namespace cxr::cli
