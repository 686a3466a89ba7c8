// `cxr pacs get NODE --study UID [--series UID] --out DIR` (C-GET) and `cxr pacs move ... --port P`
// (C-MOVE to a Storage SCP run for the transfer): a line per object as it arrives, Ctrl-C
// cancels and keeps what arrived, then a summary.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>

#include "app/cli/interrupt.h"
#include "app/cli/pacs_command.h"
#include "core/common/error.h"
#include "core/pacs/retrieve.h"

namespace cxr::cli {
namespace {

struct RetrieveArgs {
    std::string node, study, series, out;
    int port = 0;
    pacs::AssociationSettings settings;
};

void addCommon(CLI::App* sub, RetrieveArgs& args) {
    sub->add_option("NODE", args.node, "The node, AET@HOST:PORT")->required();
    sub->add_option("--study", args.study, "Study Instance UID")->required();
    sub->add_option("--series", args.series, "Only this series of the study (Series Instance UID)");
    sub->add_option("--out", args.out, "Folder the objects are stored in (one file per SOP Instance UID)")->required();
    sub->add_option("--aet", args.settings.callingAeTitle, "Our calling AE title")->capture_default_str();
    sub->add_option("--timeout", args.settings.connectTimeoutSeconds, "Seconds to wait for an answer")
        ->capture_default_str()
        ->check(CLI::Range(1, 3600));
}

std::string progressOf(const pacs::RetrieveCounts& c) {
    const int done = c.completed + c.failed + c.warning;
    return c.remaining < 0 ? std::to_string(done) : std::to_string(done) + "/" + std::to_string(done + c.remaining);
}

int retrieve(const RetrieveArgs& args, bool move) {
    const auto node = pacs::parseDicomNode(args.node);
    pacs::RetrieveRequest request{args.study, args.series, args.out};
    auto settings = args.settings;
    settings.dimseTimeoutSeconds = std::max(settings.dimseTimeoutSeconds, settings.connectTimeoutSeconds);
    const auto start = std::chrono::steady_clock::now();
    const pacs::OnInstance onInstance = [](const pacs::ReceivedInstance& instance, const pacs::RetrieveCounts& counts) {
        std::cout << "[" << progressOf(counts) << "] " << instance.file.filename().string() << "  "
                  << (instance.diagnosable ? "film" : instance.note) << std::endl;
    };
    const auto result = move ? pacs::retrieveByMove(node, settings, request, args.port, onInstance, interruptToken().get())
                             : pacs::retrieveByGet(node, settings, request, onInstance, interruptToken().get());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const auto films = std::count_if(result.instances.begin(), result.instances.end(),
                                     [](const auto& i) { return i.diagnosable; });
    const auto others = static_cast<long>(result.instances.size()) - films;
    for (const auto& problem : result.problems) std::cerr << "cxr: " << problem << "\n";
    char time[32];
    std::snprintf(time, sizeof time, "%.1f", seconds);
    std::cout << (result.cancelled ? "Cancelled: kept " : "Retrieved ") << result.instances.size() << " object(s) ("
              << films << " film(s), " << others << " stored, not diagnosed) from " << node.toString() << " by "
              << (move ? "C-MOVE" : "C-GET") << " into " << args.out << " in " << time << " s";
    if (result.counts.failed > 0) std::cout << "; " << result.counts.failed << " failed";
    std::cout << "\n";
    if (result.cancelled) return 130;
    return result.problems.empty() ? 0 : 1;
}

const PacsCommandRegistration kGet(30, [](CLI::App& pacsCommand, CLI::App*& get) -> CommandRun {
    auto args = std::make_shared<RetrieveArgs>();
    get = pacsCommand.add_subcommand("get", "Retrieve a study or series into a folder (DICOM C-GET)");
    addCommon(get, *args);
    return [args]() -> int { return retrieve(*args, false); };
});

const PacsCommandRegistration kMove(40, [](CLI::App& pacsCommand, CLI::App*& move) -> CommandRun {
    auto args = std::make_shared<RetrieveArgs>();
    move = pacsCommand.add_subcommand(
        "move", "Retrieve a study or series by C-MOVE to a Storage SCP run here for the transfer");
    addCommon(move, *args);
    move->add_option("--port", args->port, "Port of our Storage SCP (the PACS must know our AE title there)")
        ->required()
        ->check(CLI::Range(1, 65535));
    return [args]() -> int { return retrieve(*args, true); };
});

}  // namespace
}  // namespace cxr::cli
