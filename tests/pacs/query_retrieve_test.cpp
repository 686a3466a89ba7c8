// Query and retrieve against the real Orthanc of the pacs.orthanc fixture: synthetic films (every
// transfer syntax `cxr synth --dicom` writes) are given fresh UIDs and this run's own patients,
// uploaded, then found with C-FIND and brought back with C-GET and C-MOVE, and what arrived is
// compared with what was uploaded, element by element and pixel by pixel.
#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/common/cancel_token.h"
#include "core/common/error.h"
#include "core/imaging/dcmtk_codecs.h"
#include "core/imaging/load_film.h"
#include "core/pacs/query.h"
#include "core/pacs/retrieve.h"
#include "hardening/cli_process.h"
#include "pacs/test_pacs_env.h"
#include "test_dirs.h"

namespace cxr::pacs {
namespace {

namespace fs = std::filesystem;

// One object this run uploaded.
struct Uploaded {
    fs::path file;
    std::string sop, study, series, xfer;
};

std::string newUid() {
    char buffer[100];
    return dcmGenerateUniqueIdentifier(buffer, SITE_INSTANCE_UID_ROOT);
}

std::string tagOf(const fs::path& file, const DcmTagKey& key) {
    DcmFileFormat ff;
    if (ff.loadFile(file.c_str()).bad()) return {};
    OFString value;
    if (key.getGroup() == 0x0002) ff.getMetaInfo()->findAndGetOFString(key, value);
    else ff.getDataset()->findAndGetOFString(key, value);
    return value.c_str();
}

// The pixel data as stored: the fragments of an encapsulated syntax, or the native bytes.
std::vector<std::string> storedPixels(const fs::path& file) {
    DcmFileFormat ff;
    EXPECT_TRUE(ff.loadFile(file.c_str()).good()) << file;
    DcmDataset* d = ff.getDataset();
    DcmElement* element = nullptr;
    if (d->findAndGetElement(DCM_PixelData, element).bad()) return {};
    auto* pixels = static_cast<DcmPixelData*>(element);
    const E_TransferSyntax xfer = d->getOriginalXfer();
    std::vector<std::string> out;
    DcmPixelSequence* sequence = nullptr;
    if (DcmXfer(xfer).isEncapsulated() && pixels->getEncapsulatedRepresentation(xfer, nullptr, sequence).good() &&
        sequence != nullptr) {
        for (unsigned long i = 0; i < sequence->card(); ++i) {
            DcmPixelItem* item = nullptr;
            sequence->getItem(item, i);
            Uint8* data = nullptr;
            item->getUint8Array(data);
            out.emplace_back(reinterpret_cast<const char*>(data), item->getLength());
        }
        return out;
    }
    Uint8* data = nullptr;
    pixels->getUint8Array(data);
    out.emplace_back(reinterpret_cast<const char*>(data), pixels->getLength());
    return out;
}

// This run's films and studies, uploaded once for all tests of the binary.
struct Catalogue {
    std::string tag;  // in every patient ID, name and accession of this run
    std::string patientA, patientB;
    std::string studyA, studyB, studyC;  // A: 9 films, every syntax, 2 series; B: CR film + SR; C: A's 2nd
    std::string seriesA1, seriesA2, seriesBFilm, seriesBReport;
    std::vector<Uploaded> objects;
    std::string srSop;

