#pragma once
// MetricsLog: the run's metrics.csv, one row per finished epoch (phase, epoch, learning rate,
// train/val loss and accuracy, best flag, early-stop counter, seconds). The whole file is
// rewritten atomically after each epoch, and a resumed run first cuts it back to the epochs its
// state file counts, so a kill at any moment never leaves a half row or a duplicate.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "core/training/training_observer.h"

namespace cxr::training {

class MetricsLog {
public:
    static const char* header();  // the CSV header line (no newline)

    // Reads a metrics.csv; a missing file is an empty log. Throws cxr::Error(Corrupt) naming
    // the file and line on a malformed row.
    static MetricsLog read(const std::filesystem::path& file);

    void append(const EpochResult& row) { m_rows.push_back(row); }
    void truncate(std::size_t rows);
    const std::vector<EpochResult>& rows() const { return m_rows; }
    std::size_t size() const { return m_rows.size(); }

    std::string toCsv() const;
    void write(const std::filesystem::path& file) const;  // atomic

private:
    std::vector<EpochResult> m_rows;
};

}  // namespace cxr::training
