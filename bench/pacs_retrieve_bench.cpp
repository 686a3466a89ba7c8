// pacs_retrieve_bench: films from a PACS to diagnoses, end to end on this machine. Makes N
// synthetic DICOM films of 1,000-2,000 px (every transfer syntax the synthesiser cycles
// through), puts them into one fresh study on a running Orthanc (REST upload), then times
// retrieving that study by C-GET while diagnosing each film as it arrives, twice:
//   sequential: each film is diagnosed inside the retrieve's callback (the transfer waits), so
//               the wall time splits cleanly into network (retrieve and store), decode (the
//               Diagnosis' "load") and model (forward + CAM);
//   pipelined:  a worker thread diagnoses while the transfer goes on (what a triage list does).
//
//   pacs_retrieve_bench --pacs AET@HOST:PORT --http PORT --model RUN [--films 100] [--work DIR]
//                       [--aet CXRSTUDIO] [--seed 4242] [--device cpu]
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include <CLI/CLI.hpp>
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcuid.h>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/diagnosis/diagnoser.h"
#include "core/imaging/dcmtk_codecs.h"
#include "core/pacs/retrieve.h"
#include "core/synth/synthetic_set.h"

namespace fs = std::filesystem;
using namespace cxr;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// POST /instances on Orthanc's REST port (loopback, HTTP/1.0); returns the HTTP status.
int postInstance(int port, const std::vector<std::uint8_t>& body) {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        ::close(s);
        throw Error(ErrorCode::Io, "cannot connect to Orthanc's REST port 127.0.0.1:" + std::to_string(port));
    }
    std::ostringstream head;
    head << "POST /instances HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Length: " << body.size()
         << "\r\nConnection: close\r\n\r\n";
    std::string data = head.str();
    data.append(body.begin(), body.end());
    for (size_t sent = 0; sent < data.size();) {
        const auto n = ::send(s, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;
        sent += static_cast<size_t>(n);
    }
    std::string reply;
    char buffer[4096];
    for (ssize_t n; (n = ::recv(s, buffer, sizeof buffer, 0)) > 0;) reply.append(buffer, static_cast<size_t>(n));
    ::close(s);
    const auto space = reply.find(' ');
    return space == std::string::npos ? 0 : std::atoi(reply.c_str() + space + 1);
}

// Puts every film into one fresh study (fresh UIDs, a bench patient), in its own syntax.
void moveIntoStudy(const fs::path& file, const std::string& study, const std::string& series, int number) {
    DcmFileFormat ff;
    if (ff.loadFile(file.c_str()).bad()) throw Error(ErrorCode::Io, file, "cannot read the film");
    ff.loadAllDataIntoMemory();  // large values load lazily, from the file about to be rewritten
    DcmDataset* d = ff.getDataset();
    const E_TransferSyntax xfer = d->getOriginalXfer();
    char uid[100];
    d->putAndInsertString(DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT));
    d->putAndInsertString(DCM_StudyInstanceUID, study.c_str());
    d->putAndInsertString(DCM_SeriesInstanceUID, series.c_str());
    d->putAndInsertString(DCM_PatientID, "CXRBENCH");
    d->putAndInsertString(DCM_PatientName, "BENCH^RETRIEVE");
    d->putAndInsertString(DCM_InstanceNumber, std::to_string(number).c_str());
    ff.getMetaInfo()->clear();
    if (ff.saveFile(file.c_str(), xfer).bad()) throw Error(ErrorCode::Io, file, "cannot rewrite the film");
}

