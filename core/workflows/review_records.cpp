#include "core/workflows/review_records.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iomanip>
#include <set>
#include <sstream>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/common/sha256.h"
#include "core/evaluation/proportion_ci.h"
#include "core/imaging/display.h"
#include "core/imaging/film_writer.h"
#include "core/imaging/load_film.h"
#include "core/workflows/csv_fields.h"

namespace cxr::workflows {
namespace {

namespace fs = std::filesystem;

const int kNormal = 0, kPneumonia = 1;

int classIndex(const std::string& label) {
    if (label == "NORMAL") return kNormal;
    if (label == "PNEUMONIA") return kPneumonia;
    return -1;
}

bool isHex(const std::string& text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isxdigit(c) != 0; });
}

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

std::string percent(double share) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(1) << share * 100 << "%";
    return out.str();
}

// One reviewed film on its way out.
struct Reviewed {
    records::WorklistRow row;
    std::string label;
    std::string groupKey;  // films of one study share it: they stay in one split
};

// Which groups of one class go to test: ordered by a hash of the group key (so the choice
// depends only on the films, not on the order they were recorded), test takes groups until it
// holds its share, and train always keeps at least one.
std::set<std::string> testGroups(const std::vector<const Reviewed*>& films, double fraction,
                                 const std::string& label) {
    std::map<std::string, std::int64_t> groups;
    for (const Reviewed* r : films) ++groups[r->groupKey];
    if (fraction <= 0) return {};
    if (groups.size() < 2)
        throw Error(ErrorCode::InvalidInput,
                    "cannot export: " + label + " has " + std::to_string(films.size()) + " reviewed film" +
                        (films.size() == 1 ? "" : "s") + " from " + std::to_string(groups.size()) +
                        " study; cxr train needs films of it in both train/ and test/ (review more, or "
                        "export with a test fraction of 0 to merge into another folder)");
    std::vector<std::pair<std::string, std::string>> ordered;  // (hash, key)
    for (const auto& [key, count] : groups) ordered.emplace_back(sha256Hex(key), key);
    std::sort(ordered.begin(), ordered.end());
    const auto target = static_cast<std::int64_t>(std::ceil(fraction * static_cast<double>(films.size())));
    std::set<std::string> test;
    std::int64_t inTest = 0;
    for (std::size_t i = 0; i + 1 < ordered.size() && inTest < target; ++i) {
        test.insert(ordered[i].second);
        inTest += groups[ordered[i].second];
    }
    return test;
}

// The extension an exported raster film keeps: its format's, whatever the original was named.
std::string extensionFor(const std::string& format) {
    if (format == "JPEG") return ".jpeg";
    if (format == "PNG") return ".png";
    if (format == "BMP") return ".bmp";
    if (format == "TIFF") return ".tiff";
    return ".png";
}

}  // namespace

records::FilmRecord filmRecordOf(const fs::path& file, const imaging::Film* loaded,
                                 const FilmRecordOptions& options) {
    records::FilmRecord film;
    film.sha256 = options.knownSha256.empty() ? sha256File(file) : options.knownSha256;
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec) throw Error(ErrorCode::Io, file, "cannot read the file size: " + ec.message());
    film.sizeBytes = static_cast<std::int64_t>(size);
    film.path = fs::absolute(file, ec).lexically_normal().string();
    if (ec) film.path = file.string();
    std::optional<imaging::Film> decoded;
    if (!loaded && imaging::sniffFormat(file) == "DICOM") {
        imaging::LoadOptions quick;
        quick.readTags = false;
        decoded = imaging::loadFilm(file, quick);
        loaded = &*decoded;
    }
    if (loaded) {
        film.studyInstanceUid = loaded->patient.studyInstanceUid;
        film.seriesInstanceUid = loaded->patient.seriesInstanceUid;
        film.sopInstanceUid = loaded->patient.sopInstanceUid;
        if (options.keepPatientIdentity) {
            film.patientName = loaded->patient.name;
            film.patientId = loaded->patient.id;
        }
    }
    return film;
}

records::DiagnosisRecord diagnosisRecordOf(const std::string& filmSha256, const diagnosis::Diagnosis& d,
                                           const diagnosis::ModelInfo& model) {
    records::DiagnosisRecord r;
    r.filmSha256 = filmSha256;
    r.modelSha256 = d.modelSha256.empty() ? model.sha256 : d.modelSha256;
    r.modelName = model.name;
    r.method = d.camMethod;
    r.layer = d.camLayer;
    r.classes = d.classes;
    r.probabilities = d.probabilities;
    r.label = d.label;
    r.threshold = d.threshold;
    for (const auto& warning : d.warnings) r.warnings.push_back(warning.code());
    r.timingsMs = d.timingsMs;
    return r;
}

