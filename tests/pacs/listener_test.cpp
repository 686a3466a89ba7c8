// The Storage SCP (StorageListener) and `cxr listen` with real senders: DCMTK's storescu (one
// association with every transfer syntax, two associations at once), a DcmSCU sending objects
// the listener must refuse, Orthanc pushing a film it holds, and the CLI under a file-size
// limit (the disk full), with a model, stopped by SIGINT. What arrived is read back from the
// folder and compared pixel for pixel with what was sent.
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <future>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <dcmtk/dcmnet/scu.h>
#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/imaging/load_film.h"
#include "core/pacs/dicom_uids.h"
#include "core/pacs/storage_listener.h"
#include "hardening/cli_process.h"
#include "pacs/test_pacs_env.h"
#include "test_dirs.h"

namespace cxr::pacs {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

struct Shell {
    int code = -1;
    std::string output;
};

// Runs a shell command (a DCMTK tool), stdout and stderr together.
Shell shell(const std::string& command) {
    Shell r;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return r;
    char buffer[4096];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) r.output.append(buffer, n);
    const int status = ::pclose(pipe);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

std::string tag(const fs::path& file, const DcmTagKey& key) {
    DcmFileFormat f;
    if (f.loadFile(file.c_str()).bad()) return {};
    OFString v;
    if (key == DCM_TransferSyntaxUID) {
        f.getMetaInfo()->findAndGetOFString(key, v);
    } else {
        f.getDataset()->findAndGetOFString(key, v);
    }
    return v.c_str();
}

// A synthetic DICOM set made by `cxr synth`; returns the films' paths by transfer syntax name
// (films.csv: explicit-little, jpeg-lossless, ...).
std::map<std::string, fs::path> synthFilms(const fs::path& dir, int count, int size, int seed) {
    const auto r = test::runCli({"synth", dir.string(), "--dicom", "--train", std::to_string(count), "--val", "0",
                                 "--test", "0", "--size", std::to_string(size), "--seed", std::to_string(seed)},
                                dir.string() + ".log");
    EXPECT_EQ(r.code, 0) << r.output;
    std::map<std::string, fs::path> films;
    std::ifstream csv(dir / "films.csv");
    std::string line;
    std::getline(csv, line);
    while (std::getline(csv, line)) {
        std::vector<std::string> cells;
        std::stringstream in(line);
        for (std::string cell; std::getline(in, cell, ',');) cells.push_back(cell);
        if (cells.size() >= 10) films[cells[9]] = dir / cells[4];
    }
    return films;
}

std::vector<fs::path> valuesOf(const std::map<std::string, fs::path>& m) {
    std::vector<fs::path> v;
    for (const auto& [k, p] : m) v.push_back(p);
    return v;
}

// dcmsend offers each file's own transfer syntax beside the uncompressed ones (storescu offers
// only uncompressed ones unless told which compression to propose).
std::string dcmsend(int port, const std::vector<fs::path>& files, int* code) {
    std::string cmd = "dcmsend -aet CXRTESTSENDER -aec CXRSTUDIO 127.0.0.1 " + std::to_string(port);
    for (const auto& f : files) cmd += " " + quoted(f);
    const auto r = shell(cmd);
    *code = r.code;
    return r.output;
}

std::string storescu(int port, const std::vector<fs::path>& files, const std::string& calledAe = "CXRSTUDIO",
                     int* code = nullptr) {
    // -v: the store responses' statuses are in the output.
    std::string cmd = "storescu -v -aet CXRTESTSENDER -aec " + calledAe + " 127.0.0.1 " + std::to_string(port);
    for (const auto& f : files) cmd += " " + quoted(f);
    const auto r = shell(cmd);
    if (code) *code = r.code;
    return r.output;
}

// A Basic Text SR written with dump2dcm: an object a PACS study holds that is not an image.
fs::path makeStructuredReport(const fs::path& dir, const std::string& uidRoot) {
    const fs::path dump = dir / "sr.dump", file = dir / "sr.dcm";
    std::ofstream(dump) << "(0008,0016) UI =BasicTextSRStorage\n"
                        << "(0008,0018) UI [" << uidRoot << ".3]\n"
                        << "(0008,0060) CS [SR]\n"
                        << "(0010,0010) PN [LISTENER^TEST]\n"
                        << "(0010,0020) LO [H2LISTEN]\n"
                        << "(0020,000d) UI [" << uidRoot << ".1]\n"
                        << "(0020,000e) UI [" << uidRoot << ".2]\n"
                        << "(0040,a040) CS [CONTAINER]\n"
                        << "(0040,a050) CS [SEPARATE]\n"
                        << "(0040,a491) CS [COMPLETE]\n"
                        << "(0040,a493) CS [UNVERIFIED]\n";
    const auto r = shell("dump2dcm --write-xfer-little " + quoted(dump) + " " + quoted(file));
    EXPECT_EQ(r.code, 0) << r.output;
    return file;
}

std::string uniqueRoot() {
    return "2.25." + std::to_string(static_cast<unsigned long long>(::getpid()) * 1000003ULL +
                                    static_cast<unsigned long long>(
                                        std::chrono::steady_clock::now().time_since_epoch().count() % 1000000007));
}

// What a listener reported, with a wait for the next reports.
struct Reports {
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<ReceivedInstance> stored;
    std::vector<std::string> callers, rejected;

