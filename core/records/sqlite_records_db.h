#pragma once
// SqliteRecordsDb: RecordsDb on one SQLite connection. Owns the connection, the prepared
// statements of the hot writes (a film and its diagnosis are recorded once per film diagnosed)
// the mutex that lets the GUI's threads share one instance, and (when it may write) the thread
// that checkpoints the write-ahead log so that no write waits for it.
#include <functional>
#include <memory>
#include <mutex>

#include "core/records/records_db.h"

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

namespace cxr::records::detail {

class WalCheckpointer;

class SqliteRecordsDb final : public RecordsDb {
public:
    SqliteRecordsDb(std::filesystem::path file, RecordsOptions options, std::unique_ptr<SQLite::Database> db,
                    bool writable);
    ~SqliteRecordsDb() override;

    const std::filesystem::path& path() const override { return m_path; }
    bool writable() const override { return m_writable; }

    void recordFilm(const FilmRecord& film) override;
    std::int64_t recordDiagnosis(const DiagnosisRecord& diagnosis) override;
    std::int64_t recordVerdict(const VerdictRecord& verdict) override;
    std::int64_t recordRun(const RunRecord& run) override;
    void batch(const std::function<void()>& writes) override;

    std::optional<FilmRecord> film(const std::string& sha256) const override;
    std::optional<DiagnosisRecord> latestDiagnosis(const std::string& filmSha256,
                                                   const std::string& modelSha256) const override;
    std::vector<WorklistRow> worklist(const WorklistFilter& filter) const override;
    std::vector<DiagnosisRecord> diagnosesOf(const std::string& filmSha256) const override;
    std::vector<VerdictRecord> verdictsOf(const std::string& filmSha256) const override;
    std::vector<RunRecord> runs() const override;
    std::map<std::string, std::string> models() const override;
    std::string integrityCheck() const override;

private:
    // Runs `body` in one IMMEDIATE transaction (the write lock taken up front, so a second
    // writer waits for the busy timeout instead of failing half-way); SQLite's failures become
    // cxr::Error naming the file.
    std::int64_t write(const std::string& doing, const std::function<std::int64_t()>& body);
    // Runs `body` under the mutex with SQLite's failures translated.
    template <class Body>
    auto read(const std::string& doing, Body&& body) const -> decltype(body());
    // A prepared statement kept for the next call, reset and unbound.
    SQLite::Statement& cached(std::unique_ptr<SQLite::Statement>& slot, const char* sql);
    std::int64_t filmId(const std::string& sha256);

    std::filesystem::path m_path;
    RecordsOptions m_options;
    std::unique_ptr<SQLite::Database> m_db;
    bool m_writable;
    // Recursive: a batch's writes and reads run under the batch's lock.
    mutable std::recursive_mutex m_mutex;
    bool m_inBatch = false;
    std::unique_ptr<SQLite::Statement> m_upsertFilm, m_upsertModel, m_insertDiagnosis, m_findFilm;
    // Writable connections only: folds the write-ahead log into the file off the write path.
    std::unique_ptr<WalCheckpointer> m_checkpointer;
};

}  // namespace cxr::records::detail
