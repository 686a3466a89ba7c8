#pragma once
// RecordsDb: CXR Studio's review records in one SQLite file per user profile (WAL mode, every
// write in a transaction, schema versioned with migrations): the films seen (keyed by content
// SHA-256, so a renamed or re-exported film is the same film), every diagnosis, the reviewers'
// verdicts (append-only: the latest counts) and the runs trained here. Core owns it (no Qt, no
// LibTorch: plain records in, plain records out); the CLI and the GUI read and write through it.
//
// Never stores patient names or IDs unless RecordsOptions::keepPatientIdentity is set.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cxr::records {

struct RecordsOptions {
    bool keepPatientIdentity = false;  // store patient name/ID of DICOM films (off by default)
    int busyTimeoutMs = 5000;          // another CXR Studio writing: wait this long, then say so
    bool readOnly = false;
    // The write-ahead log is folded into the file by a thread of its own, off the write path;
    // false: by the commit that fills it, as SQLite does by itself (records_bench compares).
    bool backgroundCheckpoint = true;
};

// A film as seen: the key is the SHA-256 of its bytes.
struct FilmRecord {
    std::string sha256;
    std::string path;  // last seen
    std::string studyInstanceUid, seriesInstanceUid, sopInstanceUid;  // DICOM, when present
    std::int64_t sizeBytes = 0;
    std::string patientName, patientId;  // only kept with keepPatientIdentity
    std::string firstSeen, lastSeen;     // ISO 8601 UTC, filled by the database
};

// One diagnosis of a film by a model.
struct DiagnosisRecord {
    std::int64_t id = 0;  // filled by the database
    std::string filmSha256;
    std::string modelSha256, modelName;
    std::string method, layer;  // explanation: "gradcam", "layer4" (empty when none)
    std::vector<std::string> classes;
    std::vector<double> probabilities;
    std::string label;  // the call at the threshold
    double threshold = 0.5;
    std::vector<std::string> warnings;         // notice codes
    std::map<std::string, double> timingsMs;
    std::string createdAt;  // ISO 8601 UTC, filled by the database
};

// A reviewer's verdict on a film (append-only; the latest one counts).
struct VerdictRecord {
    std::int64_t id = 0;
    std::string filmSha256;
    std::int64_t diagnosisId = 0;  // the call the reviewer saw (0: none)
    bool agrees = false;           // with that call
    std::string label;             // NORMAL, PNEUMONIA or "other"
    std::string otherText;         // what "other" is
    std::string note;
    std::string reviewer;          // the OS user or the name set in Settings
    std::string createdAt;
};

// A run trained here.
struct RunRecord {
    std::int64_t id = 0;
    std::string folder, configHash, modelSha256;
    std::string testFiguresJson;  // the test split's figures as the run wrote them
    std::string createdAt;
};

// One row of the worklist: a film with its latest diagnosis (by the given model, or any) and
// its latest verdict.
struct WorklistRow {
    FilmRecord film;
    std::optional<DiagnosisRecord> diagnosis;
    std::optional<VerdictRecord> verdict;
};

struct WorklistFilter {
    std::string modelSha256;     // only diagnoses by this model, films it has not seen left out
                                 // (empty: every film, with its latest diagnosis by any model)
    bool unreviewedOnly = false;
    bool disagreementsOnly = false;  // the latest verdict disagrees with the call it saw
    int limit = -1;                  // -1: all
};

class RecordsDb {
public:
    // Opens (creating it and its folder when missing) and migrates to the current schema.
    // Throws cxr::Error naming the file: Unsupported for a database written by a newer CXR
    // Studio (never altered), Corrupt for a damaged file (moved aside to FILE.corrupt-<time>
    // first; the message names where), Io when it cannot be opened or is locked beyond the busy
    // timeout. A file this user may not write (without options.readOnly) still opens when its
    // schema is current: reads work, writable() is false and every write throws Io saying the
    // file "is read-only"; one that would need migrating throws Io at open. With readOnly, a
    // missing file or one without records yet throws NotFound.
    static std::unique_ptr<RecordsDb> open(const std::filesystem::path& file, const RecordsOptions& options = {});
    virtual ~RecordsDb() = default;

    static constexpr int kSchemaVersion = 1;

    // The default database: $CXR_RECORDS_DB, else $XDG_DATA_HOME/cxr-studio/records.sqlite
    // (~/.local/share/cxr-studio/records.sqlite).
    static std::filesystem::path defaultPath();

    virtual const std::filesystem::path& path() const = 0;
    // False when the file could only be opened for reading (options.readOnly, or a file this
    // user may not write): the writes below then throw Io.
    virtual bool writable() const = 0;

    // Writes: each one transaction. Throws cxr::Error(Io) naming the file on failure ("is locked
    // by another program" beyond the busy timeout, "is read-only"), InvalidInput for a record
    // that cannot be kept (a diagnosis or verdict of a film not recorded, a verdict label other
    // than NORMAL, PNEUMONIA or other). An empty VerdictRecord::reviewer is the OS user.
    virtual void recordFilm(const FilmRecord& film) = 0;                    // insert or update path/last seen
    virtual std::int64_t recordDiagnosis(const DiagnosisRecord& diagnosis) = 0;  // the film must be recorded
    virtual std::int64_t recordVerdict(const VerdictRecord& verdict) = 0;
    virtual std::int64_t recordRun(const RunRecord& run) = 0;
    // Runs `writes` (calls of the record* functions above) as one transaction: all of them or,
    // when an exception leaves `writes`, none. For bulk work (a folder of films, an import);
    // the write lock is held throughout, so keep batches to seconds.
    virtual void batch(const std::function<void()>& writes) = 0;

    // Reads.
    virtual std::optional<FilmRecord> film(const std::string& sha256) const = 0;
    // The latest diagnosis of a film by a model (for "already diagnosed: not recomputed");
    // an empty modelSha256: by any model.
    virtual std::optional<DiagnosisRecord> latestDiagnosis(const std::string& filmSha256,
                                                           const std::string& modelSha256) const = 0;
    virtual std::vector<WorklistRow> worklist(const WorklistFilter& filter = {}) const = 0;
    // Every diagnosis and verdict of a film, oldest first.
    virtual std::vector<DiagnosisRecord> diagnosesOf(const std::string& filmSha256) const = 0;
    virtual std::vector<VerdictRecord> verdictsOf(const std::string& filmSha256) const = 0;
    virtual std::vector<RunRecord> runs() const = 0;
    // Models that have diagnosed films here: SHA-256 → name.
    virtual std::map<std::string, std::string> models() const = 0;

    // PRAGMA integrity_check: "ok" or what is wrong.
    virtual std::string integrityCheck() const = 0;
};

}  // namespace cxr::records