    std::vector<const Uploaded*> of(const std::string& study, const std::string& series = {}) const {
        std::vector<const Uploaded*> out;
        for (const auto& o : objects)
            if (o.study == study && (series.empty() || o.series == series)) out.push_back(&o);
        return out;
    }
    const Uploaded* bySop(const std::string& sop) const {
        for (const auto& o : objects)
            if (o.sop == sop) return &o;
        return nullptr;
    }
};

struct StudyKeys {
    std::string patientId, patientName, study, series, accession, date, modality;
};

// Rewrites a film with this run's patient, study, series and a fresh SOP Instance UID, in its
// own transfer syntax.
Uploaded rewrite(const fs::path& from, const fs::path& to, const StudyKeys& k) {
    DcmFileFormat ff;
    EXPECT_TRUE(ff.loadFile(from.c_str()).good()) << from;
    DcmDataset* d = ff.getDataset();
    const E_TransferSyntax xfer = d->getOriginalXfer();
    const std::string sop = newUid();
    d->putAndInsertString(DCM_SOPInstanceUID, sop.c_str());
    d->putAndInsertString(DCM_PatientID, k.patientId.c_str());
    d->putAndInsertString(DCM_PatientName, k.patientName.c_str());
    d->putAndInsertString(DCM_StudyInstanceUID, k.study.c_str());
    d->putAndInsertString(DCM_SeriesInstanceUID, k.series.c_str());
    d->putAndInsertString(DCM_AccessionNumber, k.accession.c_str());
    d->putAndInsertString(DCM_StudyDate, k.date.c_str());
    d->putAndInsertString(DCM_Modality, k.modality.c_str());
    ff.getMetaInfo()->clear();
    EXPECT_TRUE(ff.saveFile(to.c_str(), xfer).good()) << to;
    return {to, sop, k.study, k.series, DcmXfer(xfer).getXferID()};
}

// A small Basic Text SR in the study: a non-image object a PACS keeps beside the films.
Uploaded makeReport(const fs::path& to, const StudyKeys& k) {
    DcmFileFormat ff;
    DcmDataset* d = ff.getDataset();
    const std::string sop = newUid();
    d->putAndInsertString(DCM_SOPClassUID, UID_BasicTextSRStorage);
    d->putAndInsertString(DCM_SOPInstanceUID, sop.c_str());
    d->putAndInsertString(DCM_Modality, "SR");
    d->putAndInsertString(DCM_PatientID, k.patientId.c_str());
    d->putAndInsertString(DCM_PatientName, k.patientName.c_str());
    d->putAndInsertString(DCM_StudyInstanceUID, k.study.c_str());
    d->putAndInsertString(DCM_SeriesInstanceUID, k.series.c_str());
    d->putAndInsertString(DCM_AccessionNumber, k.accession.c_str());
    d->putAndInsertString(DCM_StudyDate, k.date.c_str());
    d->putAndInsertString(DCM_SeriesNumber, "2");
    d->putAndInsertString(DCM_InstanceNumber, "1");
    d->putAndInsertString(DCM_ValueType, "CONTAINER");
    d->putAndInsertString(DCM_ContinuityOfContent, "SEPARATE");
    d->putAndInsertString(DCM_CompletionFlag, "COMPLETE");
    d->putAndInsertString(DCM_VerificationFlag, "UNVERIFIED");
    EXPECT_TRUE(ff.saveFile(to.c_str(), EXS_LittleEndianExplicit).good()) << to;
    return {to, sop, k.study, k.series, UID_LittleEndianExplicitTransferSyntax};
}

const Catalogue& catalogue() {
    static const Catalogue c = [] {
        imaging::detail::ensureDcmtkCodecs();
        Catalogue cat;
        char tag[16];
        std::snprintf(tag, sizeof tag, "%08X",
                      static_cast<unsigned>(::getpid() * 2654435761u ^
                                            static_cast<unsigned>(std::chrono::system_clock::now().time_since_epoch().count())));
        cat.tag = tag;
        const fs::path root = fs::path(CXR_TEST_TMP) / ("pacs-qr-" + cat.tag);
        // The films go when the binary ends (what Orthanc holds is the fixture's to remove).
        static const struct Cleanup {
            fs::path root;
            ~Cleanup() {
                std::error_code ec;
                fs::remove_all(root, ec);
            }
        } cleanup{root};
        fs::remove_all(root);
        fs::create_directories(root / "upload");
        const auto synth = test::runCli({"synth", (root / "films").string(), "--dicom", "--train", "11", "--val", "0",
                                         "--test", "0", "--size", "256", "--seed", "16016"},
                                        root / "synth.log", std::chrono::seconds(120));
        EXPECT_EQ(synth.code, 0) << synth.output;
        std::vector<fs::path> films;  // films.csv order: the syntaxes cycle from the first film
        std::ifstream csv(root / "films" / "films.csv");
        std::string line;
        std::getline(csv, line);
        while (std::getline(csv, line)) {
            std::stringstream fields(line);
            std::string field;
            for (int i = 0; i < 5; ++i) std::getline(fields, field, ',');
            films.push_back(root / "films" / field);
        }
        EXPECT_EQ(films.size(), 11u);
        cat.patientA = "H1QR" + cat.tag + "A";
        cat.patientB = "H1QR" + cat.tag + "B";
        cat.studyA = newUid(), cat.studyB = newUid(), cat.studyC = newUid();
        cat.seriesA1 = newUid(), cat.seriesA2 = newUid(), cat.seriesBFilm = newUid(), cat.seriesBReport = newUid();
        const std::string nameA = "H1QR" + cat.tag + "^ALPHA", nameB = "H1QR" + cat.tag + "^BETA";
        int n = 0;
        const auto add = [&](const fs::path& film, const StudyKeys& k) {
            cat.objects.push_back(rewrite(film, root / "upload" / ("film" + std::to_string(n++) + ".dcm"), k));
        };
        for (int i = 0; i < 9; ++i)
            add(films.at(i), {cat.patientA, nameA, cat.studyA, i < 5 ? cat.seriesA1 : cat.seriesA2, "A" + cat.tag,
                              "20190305", "DX"});
        add(films.at(9), {cat.patientB, nameB, cat.studyB, cat.seriesBFilm, "B" + cat.tag, "20190610", "CR"});
        add(films.at(10), {cat.patientA, nameA, cat.studyC, newUid(), "C" + cat.tag, "20200120", "DX"});
        cat.objects.push_back(makeReport(root / "upload" / "report.dcm", {cat.patientB, nameB, cat.studyB,
                                                                         cat.seriesBReport, "B" + cat.tag,
                                                                         "20190610", "SR"}));
        cat.srSop = cat.objects.back().sop;
        const auto pacs = test::testPacs();
        for (const auto& o : cat.objects) test::uploadToOrthanc(pacs, o.file);
        return cat;
    }();
    return c;
}

DicomNode node() { return test::testPacs().node; }

std::set<std::string> studiesOf(const std::vector<QueryMatch>& matches) {
    std::set<std::string> out;
    for (const auto& m : matches) out.insert(m.studyInstanceUid);
    return out;
}

QueryFilter studyFilter() {
    QueryFilter f;
    f.patientName = "H1QR" + catalogue().tag + "*";  // only this run's studies
    return f;
}

// Files in `dir` that are not <SOP Instance UID>.dcm of a reported instance (temporary or partial files).
std::vector<std::string> strayFiles(const fs::path& dir, const RetrieveResult& result) {
    std::set<std::string> expected;
    for (const auto& i : result.instances) expected.insert(i.file.filename().string());
    std::vector<std::string> stray;
    for (const auto& e : fs::directory_iterator(dir))
        if (!expected.count(e.path().filename().string())) stray.push_back(e.path().filename().string());
    return stray;
}

// What arrived is what was uploaded: same syntax, same stored pixel bytes, same decoded pixels.
void expectSameAsUploaded(const ReceivedInstance& got, bool sameSyntax = true) {
    const Uploaded* sent = catalogue().bySop(got.sopInstanceUid);
    ASSERT_NE(sent, nullptr) << got.sopInstanceUid << " was not uploaded by this run";
    EXPECT_EQ(got.file.filename().string(), got.sopInstanceUid + ".dcm");
    EXPECT_EQ(tagOf(got.file, DCM_SOPInstanceUID), got.sopInstanceUid);
    if (sameSyntax) {
        EXPECT_EQ(got.transferSyntaxUid, sent->xfer) << got.file;
        EXPECT_EQ(tagOf(got.file, DCM_TransferSyntaxUID), sent->xfer) << got.file;
        EXPECT_TRUE(storedPixels(got.file) == storedPixels(sent->file)) << "pixel data differs: " << got.file;
    }
    if (got.sopInstanceUid == catalogue().srSop) return;
    const auto a = imaging::loadFilm(got.file), b = imaging::loadFilm(sent->file);
    ASSERT_EQ(a.width, b.width);
    ASSERT_EQ(a.height, b.height);
    EXPECT_TRUE(a.pixels == b.pixels) << "decoded pixels differ: " << got.file << " (" << sent->xfer << ")";
}

TEST(QueryFilterText, DateRangesInBothSpellings) {
    QueryFilter f;
    parseDateRange("20190301-20190630", f);
    EXPECT_EQ(f.dateFrom, "20190301");
    EXPECT_EQ(f.dateTo, "20190630");
    parseDateRange("2019-03-01-2019-06-30", f);
    EXPECT_EQ(f.dateFrom, "20190301");
    EXPECT_EQ(f.dateTo, "20190630");
    parseDateRange("2019-03-01-", f);
    EXPECT_EQ(f.dateFrom, "20190301");
    EXPECT_EQ(f.dateTo, "");
    parseDateRange("-20190630", f);
    EXPECT_EQ(f.dateFrom, "");
    EXPECT_EQ(f.dateTo, "20190630");
    parseDateRange("2019-03-01", f);
    EXPECT_EQ(f.dateFrom, "20190301");
    EXPECT_EQ(f.dateTo, "20190301");
    for (const std::string bad : {"", "2019", "20191301", "20190630-20190301", "yesterday", "2019-03-01--"}) {
        try {
            parseDateRange(bad, f);
            ADD_FAILURE() << "\"" << bad << "\" was accepted";
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::InvalidInput) << bad;
        }
    }
    EXPECT_EQ(queryLevelFromName("series"), QueryLevel::Series);
    EXPECT_THROW(queryLevelFromName("patient"), Error);
}

TEST(Query, StudiesByPatientNameDateModalityAndAccession) {
    const auto& c = catalogue();
    const AssociationSettings s;
    QueryFilter byId;
    byId.patientId = c.patientA;
    EXPECT_EQ(studiesOf(findMatches(node(), s, byId)), (std::set<std::string>{c.studyA, c.studyC}));

    QueryFilter byName;
    byName.patientName = "H1QR" + c.tag + "^B*";
    const auto beta = findMatches(node(), s, byName);
    ASSERT_EQ(studiesOf(beta), std::set<std::string>{c.studyB});
    EXPECT_EQ(beta[0].patientId, c.patientB);
    EXPECT_EQ(beta[0].accessionNumber, "B" + c.tag);
    EXPECT_EQ(beta[0].studyDate, "20190610");
    EXPECT_EQ(beta[0].studyRelatedInstances, 2);
    EXPECT_NE(beta[0].modalities.find("CR"), std::string::npos) << beta[0].modalities;
    EXPECT_NE(beta[0].modalities.find("SR"), std::string::npos) << beta[0].modalities;

    auto range = studyFilter();
    parseDateRange("20190301-20190630", range);
    EXPECT_EQ(studiesOf(findMatches(node(), s, range)), (std::set<std::string>{c.studyA, c.studyB}));
    parseDateRange("2020-01-01-", range);
    EXPECT_EQ(studiesOf(findMatches(node(), s, range)), std::set<std::string>{c.studyC});

    auto cr = studyFilter();
    cr.modalities = {"CR"};
    EXPECT_EQ(studiesOf(findMatches(node(), s, cr)), std::set<std::string>{c.studyB});
    cr.modalities = {"CR", "DX"};
    EXPECT_EQ(studiesOf(findMatches(node(), s, cr)), (std::set<std::string>{c.studyA, c.studyB, c.studyC}));
    cr.modalities = {"MG"};
    EXPECT_TRUE(findMatches(node(), s, cr).empty());

    QueryFilter accession;
    accession.accessionNumber = "C" + c.tag;
    const auto third = findMatches(node(), s, accession);
    ASSERT_EQ(studiesOf(third), std::set<std::string>{c.studyC});
    EXPECT_EQ(third[0].studyRelatedInstances, 1);

    QueryFilter nobody;
    nobody.patientId = "H1QR" + c.tag + "NOBODY";
    EXPECT_TRUE(findMatches(node(), s, nobody).empty());
}

TEST(Query, SeriesAndInstancesOfAStudy) {
    const auto& c = catalogue();
    QueryFilter series;
    series.level = QueryLevel::Series;
    series.studyInstanceUid = c.studyA;
    const auto found = findMatches(node(), AssociationSettings{}, series);
    std::map<std::string, int> counts;
    for (const auto& m : found) {
        EXPECT_EQ(m.level, QueryLevel::Series);
        EXPECT_EQ(m.studyInstanceUid, c.studyA);
        EXPECT_EQ(m.modalities, "DX");
        counts[m.seriesInstanceUid] = m.seriesRelatedInstances;
    }
    EXPECT_EQ(counts, (std::map<std::string, int>{{c.seriesA1, 5}, {c.seriesA2, 4}}));

    QueryFilter instances;
    instances.level = QueryLevel::Instance;
    instances.studyInstanceUid = c.studyA;
    instances.seriesInstanceUid = c.seriesA1;
    std::set<std::string> sops, expected;
    for (const auto& m : findMatches(node(), AssociationSettings{}, instances)) {
        EXPECT_EQ(m.seriesInstanceUid, c.seriesA1);
        EXPECT_EQ(m.sopClassUid, UID_DigitalXRayImageStorageForPresentation);
        sops.insert(m.sopInstanceUid);
    }
    for (const auto* o : c.of(c.studyA, c.seriesA1)) expected.insert(o->sop);
    EXPECT_EQ(sops, expected);

    QueryFilter crSeries;
    crSeries.level = QueryLevel::Series;
    crSeries.studyInstanceUid = c.studyB;
    crSeries.modalities = {"CR"};
    const auto cr = findMatches(node(), AssociationSettings{}, crSeries);
    ASSERT_EQ(cr.size(), 1u);
    EXPECT_EQ(cr[0].seriesInstanceUid, c.seriesBFilm);

    QueryFilter missingStudy;
    missingStudy.level = QueryLevel::Series;
    EXPECT_THROW(findMatches(node(), AssociationSettings{}, missingStudy), Error);
}

TEST(Retrieve, GetStoresEveryObjectAsThePacsHoldsIt) {
    const auto& c = catalogue();
    const auto dir = test::scratchDir();
    std::vector<int> completed;
    const auto result = retrieveByGet(node(), AssociationSettings{}, {c.studyA, "", dir / "got"},
                                      [&](const ReceivedInstance& i, const RetrieveCounts& counts) {
                                          EXPECT_TRUE(fs::exists(i.file)) << i.file;
                                          completed.push_back(counts.completed);
                                      });
    EXPECT_FALSE(result.cancelled);
    EXPECT_TRUE(result.problems.empty()) << result.problems.front();
    ASSERT_EQ(result.instances.size(), 9u);
    EXPECT_EQ(completed, (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9}));
    EXPECT_EQ(result.counts.completed, 9);
    EXPECT_EQ(result.counts.failed, 0);
    std::set<std::string> syntaxes;
    for (const auto& i : result.instances) {
        EXPECT_TRUE(i.diagnosable) << i.file << ": " << i.note;
        EXPECT_EQ(i.studyInstanceUid, c.studyA);
        expectSameAsUploaded(i);
        syntaxes.insert(i.transferSyntaxUid);
    }
    EXPECT_EQ(syntaxes.size(), 9u) << "every transfer syntax of the synthetic set";
    EXPECT_TRUE(strayFiles(dir / "got", result).empty());

