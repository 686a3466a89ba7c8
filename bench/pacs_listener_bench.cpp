// pacs_listener_bench: films pushed to the listener and diagnosed on arrival, the way `cxr
// listen --model` runs (StorageListener + ArrivalDiagnosis). Makes synthetic DICOM films of
// 1,000-2,000 px, pushes them with DCMTK's storescu on ONE association, waits until every film
// is stored and diagnosed, and prints the counts and the delay from arrival (stored) to
// diagnosis: median and worst, with the push's and the whole run's wall time.
//
// storescu sends a film as it is only in an uncompressed syntax (it proposes no compressed
// one unless told which), so with --sender storescu the films are drawn from the synthetic
// set's explicit/implicit/big-endian/deflated films; --sender dcmsend sends all nine syntaxes.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/common/allocator_settings.h"
#include "core/common/error.h"
#include "core/diagnosis/diagnoser.h"
#include "core/model/device.h"
#include "core/pacs/storage_listener.h"
#include "core/synth/synthetic_set.h"
#include "core/workflows/arrival_diagnosis.h"
#include "synth_csv.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

double percentile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const double pos = q * static_cast<double>(v.size() - 1);
    const size_t lo = static_cast<size_t>(pos);
    const size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - static_cast<double>(lo));
}

// A free port: bound to 0, read back, closed.
int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    socklen_t length = sizeof address;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
        throw cxr::Error(cxr::ErrorCode::Io, "cannot find a free port (give --port)");
    ::close(fd);
    return ntohs(address.sin_port);
}

}  // namespace