struct Totals {
    int films = 0, others = 0;
    double diagnoseS = 0, loadMs = 0, modelMs = 0;
    void add(const diagnosis::Diagnosis& d) {
        ++films;
        const auto get = [&](const char* k) { return d.timingsMs.count(k) ? d.timingsMs.at(k) : 0.0; };
        loadMs += get("load");
        modelMs += get("forward") + get("cam");
    }
};

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"pacs_retrieve_bench: retrieve by C-GET + diagnose as films arrive, end to end"};
    std::string pacsText, modelArg, device = "cpu", aet = "CXRSTUDIO";
    int httpPort = 0, films = 100;
    std::uint64_t seed = 4242;
    fs::path work = fs::temp_directory_path() / "cxr-pacs-retrieve-bench";
    app.add_option("--pacs", pacsText, "the Orthanc node, AET@HOST:PORT")->required();
    app.add_option("--http", httpPort, "its REST (HTTP) port on 127.0.0.1, for the upload")
        ->required()
        ->check(CLI::Range(1, 65535));
    app.add_option("--model", modelArg, "run folder or model bundle")->required();
    app.add_option("--films", films, "films in the study")->capture_default_str()->check(CLI::Range(1, 10000));
    app.add_option("--work", work, "scratch folder")->capture_default_str();
    app.add_option("--aet", aet, "our calling AE title")->capture_default_str();
    app.add_option("--seed", seed, "synthesiser seed")->capture_default_str();
    app.add_option("--device", device, "cpu | cuda | auto")->capture_default_str();
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }
    try {
        imaging::detail::ensureDcmtkCodecs();
        const auto node = pacs::parseDicomNode(pacsText);
        fs::remove_all(work);
        synth::SynthOptions options;
        options.train = films;
        options.val = 0;
        options.test = 0;
        options.seed = seed;
        options.dicom = true;  // size 0: 1,000-2,000 px, drawn per film
        auto start = Clock::now();
        const auto set = synth::makeSyntheticSet(work / "films", options);
        std::printf("made %d DICOM films (%.1f MB) in %.1f s\n", set.films, set.bytesWritten / 1e6, secondsSince(start));

        char uid[100];
        const std::string study = dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT);
        const std::string series = dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT);
        start = Clock::now();
        int number = 0;
        for (const auto& e : fs::recursive_directory_iterator(work / "films")) {
            if (e.path().extension() != ".dcm") continue;
            moveIntoStudy(e.path(), study, series, ++number);
            const int status = postInstance(httpPort, readFileBytes(e.path()));
            if (status != 200) throw Error(ErrorCode::Io, e.path(), "Orthanc answered HTTP " + std::to_string(status));
        }
        std::printf("uploaded %d films to %s as study %s in %.1f s\n", number, node.toString().c_str(), study.c_str(),
                    secondsSince(start));

        start = Clock::now();
        const diagnosis::Diagnoser diagnoser(modelArg, device);
        std::printf("model %s loaded in %.1f s (not counted below)\n", modelArg.c_str(), secondsSince(start));
        pacs::AssociationSettings settings;
        settings.callingAeTitle = aet;
        settings.dimseTimeoutSeconds = 120;

        // Sequential: the shares of the wall time.
        Totals seq;
        start = Clock::now();
        const auto r1 = pacs::retrieveByGet(node, settings, {study, "", work / "sequential"},
                                            [&](const pacs::ReceivedInstance& i, const pacs::RetrieveCounts&) {
                                                if (!i.diagnosable) {
                                                    ++seq.others;
                                                    return;
                                                }
                                                const auto t = Clock::now();
                                                seq.add(diagnoser.diagnoseFile(i.file));
                                                seq.diagnoseS += secondsSince(t);
                                            });
        const double wall1 = secondsSince(start);
        const double network = wall1 - seq.diagnoseS, decode = seq.loadMs / 1000, model = seq.modelMs / 1000;
        const double other = wall1 - network - decode - model;
        std::printf("\nsequential (diagnose inside the transfer): %zu objects, %d films diagnosed in %.1f s: %.2f films/s\n",
                    r1.instances.size(), seq.films, wall1, seq.films / wall1);
        std::printf("  network (C-GET, store)  %6.1f s  %5.1f %%\n", network, 100 * network / wall1);
        std::printf("  decode (load)           %6.1f s  %5.1f %%\n", decode, 100 * decode / wall1);
        std::printf("  model (forward + cam)   %6.1f s  %5.1f %%\n", model, 100 * model / wall1);
        std::printf("  other (preprocess, resample) %1.1f s  %5.1f %%\n", other, 100 * other / wall1);

        // Pipelined: a worker diagnoses while the transfer goes on.
        std::mutex mutex;
        std::condition_variable wake;
        std::deque<fs::path> queue;
        bool done = false;
        Totals pipe;
        std::thread worker([&] {
            for (;;) {
                fs::path file;
                {
                    std::unique_lock<std::mutex> lock(mutex);
                    wake.wait(lock, [&] { return done || !queue.empty(); });
                    if (queue.empty()) return;
                    file = queue.front();
                    queue.pop_front();
                }
                pipe.add(diagnoser.diagnoseFile(file));
            }
        });
        start = Clock::now();
        const auto r2 = pacs::retrieveByGet(node, settings, {study, "", work / "pipelined"},
                                            [&](const pacs::ReceivedInstance& i, const pacs::RetrieveCounts&) {
                                                if (!i.diagnosable) return;
                                                std::lock_guard<std::mutex> lock(mutex);
                                                queue.push_back(i.file);
                                                wake.notify_one();
                                            });
        const double transfer = secondsSince(start);
        {
            std::lock_guard<std::mutex> lock(mutex);
            done = true;
        }
        wake.notify_one();
        worker.join();
        const double wall2 = secondsSince(start);
        std::printf("\npipelined (a worker diagnoses while the transfer goes on): %zu objects, %d films in %.1f s: "
                    "%.2f films/s (transfer alone done after %.1f s)\n",
                    r2.instances.size(), pipe.films, wall2, pipe.films / wall2, transfer);
        std::printf("  decode %.1f s, model %.1f s summed over films\n", pipe.loadMs / 1000, pipe.modelMs / 1000);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "pacs_retrieve_bench: %s\n", e.what());
        return 1;
    }
}