    const auto series = retrieveByGet(node(), AssociationSettings{}, {c.studyA, c.seriesA2, dir / "series"});
    std::set<std::string> sops, expected;
    for (const auto& i : series.instances) sops.insert(i.sopInstanceUid);
    for (const auto* o : c.of(c.studyA, c.seriesA2)) expected.insert(o->sop);
    EXPECT_EQ(sops, expected);
}

TEST(Retrieve, ANonImageObjectIsStoredAndMarkedNotDiagnosable) {
    const auto& c = catalogue();
    const auto dir = test::scratchDir();
    const auto result = retrieveByGet(node(), AssociationSettings{}, {c.studyB, "", dir});
    ASSERT_EQ(result.instances.size(), 2u);
    for (const auto& i : result.instances) {
        expectSameAsUploaded(i);
        if (i.sopInstanceUid == c.srSop) {
            EXPECT_FALSE(i.diagnosable);
            EXPECT_NE(i.note.find("not an image"), std::string::npos) << i.note;
            EXPECT_NE(i.note.find("BasicTextSRStorage"), std::string::npos) << i.note;
        } else {
            EXPECT_TRUE(i.diagnosable) << i.note;
        }
    }
}

TEST(Retrieve, CancelHalfWayKeepsWhatArrivedAndNoPartialFiles) {
    const auto& c = catalogue();
    const auto dir = test::scratchDir();
    CancelToken cancel;
    const auto result = retrieveByGet(
        node(), AssociationSettings{}, {c.studyA, "", dir},
        [&](const ReceivedInstance&, const RetrieveCounts& counts) {
            if (counts.completed == 3) cancel.cancel();
        },
        &cancel);
    EXPECT_TRUE(result.cancelled);
    EXPECT_GE(result.instances.size(), 3u);
    EXPECT_LT(result.instances.size(), 9u) << "the PACS went on after C-CANCEL";
    EXPECT_TRUE(strayFiles(dir, result).empty());
    for (const auto& i : result.instances) expectSameAsUploaded(i);
}

