#include "core/training/metrics_log.h"

#include <cstdio>
#include <sstream>

#include "core/common/atomic_file.h"
#include "core/common/error.h"

namespace cxr::training {
namespace {

constexpr int kColumns = 12;

std::string number(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

// Phase names are ours ("deep fine-tuning"), but a user's config may put anything there.
std::string quoted(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c == '\n' ? ' ' : c;
    }
    return out + "\"";
}

std::vector<std::string> splitCsvLine(const std::string& line) {
    std::vector<std::string> fields(1);
    bool inQuotes = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (inQuotes) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else if (c == '"') {
                inQuotes = false;
            } else {
                fields.back() += c;
            }
        } else if (c == '"') {
            inQuotes = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    return fields;
}

}  // namespace

const char* MetricsLog::header() {
    return "phase_index,phase,epoch,lr,train_loss,train_acc,val_loss,val_acc,best,"
           "early_stop_counter,patience,seconds";
}

void MetricsLog::truncate(std::size_t rows) {
    if (rows < m_rows.size())
        m_rows.resize(rows);
}

std::string MetricsLog::toCsv() const {
    std::string out = std::string(header()) + "\n";
    for (const auto& r : m_rows) {
        out += std::to_string(r.phase) + "," + quoted(r.phaseName) + "," + std::to_string(r.epoch) + "," +
               number(r.learningRate) + "," + number(r.trainLoss) + "," + number(r.trainAccuracy) + "," +
               number(r.valLoss) + "," + number(r.valAccuracy) + "," + (r.best ? "1" : "0") + "," +
               std::to_string(r.earlyStopCounter) + "," + std::to_string(r.patience) + "," +
               number(r.seconds) + "\n";
    }
    return out;
}

void MetricsLog::write(const std::filesystem::path& file) const { writeFileAtomically(file, toCsv()); }

MetricsLog MetricsLog::read(const std::filesystem::path& file) {
    MetricsLog log;
    if (!std::filesystem::exists(file))
        return log;
    std::istringstream in(readFileText(file));
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (lineNo == 1 || line.empty())
            continue;
        const auto f = splitCsvLine(line);
        if (f.size() != kColumns)
            throw Error(ErrorCode::Corrupt, file,
                        "line " + std::to_string(lineNo) + " has " + std::to_string(f.size()) +
                            " fields, expected " + std::to_string(kColumns));
        try {
            EpochResult r;
            r.phase = std::stoi(f[0]);
            r.phaseName = f[1];
            r.epoch = std::stoi(f[2]);
            r.learningRate = std::stod(f[3]);
            r.trainLoss = std::stod(f[4]);
            r.trainAccuracy = std::stod(f[5]);
            r.valLoss = std::stod(f[6]);
            r.valAccuracy = std::stod(f[7]);
            r.best = f[8] == "1";
            r.earlyStopCounter = std::stoi(f[9]);
            r.patience = std::stoi(f[10]);
            r.seconds = std::stod(f[11]);
            log.m_rows.push_back(r);
        } catch (const std::logic_error&) {
            throw Error(ErrorCode::Corrupt, file, "line " + std::to_string(lineNo) + " holds a non-number");
        }
    }
    return log;
}

}  // namespace cxr::training
