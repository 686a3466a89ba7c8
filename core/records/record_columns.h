#pragma once
// How records sit in the tables: the column lists the queries select and the readers that turn
// a result row back into a record (lists and maps are JSON text in their columns).
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/records/records_db.h"

namespace SQLite {
class Statement;
}

namespace cxr::records::detail {

// Column lists for SELECT, with the table aliases the readers expect: films f, diagnoses d,
// models m, verdicts v (and f for the film's SHA-256 of a diagnosis or verdict).
extern const char* const kFilmColumns;       // 10 columns
extern const char* const kDiagnosisColumns;  // 13 columns
extern const char* const kVerdictColumns;    // 9 columns
extern const char* const kRunColumns;        // 6 columns

// Readers from column `first` on; `file` names the database in errors about damaged JSON.
FilmRecord readFilm(SQLite::Statement& row, int first);
DiagnosisRecord readDiagnosis(SQLite::Statement& row, int first, const std::filesystem::path& file);
VerdictRecord readVerdict(SQLite::Statement& row, int first);
RunRecord readRun(SQLite::Statement& row, int first);

std::string toJson(const std::vector<std::string>& list);
std::string toJson(const std::vector<double>& list);
std::string toJson(const std::map<std::string, double>& map);

}  // namespace cxr::records::detail
