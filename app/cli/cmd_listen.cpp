// `cxr listen`: CXR Studio as a Storage SCP. Stores every object pushed to it (one file per SOP
// Instance UID), one line per object; with --model each diagnosable film is diagnosed on
// arrival by a worker thread (the association threads only store and queue). Runs until
// Ctrl-C or SIGTERM, then stops accepting, finishes the film under way and prints a summary.
// Never prints patient names or IDs: lines carry file names (SOP Instance UIDs) and UIDs.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <iomanip>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

#include "app/cli/command.h"
#include "app/cli/interrupt.h"
#include "core/common/error.h"
#include "core/common/json_io.h"
#include "core/common/notice.h"
#include "core/diagnosis/diagnoser.h"
#include "core/pacs/dicom_node.h"
#include "core/pacs/storage_listener.h"
#include "core/workflows/arrival_diagnosis.h"
#include "core/workflows/pacs_results.h"

namespace cxr::cli {
namespace {

struct ListenArgs {
    pacs::ListenerSettings settings;
    std::string out;
    std::string model;
    std::string device = "auto";
    std::string sendResults;  // NODE the results of each diagnosed film go back to
    bool json = false;
};

// What became of the results sent back for one film (when --send-results is given).
struct ResultsSent {
    bool tried = false, sent = false;
    std::string problem;
};

std::string fixed(double value, int digits) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(digits) << value;
    return out.str();
}

// ReceivedInstance notes end in ": stored, not diagnosed"; the lines say that themselves.
std::string whyNot(std::string note) {
    const std::string tail = ": stored, not diagnosed";
    if (note.size() > tail.size() && note.compare(note.size() - tail.size(), tail.size(), tail) == 0)
        note.erase(note.size() - tail.size());
    return note;
}

std::string jsonLine(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

// The probability the threshold applies to: the second class's for two-class models (the
// finding), else the called class's.
double callProbability(const diagnosis::Diagnosis& d) {
    if (d.probabilities.size() == 2) return d.probabilities[1];
    if (d.labelIndex >= 0 && d.labelIndex < static_cast<int>(d.probabilities.size()))
        return d.probabilities[static_cast<size_t>(d.labelIndex)];
    return 0;
}

// Counts for the summary; written by the listener's and the worker's threads.
struct Tally {
    std::atomic<long> stored{0}, rejected{0}, diagnosed{0}, notDiagnosed{0}, resultsSent{0}, resultsFailed{0};
    std::mutex mutex;
    std::vector<double> delays;  // arrival -> diagnosis, ms
};

// Prints one object's line (stdout, whole lines under a lock: several threads report).
class Printer {
public:
    explicit Printer(bool json) : m_json(json) {}

    void stored(const pacs::ReceivedInstance& r, const std::string& caller) {
        if (m_json) {
            Json j = base(r, caller);
            j["diagnosable"] = r.diagnosable;
            if (!r.note.empty()) j["note"] = r.note;
            line(jsonLine(j));
        } else {
            line(displayPath(r.file) + "  stored from " + caller + (r.diagnosable ? "" : " (" + whyNot(r.note) + ")"));
        }
    }

    void result(const workflows::ArrivalResult& a, const ResultsSent& results, const std::string& node) {
        const auto& d = a.diagnosis;
        if (m_json) {
            Json j = base(a.instance, a.callingAeTitle);
            j["diagnosed"] = a.diagnosed;
            if (a.diagnosed) {
                j["label"] = d.label;
                j["probability"] = callProbability(d);
                Json probabilities = Json::object();
                for (size_t i = 0; i < d.classes.size() && i < d.probabilities.size(); ++i)
                    probabilities[d.classes[i]] = d.probabilities[i];
                j["probabilities"] = probabilities;
                j["threshold"] = d.threshold;
                Json codes = Json::array();
                for (const auto& w : d.warnings) codes.push_back(w.code());
                j["warnings"] = codes;
                j["delay_ms"] = std::round(a.delayMs * 10) / 10;
                if (results.tried) {
                    j["results_sent"] = results.sent;
                    if (!results.sent) j["results_problem"] = results.problem;
                }
            } else {
                j["reason"] = a.reason;
            }
            line(jsonLine(j));
            return;
        }
        std::string text = displayPath(a.instance.file) + "  ";
        if (!a.diagnosed) {
            text += "stored, not diagnosed: " + whyNot(a.reason);
        } else {
            text += d.label + "  p=" + fixed(callProbability(d), 4) + " (threshold " + fixed(d.threshold, 2) + ")";
            text += "  " + std::to_string(static_cast<long>(a.delayMs + 0.5)) + " ms after arrival";
            if (!d.warnings.empty()) {
                text += "  warnings:";
                for (size_t i = 0; i < d.warnings.size(); ++i) text += (i ? "; " : " ") + englishText(d.warnings[i]);
            }
            if (results.tried)
                text += results.sent ? "  results sent to " + node : "  results NOT sent: " + results.problem;
        }
        line(text);
    }

    void rejected(const std::string& reason, const std::string& caller) {
        std::lock_guard<std::mutex> lock(m_mutex);
        std::cerr << "cxr: refused an object from " << caller << ": " << reason << "\n";
        std::cerr.flush();
    }

private:
    static Json base(const pacs::ReceivedInstance& r, const std::string& caller) {
        return Json{{"file", displayPath(r.file)},
                    {"sop_instance_uid", r.sopInstanceUid},
                    {"study_instance_uid", r.studyInstanceUid},
                    {"series_instance_uid", r.seriesInstanceUid},
                    {"sop_class_uid", r.sopClassUid},
                    {"transfer_syntax_uid", r.transferSyntaxUid},
                    {"calling_ae_title", caller}};
    }
    void line(const std::string& text) {
        std::lock_guard<std::mutex> lock(m_mutex);
        std::cout << text << "\n";
        std::cout.flush();  // one line per object as it happens, also into a pipe
    }

    bool m_json;
    std::mutex m_mutex;
};

std::string medianAndWorst(std::vector<double> v) {
    if (v.empty()) return "";
    std::sort(v.begin(), v.end());
    const double median = v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
    return "; arrival to diagnosis: median " + std::to_string(static_cast<long>(median + 0.5)) + " ms, worst " +
           std::to_string(static_cast<long>(v.back() + 0.5)) + " ms";
}

// Sends the SR and overlay of one diagnosed film into its study on `node`, calling as our own
// AE title; a failure is reported on the film's line and the listener goes on.
ResultsSent sendBack(const pacs::DicomNode& node, const ListenArgs& args, const workflows::ArrivalResult& a,
                     const diagnosis::ModelInfo& model) {
    ResultsSent r;
    r.tried = true;
    try {
        pacs::AssociationSettings settings;
        settings.callingAeTitle = args.settings.aeTitle;
        const auto sent = workflows::sendResults(node, settings, a.instance.file, a.diagnosis, model);
        r.sent = sent.store.allStored();
        if (!r.sent)
            for (const auto& f : sent.store.files)
                if (!f.stored) r.problem += (r.problem.empty() ? "" : "; ") + f.problem;
    } catch (const std::exception& e) {
        r.problem = e.what();
    }
    return r;
}

int runListen(ListenArgs& args) {
    args.settings.folder = args.out;
    auto token = interruptToken();
    Tally tally;
    Printer printer(args.json);

    std::optional<pacs::DicomNode> node;
    if (!args.sendResults.empty()) {
        node = pacs::parseDicomNode(args.sendResults);
    }
    std::optional<diagnosis::Diagnoser> diagnoser;
    std::unique_ptr<workflows::ArrivalDiagnosis> queue;
    if (!args.model.empty()) {
        diagnoser.emplace(args.model, args.device);
        for (const auto& note : diagnoser->info().notes) std::cerr << "warning: " << englishText(note) << "\n";
        diagnosis::DiagnoseOptions options;
        // The line shows the call; the map is needed only for the overlay sent back.
        options.explain = node.has_value();
        queue = std::make_unique<workflows::ArrivalDiagnosis>(
            *diagnoser, options, [&](const workflows::ArrivalResult& a) {
                ResultsSent results;
                if (a.diagnosed) {
                    ++tally.diagnosed;
                    {
                        std::lock_guard<std::mutex> lock(tally.mutex);
                        tally.delays.push_back(a.delayMs);
                    }
                    if (node) results = sendBack(*node, args, a, diagnoser->info());
                    if (results.tried) ++(results.sent ? tally.resultsSent : tally.resultsFailed);
                } else {
                    ++tally.notDiagnosed;
                }
                printer.result(a, results, node ? node->toString() : std::string());
            });
    }

    pacs::ListenerCallbacks callbacks;
    callbacks.onStored = [&](const pacs::ReceivedInstance& r, const std::string& caller) {
        ++tally.stored;
        if (queue)
            queue->add(r, caller);
        else
            printer.stored(r, caller);
    };
    callbacks.onRejected = [&](const std::string& reason, const std::string& caller) {
        ++tally.rejected;
        printer.rejected(reason, caller);
    };
    pacs::StorageListener listener(args.settings, callbacks);
    listener.start();
    std::cerr << "cxr: listening on port " << args.settings.port << " as " << args.settings.aeTitle << ", storing into "
              << displayPath(args.settings.folder)
              << (diagnoser ? ", diagnosing with " + diagnoser->info().name : std::string()) << "; Ctrl-C stops\n";
    std::cerr.flush();

    bool failed = false;
    while (!token->isCancelled()) {
        if (!listener.running()) {
            failed = true;  // the accept loop ended by itself
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    listener.stop();  // no new objects; running associations end
    const long waiting = queue ? static_cast<long>(queue->pending()) : 0;
    if (queue) queue->stop(false);  // the film under way finishes; the rest stay stored

    std::ostringstream summary;
    summary << "cxr: listener stopped: " << tally.stored << " object(s) stored, " << tally.rejected << " refused";
    if (diagnoser) {
        summary << ", " << tally.diagnosed << " diagnosed, " << tally.notDiagnosed << " not diagnosed";
        if (waiting > 1) summary << " (" << waiting - 1 << " of them left in the queue at the stop)";
        std::lock_guard<std::mutex> lock(tally.mutex);
        summary << medianAndWorst(tally.delays);
        if (node)
            summary << "; results sent for " << tally.resultsSent << " film(s), failed for " << tally.resultsFailed;
    }
    std::cerr << summary.str() << "\n";
    if (failed) {
        std::cerr << "cxr: the listener on port " << args.settings.port << " stopped accepting connections\n";
        return 1;
    }
    return 0;
}

const CommandRegistration kListen(55, [](CLI::App& root, CLI::App*& sub) -> CommandRun {
    sub = root.add_subcommand("listen", "Receive films pushed over DICOM (Storage SCP); diagnose them on arrival");
    sub->description(
        "Run a DICOM Storage SCP: modalities and PACS push objects to PORT with our AE title as "
        "the called AE title. Every object is stored in --out as <SOP Instance UID>.dcm, written "
        "atomically; non-image objects are stored and noted, not diagnosed. With --model each "
        "diagnosable film is diagnosed as it arrives. One line per object on standard output (one "
        "JSON object per line with --json); refused objects on standard error. Runs until Ctrl-C "
        "or SIGTERM, then prints a summary. Research and teaching only; not a diagnostic device.");
    auto args = std::make_shared<ListenArgs>();
    sub->add_option("--port", args->settings.port, "TCP port to listen on")->required()->check(CLI::Range(1, 65535));
    sub->add_option("--aet", args->settings.aeTitle, "Our AE title (senders must call it)")->capture_default_str();
    sub->add_option("--out", args->out, "Folder the received objects are stored in")->required();
    auto* model = sub->add_option("--model", args->model, "Diagnose each film with this model (run or export folder)");
    sub->add_option("--device", args->device, "Device for --model: auto, cpu, cuda, cuda:N")->capture_default_str();
    sub->add_option("--send-results", args->sendResults,
                    "Send each diagnosed film's results (TID 1500 SR and overlay) into its study on this node, "
                    "AET@HOST:PORT (needs --model)")
        ->needs(model);
    sub->add_flag("--json", args->json, "One JSON object per line");
    sub->add_option("--max-associations", args->settings.maxAssociations, "Associations served at once")
        ->capture_default_str()
        ->check(CLI::Range(1, 64));
    return [args]() -> int { return runListen(*args); };
});

}  // namespace
}  // namespace cxr::cli