TEST(Retrieve, MoveToOurStorageScpBringsTheStudy) {
    const auto& c = catalogue();
    const auto pacs = test::testPacs();
    const auto dir = test::scratchDir();
    AssociationSettings s;
    s.callingAeTitle = pacs.moveAeTitle;
    int reported = 0;
    const auto result = retrieveByMove(pacs.node, s, {c.studyA, "", dir}, pacs.movePort,
                                       [&](const ReceivedInstance&, const RetrieveCounts&) { ++reported; });
    EXPECT_FALSE(result.cancelled);
    EXPECT_TRUE(result.problems.empty()) << result.problems.front();
    ASSERT_EQ(result.instances.size(), 9u);
    EXPECT_EQ(reported, 9);
    EXPECT_EQ(result.counts.completed, 9);
    // The PACS chooses the syntax it sends in on its own association; the pixels must match.
    for (const auto& i : result.instances) expectSameAsUploaded(i, false);
    EXPECT_TRUE(strayFiles(dir, result).empty());
}

template <class F>
void expectError(F&& f, ErrorCode code, const std::string& a, const std::string& b, std::chrono::seconds within) {
    const auto start = std::chrono::steady_clock::now();
    try {
        f();
        ADD_FAILURE() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), code) << e.what();
        EXPECT_NE(std::string(e.what()).find(a), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(b), std::string::npos) << e.what();
    }
    EXPECT_LT(std::chrono::steady_clock::now() - start, within);
}

