#include "core/workflows/prediction_file.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/workflows/csv_fields.h"

namespace cxr::workflows {
namespace {

void appendRows(std::ostringstream& out, const char* split, const evaluation::Predictions& p) {
    out.precision(17);
    for (std::size_t i = 0; i < p.labels.size() && i < p.logits.size(); ++i)
        out << split << ',' << quotedCsvField(i < p.paths.size() ? p.paths[i] : std::string()) << ',' << p.labels[i] << ','
            << p.logits[i][0] << ',' << p.logits[i][1] << '\n';
}

}  // namespace

void writePredictionFile(const std::filesystem::path& file, const evaluation::Predictions& validation,
                         const evaluation::Predictions& test) {
    std::ostringstream out;
    out << "split,film,label,logit0,logit1\n";
    appendRows(out, "val", validation);
    appendRows(out, "test", test);
    writeFileAtomically(file, out.str());
}

std::string perFilmCsv(const evaluation::Predictions& predictions, double temperature, double threshold,
                       const std::vector<std::string>& classes) {
    const auto probabilities = evaluation::positiveProbabilities(predictions, temperature);
    const auto calls = evaluation::applyThreshold(probabilities, threshold);
    auto name = [&](int index) {
        return index >= 0 && static_cast<std::size_t>(index) < classes.size() ? classes[static_cast<std::size_t>(index)]
                                                                            : std::to_string(index);
    };
    std::ostringstream out;
    out.precision(17);
    out << "file,truth,p_" << name(evaluation::kPositiveClass) << ",call\n";
    for (std::size_t i = 0; i < probabilities.size(); ++i)
        out << quoted(i < predictions.paths.size() ? predictions.paths[i] : std::string()) << ','
            << name(predictions.labels[i]) << ',' << probabilities[i] << ',' << name(calls[i]) << '\n';
    return out.str();
}

std::filesystem::path predictionFileOf(const std::filesystem::path& runDir) {
    return runDir / "predictions.csv";
}

PredictionSet readPredictionFile(const std::filesystem::path& file) {
    PredictionSet set;
    std::ifstream in(file);
    if (!in)
        return set;
    std::string line;
    std::getline(in, line);
    const auto header = splitCsvLine(line);
    auto column = [&](const std::string& name) -> int {
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i] == name)
                return static_cast<int>(i);
        throw Error(ErrorCode::Corrupt, file, "no column '" + name + "' in the header");
    };
    // "film": a reference into the run's films.csv; "path": the film's path, in older runs.
    const bool references = std::find(header.begin(), header.end(), "film") != header.end();
    const int cSplit = column("split"), cPath = column(references ? "film" : "path"), cLabel = column("label");
    const int cL0 = column("logit0"), cL1 = column("logit1");
    int lineNo = 1;
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.empty())
            continue;
        const auto f = splitCsvLine(line);
        try {
            const std::string& split = f.at(static_cast<std::size_t>(cSplit));
            auto& target = (split == "val" || split == "validation") ? set.validation : set.test;
            if (split != "test" && split != "val" && split != "validation")
                continue;
            if (!target)
                target.emplace();
            target->paths.push_back(f.at(static_cast<std::size_t>(cPath)));
            target->labels.push_back(std::stoi(f.at(static_cast<std::size_t>(cLabel))));
            target->logits.push_back({std::stod(f.at(static_cast<std::size_t>(cL0))),
                                      std::stod(f.at(static_cast<std::size_t>(cL1)))});
        } catch (const std::exception&) {
            throw Error(ErrorCode::Corrupt, file, "malformed row at line " + std::to_string(lineNo));
        }
    }
    return set;
}

}  // namespace cxr::workflows
