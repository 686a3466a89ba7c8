// `cxr pacs find NODE [filters]`: what a PACS holds (C-FIND, Study Root), as a table or one JSON
// object per match. Patient names and IDs are printed (the user's own PACS), never logged.
#include <algorithm>
#include <iostream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/cli/interrupt.h"
#include "app/cli/pacs_command.h"
#include "core/common/error.h"
#include "core/pacs/query.h"

namespace cxr::cli {
namespace {

struct FindArgs {
    std::string node, date, modalities, level = "study";
    pacs::QueryFilter filter;
    pacs::AssociationSettings settings;
    bool json = false;
};

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (!item.empty()) out.push_back(item);
    }
    return out;
}

// Numbers the PACS did not give stay out of the JSON (null) and show as "-".
nlohmann::json count(int n) { return n < 0 ? nlohmann::json() : nlohmann::json(n); }
std::string cell(int n) { return n < 0 ? "-" : std::to_string(n); }

nlohmann::json jsonOf(const pacs::QueryMatch& m) {
    nlohmann::json j = {{"level", pacs::queryLevelName(m.level)},
                        {"study_instance_uid", m.studyInstanceUid}};
    if (m.level == pacs::QueryLevel::Study) {
        j["patient_name"] = m.patientName;
        j["patient_id"] = m.patientId;
        j["patient_birth_date"] = m.patientBirthDate;
        j["patient_sex"] = m.patientSex;
        j["study_date"] = m.studyDate;
        j["study_time"] = m.studyTime;
        j["study_description"] = m.studyDescription;
        j["accession_number"] = m.accessionNumber;
        j["modalities"] = m.modalities;
        j["study_related_instances"] = count(m.studyRelatedInstances);
        return j;
    }
    j["series_instance_uid"] = m.seriesInstanceUid;
    j["modality"] = m.modalities;
    j["series_number"] = count(m.seriesNumber);
    if (m.level == pacs::QueryLevel::Series) {
        j["series_description"] = m.seriesDescription;
        j["series_related_instances"] = count(m.seriesRelatedInstances);
        return j;
    }
    j["sop_instance_uid"] = m.sopInstanceUid;
    j["sop_class_uid"] = m.sopClassUid;
    j["instance_number"] = count(m.instanceNumber);
    return j;
}

// A plain table: columns as wide as their widest cell.
void printTable(const std::vector<std::string>& head, const std::vector<std::vector<std::string>>& rows) {
    std::vector<size_t> width(head.size());
    for (size_t c = 0; c < head.size(); ++c) {
        width[c] = head[c].size();
        for (const auto& r : rows) width[c] = std::max(width[c], r[c].size());
    }
    const auto line = [&](const std::vector<std::string>& r) {
        std::string out;
        for (size_t c = 0; c < r.size(); ++c)
            out += c + 1 < r.size() ? r[c] + std::string(width[c] - r[c].size() + 2, ' ') : r[c];
        std::cout << out << "\n";
    };
    line(head);
    for (const auto& r : rows) line(r);
}

void printMatches(pacs::QueryLevel level, const std::vector<pacs::QueryMatch>& matches) {
    std::vector<std::vector<std::string>> rows;
    if (level == pacs::QueryLevel::Study) {
        for (const auto& m : matches)
            rows.push_back({m.patientName, m.patientId, m.studyDate, m.modalities, m.accessionNumber,
                            cell(m.studyRelatedInstances), m.studyDescription, m.studyInstanceUid});
        printTable({"PATIENT", "PATIENT ID", "DATE", "MODALITY", "ACCESSION", "IMAGES", "DESCRIPTION", "STUDY UID"},
                   rows);
    } else if (level == pacs::QueryLevel::Series) {
        for (const auto& m : matches)
            rows.push_back({cell(m.seriesNumber), m.modalities, cell(m.seriesRelatedInstances), m.seriesDescription,
                            m.seriesInstanceUid});
        printTable({"SERIES", "MODALITY", "IMAGES", "DESCRIPTION", "SERIES UID"}, rows);
    } else {
        for (const auto& m : matches) {
            rows.push_back({cell(m.instanceNumber), m.modalities, pacs::sopClassName(m.sopClassUid), m.sopInstanceUid});
        }
        printTable({"NUMBER", "MODALITY", "CLASS", "SOP INSTANCE UID"}, rows);
    }
}

const PacsCommandRegistration kFind(20, [](CLI::App& pacsCommand, CLI::App*& find) -> CommandRun {
    auto args = std::make_shared<FindArgs>();
    find = pacsCommand.add_subcommand("find", "List a node's studies, series or instances (DICOM C-FIND)");
    find->add_option("NODE", args->node, "The node, AET@HOST:PORT")->required();
    find->add_option("--patient-id", args->filter.patientId, "Patient ID (wildcards * and ?)");
    find->add_option("--patient-name", args->filter.patientName, "Patient name, DICOM style (\"DOE^*\")");
    find->add_option("--date", args->date, "Study date or range: FROM-TO, FROM-, -TO (YYYYMMDD or YYYY-MM-DD)");
    find->add_option("--modality", args->modalities, "Modalities, comma separated (e.g. CR,DX,DR)");
    find->add_option("--accession", args->filter.accessionNumber, "Accession number");
    find->add_option("--level", args->level, "study, series or instance")
        ->capture_default_str()
        ->check(CLI::IsMember({"study", "series", "instance"}));
    find->add_option("--study", args->filter.studyInstanceUid, "Study Instance UID (needed for series and instance)");
    find->add_option("--series", args->filter.seriesInstanceUid, "Series Instance UID (needed for instance)");
    find->add_option("--aet", args->settings.callingAeTitle, "Our calling AE title")->capture_default_str();
    find->add_option("--timeout", args->settings.connectTimeoutSeconds, "Seconds to wait for an answer")
        ->capture_default_str()
        ->check(CLI::Range(1, 3600));
    find->add_flag("--json", args->json, "One JSON object per match (JSON Lines)");
    return [args]() -> int {
        const auto node = pacs::parseDicomNode(args->node);
        auto filter = args->filter;
        filter.level = pacs::queryLevelFromName(args->level);
        filter.modalities = splitList(args->modalities);
        if (!args->date.empty()) pacs::parseDateRange(args->date, filter);
        auto settings = args->settings;
        settings.dimseTimeoutSeconds = std::max(settings.dimseTimeoutSeconds, settings.connectTimeoutSeconds);
        const auto matches = pacs::findMatches(node, settings, filter, interruptToken().get());
        if (args->json) {
            for (const auto& m : matches)
                std::cout << jsonOf(m).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
            return 0;
        }
        if (matches.empty()) {
            const char* what = filter.level == pacs::QueryLevel::Study    ? "studies"
                               : filter.level == pacs::QueryLevel::Series ? "series"
                                                                          : "instances";
            std::cout << "no matching " << what << " on " << node.toString() << "\n";
            return 0;
        }
        printMatches(filter.level, matches);
        return 0;
    };
});

}  // namespace
}  // namespace cxr::cli