TEST(Retrieve, WrongAeClosedPortAndUnknownStudyAreErrorsNamingTheNode) {
    const auto& c = catalogue();
    const auto dir = test::scratchDir();
    DicomNode wrong = node();
    wrong.aeTitle = "NOTTHEPACS";
    const AssociationSettings s;
    expectError([&] { findMatches(wrong, s, studyFilter()); }, ErrorCode::InvalidInput, "NOTTHEPACS@127.0.0.1",
                "rejected", std::chrono::seconds(10));
    expectError([&] { retrieveByGet(wrong, s, {c.studyA, "", dir}); }, ErrorCode::InvalidInput,
                "NOTTHEPACS@127.0.0.1", "rejected", std::chrono::seconds(10));
    const DicomNode nobody{"PACS", "127.0.0.1", test::closedPort()};
    AssociationSettings quick;
    quick.connectTimeoutSeconds = 2;
    expectError([&] { findMatches(nobody, quick, studyFilter()); }, ErrorCode::Io, nobody.toString(), "2 s",
                std::chrono::seconds(5));
    expectError([&] { retrieveByGet(nobody, quick, {c.studyA, "", dir}); }, ErrorCode::Io, nobody.toString(), "2 s",
                std::chrono::seconds(5));
    expectError([&] { retrieveByMove(nobody, quick, {c.studyA, "", dir}, test::closedPort()); }, ErrorCode::Io,
                nobody.toString(), "2 s", std::chrono::seconds(5));
    expectError([&] { retrieveByGet(node(), s, {"1.2.3.4.5.6.7.8.9", "", dir}); }, ErrorCode::InvalidInput,
                node().toString(), "1.2.3.4.5.6.7.8.9", std::chrono::seconds(10));
    AssociationSettings unknown;
    unknown.callingAeTitle = "NOTKNOWNTOIT";  // the PACS has no address for this destination
    expectError([&] { retrieveByMove(node(), unknown, {c.studyA, "", dir}, test::closedPort()); },
                ErrorCode::Io, node().toString(), "NOTKNOWNTOIT", std::chrono::seconds(10));
    EXPECT_TRUE(fs::is_empty(dir));
}