std::int64_t recordDiagnosis(records::RecordsDb& db, const fs::path& file, const diagnosis::Diagnosis& diagnosis,
                             const diagnosis::ModelInfo& model, const imaging::Film* loaded) {
    const records::FilmRecord film = filmRecordOf(file, loaded);
    db.recordFilm(film);
    return db.recordDiagnosis(diagnosisRecordOf(film.sha256, diagnosis, model));
}

const std::vector<std::string>& reviewLabels() {
    static const std::vector<std::string> labels{"NORMAL", "PNEUMONIA", "other"};
    return labels;
}

std::string resolveFilm(const records::RecordsDb& db, const std::string& fileOrSha) {
    std::error_code ec;
    if (fs::is_regular_file(fileOrSha, ec)) {
        const std::string sha = sha256File(fileOrSha);
        if (!db.film(sha))
            throw Error(ErrorCode::NotFound, fileOrSha,
                        "this film is not in the records (" + sha.substr(0, 12) + "...): diagnose it first");
        return sha;
    }
    const std::string wanted = lower(fileOrSha);
    if (isHex(wanted) && wanted.size() == 64) {
        if (db.film(wanted)) return wanted;
    } else if (isHex(wanted) && wanted.size() >= 8) {
        std::vector<std::string> hits;
        for (const auto& row : db.worklist())
            if (row.film.sha256.compare(0, wanted.size(), wanted) == 0) hits.push_back(row.film.sha256);
        if (hits.size() == 1) return hits.front();
        if (hits.size() > 1)
            throw Error(ErrorCode::InvalidInput, fileOrSha,
                        "this prefix matches " + std::to_string(hits.size()) + " films: give more digits");
    }
    throw Error(ErrorCode::NotFound, fileOrSha,
                "no such film: neither a file nor the SHA-256 (or a prefix of 8 or more digits) of a recorded film");
}

Json AgreementStats::toJson() const {
    auto ci = [](const evaluation::ConfidenceInterval& c) {
        return Json{{"lower", c.lower}, {"upper", c.upper}, {"level", c.level}, {"method", "wilson"}};
    };
    return {{"model_sha256", modelSha256},
            {"model_name", modelName},
            {"classes", Json::array({"NORMAL", "PNEUMONIA"})},
            {"confusion", confusion.toJson()},
            {"confusion_rows", "reviewer label"},
            {"confusion_columns", "model call"},
            {"reviewed", reviewed},
            {"other_labels", otherLabels},
            {"unreviewed", unreviewed},
            {"agreements", agreements},
            {"agreement", agreement},
            {"agreement_ci", ci(agreementCi)},
            {"sensitivity", sensitivity},
            {"sensitivity_ci", ci(sensitivityCi)},
            {"specificity", specificity},
            {"specificity_ci", ci(specificityCi)}};
}

std::string AgreementStats::toText() const {
    std::ostringstream out;
    out << "model " << (modelName.empty() ? "(unnamed)" : modelName) << "  " << modelSha256.substr(0, 12) << "\n";
    out << "  reviewed " << reviewed << " (agreement " << agreements << "/" << confusion.total() << ")"
        << ", labelled other " << otherLabels << ", not reviewed " << unreviewed << "\n";
    out << "                      model NORMAL  model PNEUMONIA\n";
    out << "  reviewer NORMAL     " << std::setw(12) << confusion.at(kNormal, kNormal) << "  " << std::setw(15)
        << confusion.at(kNormal, kPneumonia) << "\n";
    out << "  reviewer PNEUMONIA  " << std::setw(12) << confusion.at(kPneumonia, kNormal) << "  " << std::setw(15)
        << confusion.at(kPneumonia, kPneumonia) << "\n";
    auto line = [&](const char* name, double value, const evaluation::ConfidenceInterval& c, std::int64_t den) {
        out << "  " << name << (den == 0 ? std::string("n/a (no films)")
                                         : percent(value) + "  (95% CI " + percent(c.lower) + " - " +
                                               percent(c.upper) + ")")
            << "\n";
    };
    line("agreement    ", agreement, agreementCi, confusion.total());
    line("sensitivity  ", sensitivity, sensitivityCi, confusion.support(kPneumonia));
    line("specificity  ", specificity, specificityCi, confusion.support(kNormal));
    return out.str();
}