int main(int argc, char** argv) {
    cxr::keepFreedMemoryForReuse();  // what cxr does: measure what users run
    CLI::App app{"pacs_listener_bench: films pushed on one association, diagnosed on arrival"};
    std::string model, device = "cpu", sender = "storescu";
    fs::path work = fs::temp_directory_path() / "cxr-listener-bench";
    int films = 100, port = 0;
    std::uint64_t seed = 4242;
    app.add_option("MODEL", model, "run folder or model bundle")->required();
    app.add_option("--films", films, "films to push")->capture_default_str()->check(CLI::Range(1, 10000));
    app.add_option("--work", work, "scratch folder (films, received objects)")->capture_default_str();
    app.add_option("--device", device, "cpu | cuda | cuda:N | auto")->capture_default_str();
    app.add_option("--sender", sender, "storescu (uncompressed films) or dcmsend (every syntax)")
        ->check(CLI::IsMember({"storescu", "dcmsend"}))
        ->capture_default_str();
    app.add_option("--port", port, "listener port (default: a free one)");
    app.add_option("--seed", seed, "synthetic set seed")->capture_default_str();
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }
    try {
        cxr::model::initTorchThreads();
        // 1. Films: 1,000-2,000 px (size 0), DICOM, cycling transfer syntaxes.
        const std::set<std::string> storescuSends{"explicit-little", "implicit-little", "explicit-big", "deflated"};
        cxr::synth::SynthOptions options;
        options.dicom = true;
        options.size = 0;
        options.seed = seed;
        options.val = 0;
        options.test = 0;
        options.train = sender == "storescu" ? (films * 9 + 3) / 4 + 9 : films;
        const fs::path set = work / "films";
        const auto t0 = Clock::now();
        fs::remove_all(set);
        cxr::synth::makeSyntheticSet(set, options);
        std::vector<fs::path> chosen;
        std::map<std::string, int> bySyntax;
        for (const auto& row : cxr::bench::readSynthCsv(set / "films.csv")) {
            if (static_cast<int>(chosen.size()) == films) break;
            if (row.size() < 10 || (sender == "storescu" && !storescuSends.count(row[9]))) continue;
            chosen.push_back(set / row[4]);
            ++bySyntax[row[9]];
        }
        if (static_cast<int>(chosen.size()) < films)
            throw cxr::Error(cxr::ErrorCode::Internal, "the synthetic set has too few films to send");
        std::cout << "films: " << chosen.size() << " synthetic DICOM films, 1000-2000 px (made in "
                  << static_cast<int>(seconds(Clock::now() - t0)) << " s); syntaxes:";
        for (const auto& [name, n] : bySyntax) std::cout << " " << name << " " << n;
        std::cout << "\n";

        // 2. Listener + diagnosis queue, as `cxr listen --model` sets them up.
        const cxr::diagnosis::Diagnoser diagnoser(model, device);
        cxr::diagnosis::DiagnoseOptions diagnose;
        diagnose.explain = false;
        std::mutex mutex;
        std::condition_variable done;
        std::vector<double> delays, modelMs;
        long stored = 0, diagnosed = 0, failed = 0;
        Clock::time_point lastDiagnosis{};
        cxr::workflows::ArrivalDiagnosis queue(diagnoser, diagnose, [&](const cxr::workflows::ArrivalResult& a) {
            std::lock_guard<std::mutex> lock(mutex);
            if (a.diagnosed) {
                ++diagnosed;
                delays.push_back(a.delayMs);
                modelMs.push_back(a.diagnosis.timingsMs.count("total") ? a.diagnosis.timingsMs.at("total") : 0);
            } else {
                ++failed;
                std::cerr << "not diagnosed: " << a.instance.file << ": " << a.reason << "\n";
            }
            lastDiagnosis = Clock::now();
            done.notify_all();
        });
        cxr::pacs::ListenerSettings settings;
        settings.port = port > 0 ? port : freePort();
        settings.folder = work / "received";
        fs::remove_all(settings.folder);
        cxr::pacs::ListenerCallbacks callbacks;
        callbacks.onStored = [&](const cxr::pacs::ReceivedInstance& r, const std::string& caller) {
            {
                std::lock_guard<std::mutex> lock(mutex);
                ++stored;
            }
            queue.add(r, caller);
        };
        callbacks.onRejected = [&](const std::string& reason, const std::string&) {
            std::cerr << "refused: " << reason << "\n";
        };
        cxr::pacs::StorageListener listener(settings, callbacks);
        listener.start();

        // 3. Push on one association.
        std::string command = sender == "storescu" ? "storescu -aec CXRSTUDIO 127.0.0.1 "
                                                   : "dcmsend -aec CXRSTUDIO 127.0.0.1 ";
        command += std::to_string(settings.port);
        for (const auto& f : chosen) command += " '" + f.string() + "'";
        const auto pushStart = Clock::now();
        const int rc = std::system(command.c_str());
        const double pushSeconds = seconds(Clock::now() - pushStart);
        if (rc != 0) std::cerr << sender << " exited with status " << rc << "\n";

        // 4. Wait for every film's diagnosis.
        {
            std::unique_lock<std::mutex> lock(mutex);
            done.wait_for(lock, std::chrono::minutes(30),
                          [&] { return diagnosed + failed >= static_cast<long>(chosen.size()); });
        }
        listener.stop();
        queue.stop(true);
        const double wall = seconds(lastDiagnosis - pushStart);
        std::cout << "device: " << diagnoser.info().device << ", model " << diagnoser.info().name << "\n";
        std::cout << "pushed with " << sender << " on one association: " << chosen.size() << " films in "
                  << pushSeconds << " s\n";
        std::cout << "stored: " << stored << "/" << chosen.size() << ", diagnosed: " << diagnosed << "/"
                  << chosen.size() << (failed ? ", not diagnosed: " + std::to_string(failed) : std::string()) << "\n";
        std::printf("arrival -> diagnosis delay: median %.0f ms, p90 %.0f ms, worst %.0f ms\n",
                    percentile(delays, 0.5), percentile(delays, 0.9), percentile(delays, 1.0));
        std::printf("diagnosis itself (load + model) per film: median %.0f ms\n", percentile(modelMs, 0.5));
        std::printf("first push -> last diagnosis: %.1f s (%.2f films/s)\n", wall,
                    wall > 0 ? static_cast<double>(diagnosed) / wall : 0.0);
        return stored == static_cast<long>(chosen.size()) && diagnosed == static_cast<long>(chosen.size()) ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "pacs_listener_bench: " << e.what() << "\n";
        return 1;
    }
}