TEST(PacsCli, FindGetAndMoveEndToEnd) {
    const auto& c = catalogue();
    const auto pacs = test::testPacs();
    const auto dir = test::scratchDir();
    const std::string n = pacs.node.toString();
    const auto json = test::runCli({"pacs", "find", n, "--patient-id", c.patientA, "--json"}, dir / "find.log",
                                   std::chrono::seconds(60));
    ASSERT_EQ(json.code, 0) << json.output;
    std::set<std::string> studies;
    std::stringstream lines(json.output);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty()) continue;
        const auto j = nlohmann::json::parse(line);  // throws (fails the test) unless JSON
        EXPECT_EQ(j.at("patient_id"), c.patientA);
        studies.insert(j.at("study_instance_uid").get<std::string>());
    }
    EXPECT_EQ(studies, (std::set<std::string>{c.studyA, c.studyC}));

    const auto table = test::runCli({"pacs", "find", n, "--patient-name", "H1QR" + c.tag + "*", "--date",
                                     "2019-01-01-2019-12-31", "--modality", "CR,DX"},
                                    dir / "table.log", std::chrono::seconds(60));
    EXPECT_EQ(table.code, 0) << table.output;
    EXPECT_NE(table.output.find("STUDY UID"), std::string::npos) << table.output;
    EXPECT_NE(table.output.find(c.studyA), std::string::npos) << table.output;
    EXPECT_NE(table.output.find(c.studyB), std::string::npos) << table.output;
    EXPECT_EQ(table.output.find(c.studyC), std::string::npos) << table.output;

    const auto none = test::runCli({"pacs", "find", n, "--patient-id", "H1QR" + c.tag + "NOBODY"}, dir / "none.log",
                                   std::chrono::seconds(60));
    EXPECT_EQ(none.code, 0) << none.output;
    EXPECT_NE(none.output.find("no matching studies"), std::string::npos) << none.output;

    const auto get = test::runCli({"pacs", "get", n, "--study", c.studyB, "--out", (dir / "get").string()},
                                  dir / "get.log", std::chrono::seconds(60));
    EXPECT_EQ(get.code, 0) << get.output;
    EXPECT_NE(get.output.find(c.srSop + ".dcm  a BasicTextSRStorage, not an image: stored, not diagnosed"),
              std::string::npos)
        << get.output;
    EXPECT_NE(get.output.find("Retrieved 2 object(s) (1 film(s), 1 stored, not diagnosed)"), std::string::npos)
        << get.output;
    EXPECT_EQ(std::distance(fs::directory_iterator(dir / "get"), fs::directory_iterator()), 2);

    const auto move = test::runCli({"pacs", "move", n, "--study", c.studyA, "--series", c.seriesA1, "--out",
                                    (dir / "move").string(), "--port", std::to_string(pacs.movePort), "--aet",
                                    pacs.moveAeTitle},
                                   dir / "move.log", std::chrono::seconds(60));
    EXPECT_EQ(move.code, 0) << move.output;
    EXPECT_NE(move.output.find("Retrieved 5 object(s) (5 film(s), 0 stored, not diagnosed)"), std::string::npos)
        << move.output;
    for (const auto* o : c.of(c.studyA, c.seriesA1)) EXPECT_TRUE(fs::exists(dir / "move" / (o->sop + ".dcm")));

    const auto usage = test::runCli({"pacs", "get", n, "--out", (dir / "x").string()}, dir / "usage.log",
                                    std::chrono::seconds(60));
    EXPECT_EQ(usage.code, 2) << usage.output;
}

}  // namespace
}  // namespace cxr::pacs