std::vector<AgreementStats> agreementStats(const records::RecordsDb& db, const std::string& modelSha256) {
    const std::map<std::string, std::string> models = db.models();
    std::vector<AgreementStats> all;
    for (const auto& [sha, name] : models) {
        if (!modelSha256.empty() && sha != modelSha256) continue;
        AgreementStats s;
        s.modelSha256 = sha;
        s.modelName = name;
        records::WorklistFilter filter;
        filter.modelSha256 = sha;
        for (const auto& row : db.worklist(filter)) {
            if (!row.diagnosis || row.diagnosis->modelSha256 != sha) continue;
            if (!row.verdict) {
                ++s.unreviewed;
                continue;
            }
            ++s.reviewed;
            const int truth = classIndex(row.verdict->label);
            const int call = classIndex(row.diagnosis->label);
            if (truth < 0 || call < 0) {
                ++s.otherLabels;
                continue;
            }
            s.confusion.add(truth, call);
        }
        const auto& m = s.confusion;
        s.agreements = m.at(kNormal, kNormal) + m.at(kPneumonia, kPneumonia);
        s.agreement = m.total() ? static_cast<double>(s.agreements) / static_cast<double>(m.total()) : 0;
        s.sensitivity = m.sensitivity(kPneumonia);
        s.specificity = m.specificity(kPneumonia);
        s.agreementCi = evaluation::wilsonInterval(s.agreements, m.total());
        s.sensitivityCi = evaluation::wilsonInterval(m.at(kPneumonia, kPneumonia), m.support(kPneumonia));
        s.specificityCi = evaluation::wilsonInterval(m.at(kNormal, kNormal), m.support(kNormal));
        all.push_back(std::move(s));
    }
    if (!modelSha256.empty() && all.empty())
        throw Error(ErrorCode::NotFound, modelSha256, "no model with this SHA-256 has diagnosed films here");
    std::stable_sort(all.begin(), all.end(),
                     [](const AgreementStats& a, const AgreementStats& b) { return a.modelName < b.modelName; });
    return all;
}

AgreementStats reviewedAgreement(const records::RecordsDb& db, const std::string& modelSha256) {
    const auto models = db.models();
    if (modelSha256.empty() || !models.count(modelSha256))
        throw Error(ErrorCode::NotFound, db.path(),
                    "model " + (modelSha256.empty() ? std::string("(no SHA-256)") : modelSha256) +
                        " has diagnosed no film in these review records: no reviewer agreement to report "
                        "(record its diagnoses with cxr predict, then give verdicts)");
    AgreementStats stats = agreementStats(db, modelSha256).front();
    if (stats.reviewed == 0)
        throw Error(ErrorCode::NotFound, db.path(),
                    "no reviewer has given a verdict on the " + std::to_string(stats.unreviewed) + " film" +
                        (stats.unreviewed == 1 ? "" : "s") + " model " +
                        (stats.modelName.empty() ? std::string() : stats.modelName + " ") + modelSha256 +
                        " diagnosed: no reviewer agreement to report");
    return stats;
}

AgreementStats reviewedAgreement(const fs::path& recordsFile, const std::string& modelSha256) {
    records::RecordsOptions readOnly;
    readOnly.readOnly = true;
    const auto db = records::RecordsDb::open(recordsFile.empty() ? records::RecordsDb::defaultPath() : recordsFile, readOnly);
    return reviewedAgreement(*db, modelSha256);
}

