// `cxr pacs send NODE --model MODEL FILE...`: diagnoses each DICOM film and sends the result
// back into the film's study on the node: a TID 1500 Structured Report and a Secondary Capture
// of the overlay (C-STORE). One line per film; exit status 0 when every film's results were
// stored, 1 when any failed, 2 on usage errors.
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/cli/interrupt.h"
#include "app/cli/pacs_command.h"
#include "core/common/error.h"
#include "core/diagnosis/diagnoser.h"
#include "core/imaging/load_film.h"
#include "core/workflows/pacs_results.h"

namespace cxr::cli {
namespace {

namespace fs = std::filesystem;

struct SendArgs {
    std::string node;
    std::string model;
    std::vector<std::string> files;
    bool noOverlay = false, noReport = false;
    std::string device = "auto";
    std::string keep;
    pacs::AssociationSettings settings;
};

std::string line(const std::string& file, const pacs::DicomNode& node, const workflows::SentResults& sent) {
    std::ostringstream out;
    const auto& r = sent.result;
    out << file << "  " << r.positiveClass << (r.findingPresent ? " present" : " absent") << "  p=" << std::fixed
        << std::setprecision(4) << r.probability << "  threshold=" << r.threshold << "  -> " << node.toString()
        << ":";
    for (const auto& object : sent.objects)
        out << " " << object.kind << " " << object.sopInstanceUid;
    return out.str();
}

int runSend(const SendArgs& args) {
    const pacs::DicomNode node = pacs::parseDicomNode(args.node);
    pacs::checkAeTitle(args.settings.callingAeTitle, "--aet");
    workflows::ResultsOptions options;
    options.overlay = !args.noOverlay;
    options.structuredReport = !args.noReport;
    options.folder = args.keep;
    const diagnosis::Diagnoser diagnoser(args.model, args.device);
    for (const auto& note : diagnoser.info().notes)
        std::cerr << "warning: " << englishText(note) << "\n";

    bool allOk = true;
    for (size_t i = 0; i < args.files.size(); ++i) {
        const std::string& file = args.files[i];
        interruptToken()->throwIfCancelled("sending results");
        try {
            // Before the model runs: results belong to a study, so only DICOM films qualify.
            if (imaging::sniffFormat(file) != "DICOM")
                throw Error(ErrorCode::InvalidInput, fs::path(file),
                            "is not a DICOM file: results go back into the film's study, so the film must come from one");
            const diagnosis::Diagnosis d = diagnoser.diagnoseFile(file);
            const auto sent = workflows::sendResults(node, args.settings, file, d, diagnoser.info(), options,
                                                     interruptToken().get());
            std::cout << line(file, node, sent) << "\n";
        } catch (const Error& e) {
            if (e.code() == ErrorCode::Cancelled)
                throw;
            allOk = false;
            const std::string message = e.what();
            std::cerr << "cxr: " << (message.rfind(file, 0) == 0 ? message : file + ": " + message) << "\n";
            // The node did not answer or broke the association: the other films would only wait
            // out the same timeout.
            if (e.code() == ErrorCode::Io && i + 1 < args.files.size()) {
                std::cerr << "cxr: " << (args.files.size() - i - 1) << " more film(s) not sent\n";
                break;
            }
        }
        std::cout.flush();
    }
    return allOk ? 0 : 1;
}

const PacsCommandRegistration kSend(50, [](CLI::App& pacsCommand, CLI::App*& send) -> CommandRun {
    auto args = std::make_shared<SendArgs>();
    send = pacsCommand.add_subcommand("send", "Diagnose DICOM films and send the results into their studies");
    send->description(
        "Diagnose each DICOM film with MODEL and store the result in the film's own study on NODE "
        "(C-STORE): a TID 1500 Structured Report (the call at the operating threshold, the probability, "
        "the threshold, the model's name and SHA-256, the class activation map's peak on the film) and "
        "a Secondary Capture image of the film with the overlay and \"Research use only, not for "
        "diagnosis\" burned in. One line per film with the new SOP Instance UIDs. Exit status 0 when "
        "every film's results were stored, 1 when any failed, 2 on usage errors.");
    send->add_option("NODE", args->node, "The node, AET@HOST:PORT")->required();
    send->add_option("--model", args->model, "Run or export folder, or seed .pth weights")->required();
    send->add_option("FILE", args->files, "DICOM films")->required();
    auto* noOverlay = send->add_flag("--no-overlay", args->noOverlay, "Do not send the Secondary Capture overlay");
    // Both together would send nothing: a usage error (exit 2), not a silent no-op.
    send->add_flag("--no-sr", args->noReport, "Do not send the Structured Report")->excludes(noOverlay);
    send->add_option("--keep", args->keep, "Also keep the sent DICOM files in this folder");
    send->add_option("--device", args->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    send->add_option("--aet", args->settings.callingAeTitle, "Our calling AE title")->capture_default_str();
    send->add_option("--timeout", args->settings.connectTimeoutSeconds, "Seconds to wait for the node to answer")
        ->capture_default_str()
        ->check(CLI::Range(1, 3600));
    return [args]() -> int { return runSend(*args); };
});

}  // namespace
}  // namespace cxr::cli
