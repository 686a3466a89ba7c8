#pragma once
// The `cxr records` subcommands (list, show, verdict, export, stats): each registers itself here
// the way `cxr pacs` subcommands do (pacs_command.h), and shares the group's `--db FILE`.
#include <memory>
#include <string>
#include <vector>

#include "app/cli/command.h"
#include "core/common/json_io.h"
#include "core/records/records_db.h"

namespace cxr::cli {

std::vector<CommandEntry>& recordsCommandRegistry();

struct RecordsCommandRegistration {
    // `setup(records, sub)` adds `sub` under `cxr records` and returns what runs when it was parsed.
    RecordsCommandRegistration(int order, CommandSetup setup);
};

// The database the group's --db names (default RecordsDb::defaultPath(): $CXR_RECORDS_DB, else
// the user's), created when missing. `readOnly`: the caller only reads, so a file that can only
// be read is read as it is. Throws cxr::Error naming the file when it cannot be opened.
std::unique_ptr<records::RecordsDb> openRecords(bool readOnly);

// The OS user running us: the default reviewer.
std::string osUserName();

// Records as the --json outputs write them.
Json filmJson(const records::FilmRecord& film);
Json diagnosisJson(const records::DiagnosisRecord& diagnosis);
Json verdictJson(const records::VerdictRecord& verdict);

// One JSON document on one line (DICOM strings need not be UTF-8: replaced, never thrown).
std::string jsonText(const Json& value);

}  // namespace cxr::cli