    ListenerCallbacks callbacks() {
        ListenerCallbacks c;
        c.onStored = [this](const ReceivedInstance& r, const std::string& caller) {
            std::lock_guard<std::mutex> lock(mutex);
            stored.push_back(r);
            callers.push_back(caller);
            changed.notify_all();
        };
        c.onRejected = [this](const std::string& reason, const std::string&) {
            std::lock_guard<std::mutex> lock(mutex);
            rejected.push_back(reason);
            changed.notify_all();
        };
        return c;
    }
    bool waitStored(size_t n, std::chrono::seconds limit = 20s) {
        std::unique_lock<std::mutex> lock(mutex);
        return changed.wait_for(lock, limit, [&] { return stored.size() >= n; });
    }
};

ListenerSettings settingsFor(const fs::path& folder) {
    ListenerSettings s;
    s.port = test::closedPort();
    s.folder = folder;
    return s;
}

void expectSamePixels(const fs::path& sent, const fs::path& received) {
    const auto a = imaging::loadFilm(sent), b = imaging::loadFilm(received);
    ASSERT_EQ(a.width, b.width) << received;
    ASSERT_EQ(a.height, b.height) << received;
    EXPECT_TRUE(a.pixels == b.pixels) << received << " differs from " << sent;
}

// Files in `dir` that are not <UID>.dcm: leftovers of a failed write.
std::vector<std::string> strayFiles(const fs::path& dir) {
    std::vector<std::string> stray;
    for (const auto& e : fs::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        if (e.path().extension() != ".dcm" || name.find_first_not_of("0123456789.") != name.size() - 3)
            stray.push_back(name);
    }
    return stray;
}

TEST(StorageListener, StoresEveryFilmOfOneAssociationAsSentPixelForPixel) {
    // dcmsend sends all nine on one association; storescu then three uncompressed ones again on
    // another (the same SOP instances: each file is replaced, atomically).
    const fs::path dir = test::scratchDir();
    const auto films = synthFilms(dir / "films", 9, 256, 160101);
    ASSERT_EQ(films.size(), 9u);  // every transfer syntax the synthetic sets use
    Reports reports;
    StorageListener listener(settingsFor(dir / "in"), reports.callbacks());
    listener.start();
    EXPECT_TRUE(listener.running());
    int code = -1;
    const std::string out = dcmsend(listener.settings().port, valuesOf(films), &code);
    EXPECT_EQ(code, 0) << out;
    ASSERT_TRUE(reports.waitStored(films.size())) << out;
    // storescu sends several films on one association too.
    const auto uncompressed = {films.at("explicit-little"), films.at("implicit-little"), films.at("explicit-big")};
    const std::string again = storescu(listener.settings().port, uncompressed, "CXRSTUDIO", &code);
    EXPECT_EQ(code, 0) << again;
    ASSERT_TRUE(reports.waitStored(films.size() + 3)) << again;
    EXPECT_TRUE(reports.rejected.empty());
    for (const auto& [syntax, sent] : films) {
        const std::string uid = tag(sent, DCM_SOPInstanceUID);
        const fs::path received = dir / "in" / (uid + ".dcm");
        ASSERT_TRUE(fs::exists(received)) << syntax;
        // Compressed films are kept as sent, not re-encoded; uncompressed ones may arrive in
        // another uncompressed syntax (the sender converts, losslessly).
        const std::set<std::string> uncompressed{UID_LittleEndianImplicitTransferSyntax,
                                                 UID_LittleEndianExplicitTransferSyntax,
                                                 UID_BigEndianExplicitTransferSyntax};
        const std::string sentSyntax = tag(sent, DCM_TransferSyntaxUID), got = tag(received, DCM_TransferSyntaxUID);
        if (uncompressed.count(sentSyntax))
            EXPECT_TRUE(uncompressed.count(got)) << syntax << " arrived as " << got;
        else
            EXPECT_EQ(got, sentSyntax) << syntax;
        expectSamePixels(sent, received);
    }
    for (size_t i = 0; i < reports.stored.size(); ++i) {
        EXPECT_TRUE(reports.stored[i].diagnosable) << reports.stored[i].note;
        EXPECT_EQ(reports.callers[i], "CXRTESTSENDER");
    }
    EXPECT_TRUE(strayFiles(dir / "in").empty());
    listener.stop();
    EXPECT_FALSE(listener.running());
}

// An association a DcmSCU opens and holds (verification only) until it is destroyed.
std::unique_ptr<DcmSCU> holdAssociation(int port) {
    auto scu = std::make_unique<DcmSCU>();
    scu->setAETitle("CXRTESTHOLDER");
    scu->setPeerAETitle("CXRSTUDIO");
    scu->setPeerHostName("127.0.0.1");
    scu->setPeerPort(static_cast<Uint16>(port));
    OFList<OFString> syntaxes;
    syntaxes.push_back(UID_LittleEndianImplicitTransferSyntax);
    scu->addPresentationContext(UID_VerificationSOPClass, syntaxes);
    EXPECT_TRUE(scu->initNetwork().good());
    EXPECT_TRUE(scu->negotiateAssociation().good());
    return scu;
}

TEST(StorageListener, ServesSeveralAssociationsAtOnceUpToItsLimit) {
    const fs::path dir = test::scratchDir();
    const auto a = valuesOf(synthFilms(dir / "a", 4, 256, 160201));
    const auto b = valuesOf(synthFilms(dir / "b", 4, 256, 160202));
    Reports reports;
    auto settings = settingsFor(dir / "in");
    settings.maxAssociations = 3;
    StorageListener listener(settings, reports.callbacks());
    listener.start();
    // While one association stays open, two storescu associations run side by side.
    auto held = holdAssociation(settings.port);
    auto first = std::async(std::launch::async, [&] { return storescu(settings.port, a); });
    auto second = std::async(std::launch::async, [&] { return storescu(settings.port, b); });
    const std::string outA = first.get(), outB = second.get();
    ASSERT_TRUE(reports.waitStored(8)) << outA << outB;
    for (const auto& f : a) EXPECT_TRUE(fs::exists(dir / "in" / (tag(f, DCM_SOPInstanceUID) + ".dcm")));
    for (const auto& f : b) EXPECT_TRUE(fs::exists(dir / "in" / (tag(f, DCM_SOPInstanceUID) + ".dcm")));
    EXPECT_TRUE(held->sendECHORequest(0).good());  // the held one is still served
    held->releaseAssociation();
    listener.stop();

    // One association at a time: a second caller is turned away while the first is open.
    Reports one;
    settings.maxAssociations = 1;
    StorageListener single(settings, one.callbacks());
    single.start();
    auto holder = holdAssociation(settings.port);
    int code = 0;
    const auto busy = storescu(settings.port, {a[0]}, "CXRSTUDIO", &code);
    EXPECT_NE(code, 0) << busy;
    EXPECT_NE(busy.find("Local Limit Exceeded"), std::string::npos) << busy;
    holder->releaseAssociation();
    std::this_thread::sleep_for(200ms);  // the worker notices the release
    const auto welcome = storescu(settings.port, {a[0]}, "CXRSTUDIO", &code);
    EXPECT_EQ(code, 0) << welcome;
    EXPECT_TRUE(one.waitStored(1));
}

TEST(StorageListener, StoresANonImageObjectAndNotesItIsNotDiagnosable) {
    const fs::path dir = test::scratchDir();
    const fs::path sr = makeStructuredReport(dir, uniqueRoot());
    Reports reports;
    StorageListener listener(settingsFor(dir / "in"), reports.callbacks());
    listener.start();
    int code = -1;
    const auto out = storescu(listener.settings().port, {sr}, "CXRSTUDIO", &code);
    EXPECT_EQ(code, 0) << out;
    ASSERT_TRUE(reports.waitStored(1)) << out;
    EXPECT_FALSE(reports.stored[0].diagnosable);
    EXPECT_NE(reports.stored[0].note.find("not an image"), std::string::npos) << reports.stored[0].note;
    EXPECT_EQ(reports.stored[0].sopClassUid, UID_BasicTextSRStorage);
    EXPECT_TRUE(fs::exists(reports.stored[0].file));
}

// `film` rewritten with its pixel data as one encapsulated fragment of `bytes` in transfer
// syntax `xfer` (a syntax CXR Studio cannot decode: the content never gets that far), with
// fresh instance UIDs below `root`.
fs::path encapsulatedCopy(const fs::path& film, const fs::path& out, E_TransferSyntax xfer, const std::string& root) {
    DcmFileFormat file;
    EXPECT_TRUE(file.loadFile(film.c_str()).good());
    DcmDataset* ds = file.getDataset();
    ds->putAndInsertString(DCM_SOPInstanceUID, (root + ".1").c_str());
    ds->putAndInsertString(DCM_SeriesInstanceUID, (root + ".2").c_str());
    ds->putAndInsertString(DCM_StudyInstanceUID, (root + ".3").c_str());
    auto* sequence = new DcmPixelSequence(DCM_PixelSequenceTag);
    sequence->insert(new DcmPixelItem(DCM_PixelItemTag));  // empty offset table
    auto* fragment = new DcmPixelItem(DCM_PixelItemTag);
    const std::vector<Uint8> bytes(4096, 0x5a);
    fragment->putUint8Array(bytes.data(), static_cast<unsigned long>(bytes.size()));
    sequence->insert(fragment);
    auto* pixels = new DcmPixelData(DCM_PixelData);
    pixels->putOriginalRepresentation(xfer, nullptr, sequence);
    ds->insert(pixels, true);
    EXPECT_TRUE(file.saveFile(out.c_str(), xfer).good());
    return out;
}

// Sends each file in its own transfer syntax only (as a sender that cannot convert it does) on
// one association; returns the store statuses.
std::vector<Uint16> sendAsStored(int port, const std::vector<fs::path>& files) {
    DcmSCU scu;
    scu.setAETitle("CXRTESTSENDER");
    scu.setPeerAETitle("CXRSTUDIO");
    scu.setPeerHostName("127.0.0.1");
    scu.setPeerPort(static_cast<Uint16>(port));
    std::vector<std::pair<std::string, std::string>> contexts;
    for (const auto& f : files) {
        DcmFileFormat file;
        EXPECT_TRUE(file.loadFile(f.c_str()).good()) << f;
        OFString sopClass, syntax;
        file.getDataset()->findAndGetOFString(DCM_SOPClassUID, sopClass);
        syntax = DcmXfer(file.getDataset()->getOriginalXfer()).getXferID();
        OFList<OFString> one;
        one.push_back(syntax);
        scu.addPresentationContext(sopClass, one);
        contexts.emplace_back(sopClass.c_str(), syntax.c_str());
    }
    EXPECT_TRUE(scu.initNetwork().good());
    EXPECT_TRUE(scu.negotiateAssociation().good());
    std::vector<Uint16> statuses;
    for (size_t i = 0; i < files.size(); ++i) {
        const T_ASC_PresentationContextID id = scu.findPresentationContextID(contexts[i].first.c_str(), contexts[i].second.c_str());
        EXPECT_NE(id, 0) << "no accepted context for " << contexts[i].second;
        Uint16 status = 0xFFFF;
        if (id != 0) scu.sendSTORERequest(id, files[i].c_str(), nullptr, status);
        statuses.push_back(status);
    }
    scu.releaseAssociation();
    return statuses;
}

// A film in a syntax CXR Studio cannot decode (JPEG 2000 Part 2, MPEG-2) is taken as sent,
// kept and noted, not refused; CXR Studio's own overlay forwarded back is kept, not diagnosed
// (a result of a result would follow).
TEST(StorageListener, KeepsFilmsItCannotDecodeAndItsOwnResultsWithoutDiagnosingThem) {
    const fs::path dir = test::scratchDir();
    const auto films = valuesOf(synthFilms(dir / "films", 1, 128, 160601));
    const std::string root = uniqueRoot();
    const fs::path part2 = encapsulatedCopy(films[0], dir / "part2.dcm", EXS_JPEG2000MulticomponentLosslessOnly, root + ".1");
    const fs::path mpeg = encapsulatedCopy(films[0], dir / "mpeg2.dcm", EXS_MPEG2MainProfileAtMainLevel, root + ".2");
    // The film again under CXR Studio's own UID root, as an overlay of ours would come back.
    const fs::path ours = dir / "ours.dcm";
    {
        DcmFileFormat file;
        ASSERT_TRUE(file.loadFile(films[0].c_str()).good());
        file.getDataset()->putAndInsertString(DCM_SOPInstanceUID,
                                              (std::string(pacs::kCxrUidRoot) + "." + root.substr(5) + ".9").c_str());
        ASSERT_TRUE(file.saveFile(ours.c_str()).good());
    }
    Reports reports;
    StorageListener listener(settingsFor(dir / "in"), reports.callbacks());
    listener.start();
    const auto statuses = sendAsStored(listener.settings().port, {part2, mpeg, ours});
    EXPECT_EQ(statuses, (std::vector<Uint16>{0, 0, 0}));
    ASSERT_TRUE(reports.waitStored(3));
    const std::string out;
    EXPECT_TRUE(reports.rejected.empty());
    std::map<std::string, ReceivedInstance> bySyntax;
    for (const auto& r : reports.stored) bySyntax[r.transferSyntaxUid] = r;
    ASSERT_EQ(bySyntax.count(UID_JPEG2000Part2MulticomponentImageCompressionLosslessOnlyTransferSyntax), 1u) << out;
    ASSERT_EQ(bySyntax.count(UID_MPEG2MainProfileAtMainLevelTransferSyntax), 1u) << out;
    for (const char* uid : {UID_JPEG2000Part2MulticomponentImageCompressionLosslessOnlyTransferSyntax,
                            UID_MPEG2MainProfileAtMainLevelTransferSyntax}) {
        const ReceivedInstance& r = bySyntax.at(uid);
        EXPECT_FALSE(r.diagnosable) << uid;
        EXPECT_NE(r.note.find("cannot decode"), std::string::npos) << r.note;
        EXPECT_TRUE(fs::exists(r.file));
    }
    bool sawOurs = false;
    for (const auto& r : reports.stored)
        if (r.sopInstanceUid.rfind(pacs::kCxrUidRoot, 0) == 0) {
            sawOurs = true;
            EXPECT_FALSE(r.diagnosable);
            EXPECT_NE(r.note.find("a CXR Studio result"), std::string::npos) << r.note;
        }
    EXPECT_TRUE(sawOurs) << out;
}

// A DcmSCU sending a dataset whose SOP Instance UID is a path: refused with 0xC000, nothing
// written anywhere, and the same association's next object is stored.
TEST(StorageListener, RefusesAnInvalidObjectWithAFailureStatusAndGoesOn) {
    const fs::path dir = test::scratchDir();
    Reports reports;
    StorageListener listener(settingsFor(dir / "in"), reports.callbacks());
    listener.start();
    DcmSCU scu;
    scu.setAETitle("CXRTESTSENDER");
    scu.setPeerAETitle("CXRSTUDIO");
    scu.setPeerHostName("127.0.0.1");
    scu.setPeerPort(static_cast<Uint16>(listener.settings().port));
    OFList<OFString> syntaxes;
    syntaxes.push_back(UID_LittleEndianExplicitTransferSyntax);
    scu.addPresentationContext(UID_BasicTextSRStorage, syntaxes);
    ASSERT_TRUE(scu.initNetwork().good());
    ASSERT_TRUE(scu.negotiateAssociation().good());
    const auto pc = scu.findPresentationContextID(UID_BasicTextSRStorage, UID_LittleEndianExplicitTransferSyntax);
    ASSERT_NE(pc, 0);

    DcmFileFormat good;
    ASSERT_TRUE(good.loadFile(makeStructuredReport(dir, uniqueRoot()).c_str()).good());
    DcmDataset bad(*good.getDataset());
    bad.putAndInsertString(DCM_SOPInstanceUID, "../../escaped");
    Uint16 status = 0;
    ASSERT_TRUE(scu.sendSTORERequest(pc, "", &bad, status).good());
    EXPECT_EQ(status, STATUS_STORE_Error_CannotUnderstand);
    ASSERT_TRUE(scu.sendSTORERequest(pc, "", good.getDataset(), status).good());
    EXPECT_EQ(status, STATUS_Success);
    scu.releaseAssociation();

    ASSERT_TRUE(reports.waitStored(1));
    ASSERT_EQ(reports.rejected.size(), 1u);
    EXPECT_NE(reports.rejected[0].find("SOP Instance UID"), std::string::npos) << reports.rejected[0];
    EXPECT_FALSE(fs::exists(dir / "escaped.dcm"));
    EXPECT_FALSE(fs::exists(dir.parent_path() / "escaped.dcm"));
    EXPECT_TRUE(strayFiles(dir / "in").empty());
    // And a film on a new association is still welcome.
    const auto films = valuesOf(synthFilms(dir / "films", 1, 256, 160401));
    int code = -1;
    const auto out = storescu(listener.settings().port, films, "CXRSTUDIO", &code);
    EXPECT_EQ(code, 0) << out;
    EXPECT_TRUE(reports.waitStored(2)) << out;
}

TEST(StorageListener, RejectsAnAssociationCallingAnotherAeTitle) {
    const fs::path dir = test::scratchDir();
    const auto films = valuesOf(synthFilms(dir / "films", 1, 256, 160501));
    Reports reports;
    StorageListener listener(settingsFor(dir / "in"), reports.callbacks());
    listener.start();
    int code = 0;
    const auto out = storescu(listener.settings().port, films, "NOTCXRSTUDIO", &code);
    EXPECT_NE(code, 0) << out;
    EXPECT_NE(out.find("Called AE Title Not Recognized"), std::string::npos) << out;
    EXPECT_TRUE(fs::is_empty(dir / "in"));
    // The right title on the same listener works.
    code = -1;
    const auto ok = storescu(listener.settings().port, films, "CXRSTUDIO", &code);
    EXPECT_EQ(code, 0) << ok;
    EXPECT_TRUE(reports.waitStored(1));
}

TEST(StorageListener, APortInUseIsAClearErrorAndStopIsPrompt) {
    const fs::path dir = test::scratchDir();
    // Someone else holds the port.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_ANY);
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(::listen(fd, 1), 0);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    const int taken = ntohs(address.sin_port);
    auto settings = settingsFor(dir / "in");
    settings.port = taken;
    StorageListener busy(settings, {});
    try {
        busy.start();
        ADD_FAILURE() << "listening on a port in use succeeded";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Io);
        EXPECT_NE(std::string(e.what()).find("port " + std::to_string(taken)), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("in use"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(busy.running());
    const auto cli = test::runCli({"listen", "--port", std::to_string(taken), "--out", (dir / "cli").string()},
                                  dir / "cli.log", 30s);
    EXPECT_EQ(cli.code, 1) << cli.output;
    EXPECT_NE(cli.output.find("port " + std::to_string(taken)), std::string::npos) << cli.output;
    ::close(fd);

    // Stop returns at once (the accept loop is woken), and the port can be had again.
    StorageListener listener(settingsFor(dir / "in"), {});
    for (int round = 0; round < 2; ++round) {
        listener.start();
        const auto t0 = std::chrono::steady_clock::now();
        listener.stop();
        EXPECT_LT(std::chrono::steady_clock::now() - t0, 500ms);
    }
    // A bad AE title or folder is refused before anything listens.
    auto bad = settingsFor(dir / "in");
    bad.aeTitle = "WAY_TOO_LONG_AE_TITLE";
    EXPECT_THROW(StorageListener(bad, {}).start(), Error);
    bad = settingsFor(dir / "in");
    std::ofstream(dir / "a-file") << "x";
    bad.folder = dir / "a-file";
    EXPECT_THROW(StorageListener(bad, {}).start(), Error);
}

TEST(StorageListener, TakesAFilmOrthancPushes) {
    const fs::path dir = test::scratchDir();
    const auto pacs = test::testPacs();
    const auto films = valuesOf(synthFilms(dir / "films", 1, 256, 160701));
    const std::string id = test::uploadToOrthanc(pacs, films[0]);
    Reports reports;
    StorageListener listener(settingsFor(dir / "in"), reports.callbacks());
    listener.start();
    const int port = listener.settings().port;
    const std::string modality = "cxrlistentest" + std::to_string(port);
    const auto put = test::httpRequest(pacs.httpPort, "PUT", "/modalities/" + modality,
                                       nlohmann::json{{"AET", "CXRSTUDIO"}, {"Host", "127.0.0.1"}, {"Port", port}}.dump());
    ASSERT_EQ(put.status, 200) << put.body;
    const auto store = test::httpRequest(pacs.httpPort, "POST", "/modalities/" + modality + "/store", id);
    EXPECT_EQ(store.status, 200) << store.body;
    test::httpRequest(pacs.httpPort, "DELETE", "/modalities/" + modality);
    ASSERT_TRUE(reports.waitStored(1)) << store.body;
    EXPECT_EQ(reports.callers[0], pacs.node.aeTitle);
    expectSamePixels(films[0], reports.stored[0].file);
}

// `cxr listen` under a file-size limit: a film larger than the limit is refused with "out of
// resources" and leaves nothing behind; small objects after it are stored.
TEST(CxrListen, ADiskFullIsAStatusToTheSenderAndNothingPartial) {
    const fs::path dir = test::scratchDir();
    const auto films = synthFilms(dir / "films", 9, 512, 160801);
    ASSERT_TRUE(films.count("explicit-little"));
    const fs::path big = films.at("explicit-little");
    ASSERT_GT(fs::file_size(big), 300000u);
    const fs::path sr = makeStructuredReport(dir, uniqueRoot());
    const int port = test::closedPort();
    test::CliOptions options;
    options.logFile = dir / "listen.log";
    options.maxFileBytes = 200000;
    test::CliProcess cli({"listen", "--port", std::to_string(port), "--out", (dir / "in").string()}, options);
    for (int i = 0; i < 200 && cli.output().find("listening on port") == std::string::npos; ++i)
        std::this_thread::sleep_for(50ms);
    ASSERT_NE(cli.output().find("listening on port"), std::string::npos) << cli.output();
    const auto refused = storescu(port, {big});
    EXPECT_NE(refused.find("Received Store Response (Refused: OutOfResources)"), std::string::npos) << refused;
    EXPECT_TRUE(fs::is_empty(dir / "in")) << strayFiles(dir / "in").size();
    int code = -1;
    const auto ok = storescu(port, {sr}, "CXRSTUDIO", &code);
    EXPECT_EQ(code, 0) << ok;
    EXPECT_NE(ok.find("Received Store Response (Success)"), std::string::npos) << ok;
    EXPECT_TRUE(fs::exists(dir / "in" / (tag(sr, DCM_SOPInstanceUID) + ".dcm")));
    EXPECT_TRUE(strayFiles(dir / "in").empty());
    ::kill(cli.pid(), SIGINT);
    const int status = cli.wait(30s);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << cli.output();
    EXPECT_NE(cli.output().find("refused an object from CXRTESTSENDER"), std::string::npos) << cli.output();
    EXPECT_NE(cli.output().find("1 object(s) stored, 1 refused"), std::string::npos) << cli.output();
}

// End to end with a small model trained here: one JSON line per object (films diagnosed with
// a label and probability, the SR stored and not diagnosed), no patient name or ID anywhere,
// and SIGINT stops it with exit status 0 and a summary.
TEST(CxrListen, DiagnosesPushedFilmsAndStopsOnSigint) {
    const fs::path dir = test::scratchDir();
    const auto trainSet = test::runCli({"synth", (dir / "train").string(), "--train", "12", "--val", "4", "--test",
                                        "4", "--size", "64", "--seed", "160901"},
                                       dir / "synth.log");
    ASSERT_EQ(trainSet.code, 0) << trainSet.output;
    const auto train = test::runCli({"train", (dir / "train").string(), "--out", (dir / "model").string(), "--device",
                                     "cpu", "--epochs", "1", "--batch", "4", "--image-size", "32", "--workers", "1",
                                     "--threads", "1"},
                                    dir / "train.log");
    ASSERT_EQ(train.code, 0) << train.output;
    // A seed of this run's own: the synthetic films' UIDs follow the seed, and the PACS check
    // below counts what arrived in their studies, which must be new.
    const int seed = 160902 + static_cast<int>(::getpid() % 100000) * 3;
    const auto films = valuesOf(synthFilms(dir / "films", 2, 256, seed));
    const fs::path sr = makeStructuredReport(dir, uniqueRoot());
    const int port = test::closedPort();
    test::CliOptions options;
    options.logFile = dir / "listen.log";
    // The results of each diagnosed film go back into its study on the test PACS.
    const auto pacs = test::testPacs();
    test::CliProcess cli({"listen", "--port", std::to_string(port), "--out", (dir / "in").string(), "--model",
                          (dir / "model").string(), "--device", "cpu", "--json", "--send-results",
                          pacs.node.toString()},
                         options);
    for (int i = 0; i < 400 && cli.output().find("listening on port") == std::string::npos; ++i)
        std::this_thread::sleep_for(50ms);
    ASSERT_NE(cli.output().find("listening on port"), std::string::npos) << cli.output();
    int code = -1;
    const auto out = storescu(port, {films[0], films[1], sr}, "CXRSTUDIO", &code);
    EXPECT_EQ(code, 0) << out;
    std::vector<nlohmann::json> lines;
    for (int i = 0; i < 400 && lines.size() < 3; ++i) {
        std::this_thread::sleep_for(50ms);
        lines.clear();
        std::istringstream text(cli.output());
        for (std::string line; std::getline(text, line);)
            if (!line.empty() && line[0] == '{') lines.push_back(nlohmann::json::parse(line));
    }
    ASSERT_EQ(lines.size(), 3u) << cli.output();
    for (const auto& j : lines) {
        const std::string uid = j.at("sop_instance_uid");
        EXPECT_TRUE(fs::exists(dir / "in" / (uid + ".dcm"))) << j.dump();
        EXPECT_EQ(j.at("file").get<std::string>(), (dir / "in" / (uid + ".dcm")).string());
        if (uid == tag(sr, DCM_SOPInstanceUID)) {
            EXPECT_FALSE(j.at("diagnosed").get<bool>());
            EXPECT_NE(j.at("reason").get<std::string>().find("not an image"), std::string::npos) << j.dump();
            continue;
        }
        EXPECT_TRUE(j.at("diagnosed").get<bool>()) << j.dump();
        EXPECT_TRUE(j.at("label") == "NORMAL" || j.at("label") == "PNEUMONIA") << j.dump();
        const double p = j.at("probability");
        EXPECT_TRUE(p >= 0 && p <= 1) << j.dump();
        EXPECT_EQ(j.at("label") == "PNEUMONIA", p >= j.at("threshold").get<double>()) << j.dump();
        EXPECT_GE(j.at("delay_ms").get<double>(), 0.0);
        EXPECT_TRUE(j.at("warnings").is_array());
        EXPECT_FALSE(j.at("study_instance_uid").get<std::string>().empty());
        EXPECT_TRUE(j.at("results_sent").get<bool>()) << j.dump();
        // The SR and the overlay arrived in the film's study (the film itself went only to us).
        const auto found = test::httpRequest(
            pacs.httpPort, "POST", "/tools/find",
            nlohmann::json{{"Level", "Instance"}, {"Query", {{"StudyInstanceUID", j.at("study_instance_uid")}}}}.dump());
        ASSERT_EQ(found.status, 200) << found.body;
        EXPECT_EQ(nlohmann::json::parse(found.body).size(), 2u) << found.body;
    }
    ::kill(cli.pid(), SIGINT);
    const int status = cli.wait(30s);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << cli.output();
    EXPECT_NE(cli.output().find("3 object(s) stored, 0 refused, 2 diagnosed, 1 not diagnosed"), std::string::npos)
        << cli.output();
    EXPECT_NE(cli.output().find("results sent for 2 film(s), failed for 0"), std::string::npos) << cli.output();
    // The films and the SR carry patient names and IDs; none of them reaches the output.
    for (const auto& f : {films[0], films[1], sr}) {
        for (const auto& key : {DCM_PatientName, DCM_PatientID}) {
            const std::string value = tag(f, key);
            ASSERT_FALSE(value.empty()) << f;
            EXPECT_EQ(cli.output().find(value), std::string::npos) << value << " printed";
        }
    }
}

}  // namespace
}  // namespace cxr::pacs
