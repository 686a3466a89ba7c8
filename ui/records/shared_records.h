#pragma once
// SharedRecords: the review records as the GUI's threads share them: one database connection
// used by one thread at a time (a film job on a pool thread, a verdict, a history read). Other
// windows and processes on the same file are kept apart by SQLite itself.
#include <filesystem>
#include <memory>
#include <mutex>
#include <utility>

#include "core/records/records_db.h"

namespace cxr::ui {

class SharedRecords {
public:
    // `keepPatientIdentity`: what the database was opened with (RecordsOptions), so films are
    // described with or without their patient name and ID to match.
    explicit SharedRecords(std::unique_ptr<records::RecordsDb> db, bool keepPatientIdentity = false)
        : m_path(db->path()), m_writable(db->writable()), m_keepPatientIdentity(keepPatientIdentity), m_db(std::move(db)) {}

    // Runs `use(db)` with the connection to itself; its result (or exception) is use's.
    template <class Use>
    auto with(Use&& use) {
        std::lock_guard<std::mutex> lock(m_mutex);
        return use(*m_db);
    }

    const std::filesystem::path& path() const { return m_path; }
    bool writable() const { return m_writable; }
    bool keepsPatientIdentity() const { return m_keepPatientIdentity; }

private:
    const std::filesystem::path m_path;
    const bool m_writable;
    const bool m_keepPatientIdentity;
    std::mutex m_mutex;
    std::unique_ptr<records::RecordsDb> m_db;
};

}  // namespace cxr::ui