ExportResult exportReviewed(const records::RecordsDb& db, const fs::path& dir, const ExportOptions& options) {
    if (!(options.testFraction >= 0 && options.testFraction < 1))
        throw Error(ErrorCode::InvalidInput, "the test fraction must lie in [0, 1)");
    std::error_code ec;
    if (fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && fs::is_empty(dir, ec)))
        throw Error(ErrorCode::InvalidInput, dir, "exists and is not an empty folder: export into a new folder");

    ExportResult result;
    result.dir = dir;
    std::vector<records::WorklistRow> reviewed;
    for (auto& row : db.worklist())
        if (row.verdict) reviewed.push_back(std::move(row));
    std::int64_t done = 0, total = 2 * static_cast<std::int64_t>(reviewed.size());
    auto step = [&] {
        ++done;
        if (options.progress) options.progress(done, total);
    };
    std::vector<Reviewed> films;
    for (auto& row : reviewed) {
        if (options.cancel && options.cancel->isCancelled())
            throw Error(ErrorCode::Cancelled, dir, "export cancelled while checking the films; nothing was written");
        step();
        const std::string label = row.verdict->label;
        if (classIndex(label) < 0) {
            ++result.skippedOther;
            continue;
        }
        const fs::path file = row.film.path;
        if (row.film.path.empty() || !fs::is_regular_file(file, ec)) {
            result.missing.push_back(row.film.sha256);
            continue;
        }
        if (sha256File(file) != row.film.sha256) {
            result.changed.push_back(row.film.sha256);
            continue;
        }
        Reviewed r;
        r.groupKey = row.film.studyInstanceUid.empty() ? "film:" + row.film.sha256 : "study:" + row.film.studyInstanceUid;
        r.label = label;
        r.row = std::move(row);
        films.push_back(std::move(r));
    }

    std::map<std::string, std::vector<const Reviewed*>> byLabel;
    for (const auto& r : films) byLabel[r.label].push_back(&r);
    std::map<std::string, std::set<std::string>> test;
    for (const auto& [label, list] : byLabel) test[label] = testGroups(list, options.testFraction, label);
    if (options.testFraction > 0 && !films.empty())
        for (const std::string label : {"NORMAL", "PNEUMONIA"})
            if (!byLabel.count(label))
                throw Error(ErrorCode::InvalidInput, "cannot export: no reviewed film is labelled " + label +
                                                         "; cxr train needs both classes");

    total = done + static_cast<std::int64_t>(films.size());
    if (options.cancel && options.cancel->isCancelled())
        throw Error(ErrorCode::Cancelled, dir, "export cancelled while checking the films; nothing was written");
    fs::create_directories(dir, ec);
    if (ec) throw Error(ErrorCode::Io, dir, "cannot create the folder: " + ec.message());
    std::string provenance = "sha256,split,file,label,reviewer,verdict_time,model_call,model_sha256\n";
    for (const auto& r : films) {
        if (options.cancel && options.cancel->isCancelled()) {
            // What is written stays and is described: the folder is a smaller export, never one
            // whose list and files disagree.
            writeFileAtomically(dir / "provenance.csv", provenance);
            throw Error(ErrorCode::Cancelled, dir,
                        "export cancelled: " + std::to_string(result.exported) + " of " +
                            std::to_string(films.size()) + " films written (provenance.csv lists them)");
        }
        const bool inTest = test[r.label].count(r.groupKey) > 0;
        const std::string split = inTest ? "test" : "train";
        const fs::path classDir = dir / split / r.label;
        fs::create_directories(classDir, ec);
        if (ec) throw Error(ErrorCode::Io, classDir, "cannot create the folder: " + ec.message());
        const fs::path source = r.row.film.path;
        const std::string format = imaging::sniffFormat(source);
        const std::string stem = "rev-" + r.row.film.sha256.substr(0, 12);
        fs::path target;
        if (format == "DICOM") {
            // The header carries the patient: the file itself never leaves, its pixels as the
            // model's chain sees them do (window applied, 8 bits, full size).
            const imaging::Film film = imaging::loadFilm(source);
            target = classDir / (stem + ".png");
            imaging::writeRaster(target, imaging::toDisplay8(film), film.width, film.height);
            ++result.rendered;
        } else {
            target = classDir / (stem + extensionFor(format));
            bool linked = false;
            if (options.allowLinks) {
                fs::create_hard_link(source, target, ec);
                linked = !ec;
            }
            if (!linked) {
                fs::copy_file(source, target, fs::copy_options::overwrite_existing, ec);
                if (ec) throw Error(ErrorCode::Io, target, "cannot copy the film: " + ec.message());
                ++result.copied;
            } else {
                ++result.linked;
            }
        }
        ++result.exported;
        ++(inTest ? result.testCounts : result.trainCounts)[r.label];
        const auto& v = *r.row.verdict;
        const std::string call = r.row.diagnosis ? r.row.diagnosis->label : std::string();
        const std::string model = r.row.diagnosis ? r.row.diagnosis->modelSha256 : std::string();
        provenance += r.row.film.sha256 + "," + split + "," +
                      quotedCsvField(fs::relative(target, dir).generic_string()) + "," + r.label + "," +
                      quotedCsvField(v.reviewer) + "," + v.createdAt + "," + call + "," + model + "\n";
        step();
    }
    writeFileAtomically(dir / "provenance.csv", provenance);
    return result;
}

}  // namespace cxr::workflows
