// AI results back to the PACS: the TID 1500 Structured Report (validated by DCMTK's dsrdump and
// read back), the Secondary Capture of the overlay (pixel by pixel), both sent by C-STORE to the
// real Orthanc of the pacs.orthanc fixture and read back from it, and `cxr pacs send` end to
// end with a small random-weights model.
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmsr/dsrdoc.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/common/json_io.h"
#include "core/diagnosis/diagnoser.h"
#include "core/diagnosis/heat_map.h"
#include "core/diagnosis/overlay.h"
#include "core/imaging/display.h"
#include "core/imaging/film_writer.h"
#include "core/imaging/load_film.h"
#include "core/pacs/dicom_uids.h"
#include "core/pacs/secondary_capture.h"
#include "core/pacs/store_scu.h"
#include "core/pacs/structured_report.h"
#include "core/workflows/pacs_results.h"
#include "hardening/cli_process.h"
#include "pacs/test_pacs_env.h"
#include "support/patient_film.h"
#include "support/tiny_model.h"
#include "test_dirs.h"

namespace cxr::pacs {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// A patient ID no other test binary uses (they share the one Orthanc).
std::string freshPatientId() {
    static std::atomic<int> counter{0};
    return "H3RES-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

// A 12-bit DX film with a patient, fresh Study/Series/SOP Instance UIDs (the writer makes them).
fs::path writeFilm(const fs::path& dir, const std::string& name, int width = 320, int height = 256) {
    std::vector<std::uint16_t> pixels(static_cast<size_t>(width) * height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            // Two bright "lungs" on a darker field, so the display image is not flat.
            const double dx = (x - width * 0.3) / (width * 0.15), dx2 = (x - width * 0.7) / (width * 0.15);
            const double dy = (y - height * 0.5) / (height * 0.3);
            const bool lung = dx * dx + dy * dy < 1 || dx2 * dx2 + dy * dy < 1;
            pixels[static_cast<size_t>(y) * width + x] = static_cast<std::uint16_t>((lung ? 3000 : 900) + (x + y) % 97);
        }
    const fs::path file = dir / (name + ".dcm");
    imaging::writeDicom(file, test::patientFilm(width, height, pixels, test::identifiedPatient("Results^Hthree", freshPatientId())),
                        imaging::DicomSyntax::ExplicitLittle);
    return file;
}

std::string tagOf(DcmItem& item, const DcmTagKey& tag) {
    OFString value;
    item.findAndGetOFStringArray(tag, value);
    return value.c_str();
}

AiResult knownResult() {
    AiResult r;
    r.findingPresent = true;
    r.positiveClass = "PNEUMONIA";
    r.probability = 0.8125;
    r.threshold = 0.37;
    r.modelName = "h3-test-model";
    r.modelSha256 = std::string(64, 'a');
    r.camPeak = FilmPoint{100.5, 60.25};
    return r;
}

RgbImage pattern(int width, int height) {
    RgbImage image;
    image.width = width;
    image.height = height;
    image.rgb.resize(static_cast<size_t>(width) * height * 3);
    for (size_t i = 0; i < image.rgb.size(); ++i)
        image.rgb[i] = static_cast<std::uint8_t>((i * 7 + i / 3) % 251);
    return image;
}

struct Dump {
    int status = -1;
    std::string text;
};
Dump dsrdump(const fs::path& file) {
    Dump d;
    FILE* pipe = ::popen(("dsrdump -v +Pu +Pl '" + file.string() + "' 2>&1").c_str(), "r");
    if (!pipe)
        return d;
    char buffer[4096];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        d.text.append(buffer, n);
    const int raw = ::pclose(pipe);
    d.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return d;
}

void expectPatientAndStudyCopied(DcmItem& source, DcmItem& derived) {
    for (const auto& tag : {DCM_PatientName, DCM_PatientID, DCM_PatientBirthDate, DCM_PatientSex, DCM_StudyInstanceUID,
                            DCM_StudyDate, DCM_StudyTime, DCM_StudyID, DCM_AccessionNumber})
        EXPECT_EQ(tagOf(derived, tag), tagOf(source, tag)) << DcmTag(tag).getTagName();
    EXPECT_FALSE(tagOf(derived, DCM_PatientID).empty());
    EXPECT_NE(tagOf(derived, DCM_SeriesInstanceUID), tagOf(source, DCM_SeriesInstanceUID));
    EXPECT_NE(tagOf(derived, DCM_SOPInstanceUID), tagOf(source, DCM_SOPInstanceUID));
    EXPECT_EQ(tagOf(derived, DCM_SeriesInstanceUID).rfind(kCxrUidRoot, 0), 0u);
    EXPECT_EQ(tagOf(derived, DCM_SOPInstanceUID).rfind(kCxrUidRoot, 0), 0u);
}

TEST(StructuredReport, ValidatesWithDsrdumpAndCarriesTheResult) {
    const fs::path dir = test::scratchDir();
    const fs::path film = writeFilm(dir, "film");
    const AiResult result = knownResult();
    const DerivedObject sr = writeStructuredReport(film, result, dir / "sr.dcm");
    EXPECT_EQ(sr.kind, "SR");
    EXPECT_EQ(sr.sopClassUid, UID_EnhancedSRStorage);

    const Dump dump = dsrdump(sr.file);
    EXPECT_EQ(dump.status, 0) << dump.text;
    for (const char* bad : {"\nE: ", "\nW: ", "\nF: ", "error", "warning"})
        EXPECT_EQ(("\n" + dump.text).find(bad), std::string::npos) << bad << " in\n" << dump.text;
    DcmFileFormat source;
    ASSERT_TRUE(source.loadFile(film.string().c_str()).good());
    const std::string sourceSop = tagOf(*source.getDataset(), DCM_SOPInstanceUID);
    for (const std::string& expected :
         {std::string("<CONTAINER:(,,\"Imaging Measurement Report\")=SEPARATE>"),
          std::string("<contains CODE:(,,\"Finding\")=(233604007,SCT,\"Pneumonia\")>"),
          std::string("<contains NUM:(,,\"Probability\")=\"0.812500\" ({ratio},UCUM,\"ratio\")>"),
          std::string("<contains NUM:(,,\"Threshold Value\")=\"0.370000\" ({ratio},UCUM,\"ratio\")>"),
          std::string("<contains CODE:(,,\"Pneumonia\")=(52101004,SCT,\"Present\")>"),
          std::string("<has concept mod TEXT:(,,\"Algorithm Name\")=\"h3-test-model\">"),
          std::string("<has concept mod TEXT:(,,\"Algorithm Version\")=\"") + std::string(64, 'a') + "\">",
          std::string("<inferred from SCOORD:(,,\"Image Region\")=(POINT,100.5/60.25)>"),
          std::string("<selected from IMAGE:=(DX image,\"") + sourceSop + "\")>",
          std::string("<contains TEXT:(,,\"Comment\")=\"Research use only, not for diagnosis\">")})
        EXPECT_NE(dump.text.find(expected), std::string::npos) << expected << "\nnot in\n" << dump.text;

    DcmFileFormat report;
    ASSERT_TRUE(report.loadFile(sr.file.string().c_str()).good());
    DcmDataset& ds = *report.getDataset();
    EXPECT_EQ(tagOf(ds, DCM_Modality), "SR");
    EXPECT_EQ(tagOf(ds, DCM_SOPClassUID), UID_EnhancedSRStorage);
    EXPECT_EQ(tagOf(ds, DCM_SOPInstanceUID), sr.sopInstanceUid);
    EXPECT_EQ(tagOf(ds, DCM_SeriesInstanceUID), sr.seriesInstanceUid);
    expectPatientAndStudyCopied(*source.getDataset(), ds);
    DSRDocument doc;
    ASSERT_TRUE(doc.read(ds).good());
    OFString templateId, mappingResource;
    ASSERT_TRUE(doc.getTree().getTemplateIdentification(templateId, mappingResource).good());
    EXPECT_EQ(std::string(templateId.c_str()), "1500");
    EXPECT_EQ(std::string(mappingResource.c_str()), "DCMR");
}

TEST(StructuredReport, AnAbsentFindingAndNoPeakAreSaidSo) {
    const fs::path dir = test::scratchDir();
    AiResult result = knownResult();
    result.findingPresent = false;
    result.camPeak.reset();
    const DerivedObject sr = writeStructuredReport(writeFilm(dir, "film"), result, dir / "sr.dcm");
    const Dump dump = dsrdump(sr.file);
    EXPECT_EQ(dump.status, 0) << dump.text;
    EXPECT_NE(dump.text.find("(2667000,SCT,\"Absent\")"), std::string::npos) << dump.text;
    EXPECT_EQ(dump.text.find("SCOORD"), std::string::npos) << dump.text;
}

TEST(StructuredReport, ANonDicomSourceIsRefusedNamingIt) {
    const fs::path dir = test::scratchDir();
    const fs::path jpeg = dir / "film.jpeg";
    imaging::writeRaster(jpeg, std::vector<std::uint8_t>(64 * 64, 128), 64, 64);
    try {
        writeStructuredReport(jpeg, knownResult(), dir / "sr.dcm");
        FAIL() << "a JPEG was accepted as the source of a report";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
        EXPECT_NE(std::string(e.what()).find(jpeg.string()), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("not a DICOM file"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(fs::exists(dir / "sr.dcm"));
}

TEST(SecondaryCapture, ItsPixelsAreTheOverlayAndItReferencesTheFilm) {
    const fs::path dir = test::scratchDir();
    const fs::path film = writeFilm(dir, "film");
    AiResult result = knownResult();
    result.overlay = pattern(97, 61);
    const DerivedObject sc = writeSecondaryCapture(film, result, dir / "sc.dcm");
    EXPECT_EQ(sc.kind, "SC");

    DcmFileFormat source, capture;
    ASSERT_TRUE(source.loadFile(film.string().c_str()).good());
    ASSERT_TRUE(capture.loadFile(sc.file.string().c_str()).good());
    DcmDataset& ds = *capture.getDataset();
    EXPECT_EQ(tagOf(ds, DCM_SOPClassUID), UID_SecondaryCaptureImageStorage);
    EXPECT_EQ(tagOf(ds, DCM_BurnedInAnnotation), "YES");
    EXPECT_EQ(tagOf(ds, DCM_PhotometricInterpretation), "RGB");
    EXPECT_EQ(tagOf(ds, DCM_ImageType), "DERIVED\\SECONDARY");
    EXPECT_EQ(tagOf(ds, DCM_ConversionType), "WSD");
    expectPatientAndStudyCopied(*source.getDataset(), ds);
    DcmItem* ref = nullptr;
    ASSERT_TRUE(ds.findAndGetSequenceItem(DCM_SourceImageSequence, ref, 0).good());
    EXPECT_EQ(tagOf(*ref, DCM_ReferencedSOPInstanceUID), tagOf(*source.getDataset(), DCM_SOPInstanceUID));
    EXPECT_EQ(tagOf(*ref, DCM_ReferencedSOPClassUID), tagOf(*source.getDataset(), DCM_SOPClassUID));
    Uint16 rows = 0, columns = 0, samples = 0;
    ds.findAndGetUint16(DCM_Rows, rows);
    ds.findAndGetUint16(DCM_Columns, columns);
    ds.findAndGetUint16(DCM_SamplesPerPixel, samples);
    EXPECT_EQ(rows, 61);
    EXPECT_EQ(columns, 97);
    EXPECT_EQ(samples, 3);
    const Uint8* pixels = nullptr;
    unsigned long count = 0;
    ASSERT_TRUE(ds.findAndGetUint8Array(DCM_PixelData, pixels, &count).good());
    ASSERT_GE(count, result.overlay->rgb.size());
    EXPECT_TRUE(std::equal(result.overlay->rgb.begin(), result.overlay->rgb.end(), pixels));
}

TEST(SecondaryCapture, NoOverlayOrAWrongSizeIsRefused) {
    const fs::path dir = test::scratchDir();
    const fs::path film = writeFilm(dir, "film");
    AiResult result = knownResult();
    EXPECT_THROW(writeSecondaryCapture(film, result, dir / "a.dcm"), Error);
    result.overlay = pattern(10, 10);
    result.overlay->rgb.pop_back();
    EXPECT_THROW(writeSecondaryCapture(film, result, dir / "b.dcm"), Error);
    EXPECT_FALSE(fs::exists(dir / "a.dcm"));
    EXPECT_FALSE(fs::exists(dir / "b.dcm"));
}

// A seeded random-weights two-class model at 64 px: the numbers mean nothing, the plumbing
// from a diagnosis to the PACS is what is tested.
fs::path tinyModel() {
    static const fs::path dir =
        test::tinyRandomModel(fs::path(CXR_TEST_TMP) / ("results-model-" + std::to_string(::getpid())));
    return dir;
}

TEST(ResultOverlay, IsTheHeatMapOverlayAboveABurnedInTextBand) {
    const fs::path dir = test::scratchDir();
    const fs::path file = writeFilm(dir, "film", 300, 200);
    const diagnosis::Diagnoser diagnoser(tinyModel(), "cpu");
    const imaging::Film film = imaging::loadFilm(file);
    const diagnosis::Diagnosis d = diagnoser.diagnose(film);
    const workflows::OverlayPicture picture = workflows::makeResultOverlay(film, d, diagnoser.info());
    ASSERT_EQ(picture.image.width, 300);
    ASSERT_EQ(picture.image.height, 200);
    ASSERT_GT(picture.textTop, 100);
    ASSERT_LT(picture.textTop, 200);
    const auto plain = diagnosis::makeOverlayRgb(imaging::toDisplay8(film), diagnosis::heatMapAt(d, 300, 200), 300, 200);
    const size_t textStart = static_cast<size_t>(picture.textTop) * 300 * 3;
    EXPECT_TRUE(std::equal(plain.begin(), plain.begin() + textStart, picture.image.rgb.begin()));
    size_t white = 0, black = 0;
    for (size_t i = textStart; i < picture.image.rgb.size(); i += 3) {
        const auto* p = &picture.image.rgb[i];
        white += p[0] > 200 && p[1] > 200 && p[2] > 200;
        black += p[0] == 0 && p[1] == 0 && p[2] == 0;
    }
    EXPECT_GT(white, 100u) << "no text burned in";
    EXPECT_GT(black, white) << "the text has no dark band to stand on";

    // A large film is shrunk to the cap, the aspect kept; the CAM peak stays in film pixels.
    workflows::ResultsOptions small;
    small.maxOverlaySide = 150;
    const AiResult r = workflows::makeAiResult(film, d, diagnoser.info(), small);
    ASSERT_TRUE(r.overlay);
    EXPECT_EQ(r.overlay->width, 150);
    EXPECT_EQ(r.overlay->height, 100);
    ASSERT_TRUE(r.camPeak);
    const diagnosis::CamPeak peak = diagnosis::camPeakOf(d);
    EXPECT_DOUBLE_EQ(r.camPeak->column, peak.fx * 300);
    EXPECT_DOUBLE_EQ(r.camPeak->row, peak.fy * 200);
    EXPECT_EQ(r.modelSha256, diagnoser.info().sha256);
    EXPECT_EQ(r.positiveClass, "PNEUMONIA");
    EXPECT_DOUBLE_EQ(r.probability, d.probabilities[1]);
    EXPECT_EQ(r.findingPresent, d.label == "PNEUMONIA");
}

// Orthanc's REST answers.
Json getJson(const test::TestPacs& pacs, const std::string& path) {
    const auto reply = test::httpRequest(pacs.httpPort, "GET", path);
    if (reply.status != 200)
        throw Error(ErrorCode::Io, "GET " + path + ": HTTP " + std::to_string(reply.status));
    return Json::parse(reply.body);
}
std::string orthancIdOf(const test::TestPacs& pacs, const std::string& uid) {
    const auto reply = test::httpRequest(pacs.httpPort, "POST", "/tools/lookup", uid);
    const Json found = Json::parse(reply.body);
    return found.empty() ? std::string() : found.at(0).at("ID").get<std::string>();
}

TEST(SendResults, TheFilmsStudyGetsAReportAndAnOverlaySeries) {
    const auto pacs = test::testPacs();
    const fs::path dir = test::scratchDir();
    const fs::path file = writeFilm(dir, "film");
    test::uploadToOrthanc(pacs, file);
    const diagnosis::Diagnoser diagnoser(tinyModel(), "cpu");
    const diagnosis::Diagnosis d = diagnoser.diagnoseFile(file);
    workflows::ResultsOptions options;
    options.folder = dir / "sent";
    const auto sent = workflows::sendResults(pacs.node, AssociationSettings{}, file, d, diagnoser.info(), options);
    ASSERT_EQ(sent.objects.size(), 2u);
    EXPECT_TRUE(sent.store.allStored());
    EXPECT_EQ(sent.objects[0].kind, "SR");
    EXPECT_EQ(sent.objects[1].kind, "SC");

    DcmFileFormat source;
    ASSERT_TRUE(source.loadFile(file.string().c_str()).good());
    const std::string studyUid = tagOf(*source.getDataset(), DCM_StudyInstanceUID);
    const std::string studyId = orthancIdOf(pacs, studyUid);
    ASSERT_FALSE(studyId.empty());
    const Json series = getJson(pacs, "/studies/" + studyId + "/series");
    std::map<std::string, std::string> modalityOf;  // series UID -> modality
    for (const auto& s : series)
        modalityOf[s.at("MainDicomTags").at("SeriesInstanceUID").get<std::string>()] =
            s.at("MainDicomTags").value("Modality", "");
    EXPECT_EQ(modalityOf.size(), 3u) << series.dump(1);
    EXPECT_EQ(modalityOf[tagOf(*source.getDataset(), DCM_SeriesInstanceUID)], "DX");
    EXPECT_EQ(modalityOf[sent.objects[0].seriesInstanceUid], "SR");
    EXPECT_EQ(modalityOf[sent.objects[1].seriesInstanceUid], "OT");

    for (const auto& object : sent.objects) {
        const std::string id = orthancIdOf(pacs, object.sopInstanceUid);
        ASSERT_FALSE(id.empty()) << object.kind << " did not arrive";
        const Json tags = getJson(pacs, "/instances/" + id + "/tags?simplify");
        EXPECT_EQ(tags.at("StudyInstanceUID"), studyUid);
        EXPECT_EQ(tags.at("PatientID"), tagOf(*source.getDataset(), DCM_PatientID));
        EXPECT_EQ(tags.at("PatientName"), tagOf(*source.getDataset(), DCM_PatientName));
        EXPECT_EQ(tags.at("SOPClassUID"), object.sopClassUid);
        // What Orthanc stored, read back with DCMTK: the same object we sent.
        const auto reply = test::httpRequest(pacs.httpPort, "GET", "/instances/" + id + "/file");
        ASSERT_EQ(reply.status, 200);
        const fs::path back = dir / (object.kind + "-back.dcm");
        writeFileAtomically(back, reply.body);
        DcmFileFormat stored;
        ASSERT_TRUE(stored.loadFile(back.string().c_str()).good());
        EXPECT_EQ(tagOf(*stored.getDataset(), DCM_SOPInstanceUID), object.sopInstanceUid);
        if (object.kind == "SR") {
            const Dump dump = dsrdump(back);
            EXPECT_EQ(dump.status, 0) << dump.text;
            char probability[32];
            std::snprintf(probability, sizeof probability, "\"Probability\")=\"%.6f\"", d.probabilities[1]);
            EXPECT_NE(dump.text.find(probability), std::string::npos) << probability << "\n" << dump.text;
            EXPECT_NE(dump.text.find(diagnoser.info().sha256), std::string::npos) << dump.text;
        } else {
            const Uint8* pixels = nullptr;
            unsigned long count = 0;
            ASSERT_TRUE(stored.getDataset()->findAndGetUint8Array(DCM_PixelData, pixels, &count).good());
            ASSERT_TRUE(sent.result.overlay);
            ASSERT_GE(count, sent.result.overlay->rgb.size());
            EXPECT_TRUE(std::equal(sent.result.overlay->rgb.begin(), sent.result.overlay->rgb.end(), pixels));
        }
    }
}

TEST(StoreScu, ANodeThatIsDownIsNamedWithinTheTimeout) {
    const fs::path dir = test::scratchDir();
    AiResult result = knownResult();
    const DerivedObject sr = writeStructuredReport(writeFilm(dir, "film"), result, dir / "sr.dcm");
    const DicomNode nobody{"PACS", "127.0.0.1", test::closedPort()};
    AssociationSettings settings;
    settings.connectTimeoutSeconds = 2;
    const auto start = std::chrono::steady_clock::now();
    try {
        storeFiles(nobody, settings, {sr.file});
        FAIL() << "a store to a closed port succeeded";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Io);
        EXPECT_NE(std::string(e.what()).find(nobody.toString()), std::string::npos) << e.what();
    }
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(6));
    // A file that is not DICOM is named before anything is sent.
    const fs::path text = dir / "notes.txt";
    writeFileAtomically(text, "not dicom");
    try {
        storeFiles(test::testPacs().node, settings, {sr.file, text});
        FAIL() << "a text file was sent";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
        EXPECT_NE(std::string(e.what()).find(text.string()), std::string::npos) << e.what();
    }
    EXPECT_TRUE(orthancIdOf(test::testPacs(), sr.sopInstanceUid).empty());
}

// `cxr pacs send` as a user runs it; returns the output's SOP Instance UIDs by kind.
std::map<std::string, std::string> uidsOnLine(const std::string& output) {
    std::map<std::string, std::string> uids;
    for (const char* kind : {" SR ", " SC "}) {
        const auto at = output.find(kind);
        if (at != std::string::npos) {
            const auto begin = at + 4;
            uids[std::string(kind).substr(1, 2)] = output.substr(begin, output.find_first_of(" \n", begin) - begin);
        }
    }
    return uids;
}

TEST(PacsSendCli, SendsReportAndOverlayAndHonoursTheSwitches) {
    const auto pacs = test::testPacs();
    const fs::path dir = test::scratchDir();
    const fs::path film = writeFilm(dir, "film");
    const std::string model = tinyModel().string();
    const auto both = test::runCli({"pacs", "send", pacs.node.toString(), "--model", model, film.string(), "--aet",
                                    "CXRTEST", "--device", "cpu"},
                                   dir / "both.log", std::chrono::seconds(120));
    ASSERT_EQ(both.code, 0) << both.output;
    EXPECT_NE(both.output.find(film.string() + "  PNEUMONIA "), std::string::npos) << both.output;
    EXPECT_NE(both.output.find("-> " + pacs.node.toString() + ":"), std::string::npos) << both.output;
    auto uids = uidsOnLine(both.output);
    ASSERT_EQ(uids.size(), 2u) << both.output;
    for (const auto& [kind, uid] : uids) {
        const std::string id = orthancIdOf(pacs, uid);
        ASSERT_FALSE(id.empty()) << kind << " " << uid << " is not in the PACS";
        EXPECT_EQ(getJson(pacs, "/instances/" + id + "/tags?simplify").at("Modality"), kind == "SR" ? "SR" : "OT");
    }

    const auto noSr = test::runCli({"pacs", "send", pacs.node.toString(), "--model", model, film.string(), "--no-sr",
                                    "--device", "cpu"},
                                   dir / "nosr.log", std::chrono::seconds(120));
    ASSERT_EQ(noSr.code, 0) << noSr.output;
    uids = uidsOnLine(noSr.output);
    EXPECT_EQ(uids.count("SR"), 0u) << noSr.output;
    ASSERT_EQ(uids.count("SC"), 1u) << noSr.output;
    EXPECT_FALSE(orthancIdOf(pacs, uids["SC"]).empty());

    const auto noOverlay = test::runCli({"pacs", "send", pacs.node.toString(), "--model", model, film.string(),
                                         "--no-overlay", "--device", "cpu"},
                                        dir / "nooverlay.log", std::chrono::seconds(120));
    ASSERT_EQ(noOverlay.code, 0) << noOverlay.output;
    uids = uidsOnLine(noOverlay.output);
    EXPECT_EQ(uids.count("SC"), 0u) << noOverlay.output;
    ASSERT_EQ(uids.count("SR"), 1u) << noOverlay.output;
    EXPECT_FALSE(orthancIdOf(pacs, uids["SR"]).empty());
}

TEST(PacsSendCli, AJpegIsRefusedByNameAndADownNodeWithinTheTimeout) {
    const auto pacs = test::testPacs();
    const fs::path dir = test::scratchDir();
    const fs::path jpeg = dir / "film.jpeg";
    imaging::writeRaster(jpeg, std::vector<std::uint8_t>(64 * 64, 128), 64, 64);
    const fs::path film = writeFilm(dir, "film");
    const std::string model = tinyModel().string();
    const auto refused = test::runCli({"pacs", "send", pacs.node.toString(), "--model", model, jpeg.string(), film.string(),
                                       "--device", "cpu"},
                                      dir / "jpeg.log", std::chrono::seconds(120));
    EXPECT_EQ(refused.code, 1) << refused.output;
    EXPECT_NE(refused.output.find(jpeg.string() + ": is not a DICOM file"), std::string::npos) << refused.output;
    EXPECT_NE(refused.output.find(film.string() + "  PNEUMONIA "), std::string::npos)
        << "the DICOM film after it was not sent: " << refused.output;

    const std::string down = "PACS@127.0.0.1:" + std::to_string(test::closedPort());
    const auto start = std::chrono::steady_clock::now();
    const auto unreachable = test::runCli({"pacs", "send", down, "--model", model, film.string(), film.string(),
                                           "--timeout", "2", "--device", "cpu"},
                                          dir / "down.log", std::chrono::seconds(120));
    EXPECT_EQ(unreachable.code, 1) << unreachable.output;
    EXPECT_NE(unreachable.output.find(down), std::string::npos) << unreachable.output;
    EXPECT_NE(unreachable.output.find("1 more film(s) not sent"), std::string::npos) << unreachable.output;
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30));

    const auto usage = test::runCli({"pacs", "send", pacs.node.toString(), "--model", model, film.string(), "--no-sr",
                                     "--no-overlay"},
                                    dir / "usage.log", std::chrono::seconds(60));
    EXPECT_EQ(usage.code, 2) << usage.output;
    EXPECT_NE(usage.output.find("excludes"), std::string::npos) << usage.output;
}

}  // namespace
}  // namespace cxr::pacs
