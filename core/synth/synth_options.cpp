#include "core/synth/synth_options.h"

#include <iomanip>
#include <sstream>

#include "core/common/error.h"

namespace cxr::synth {

Json SynthOptions::toJson() const {
    // The seed as a string: JSON numbers lose precision above 2^53 in most readers.
    return {{"train", train}, {"val", val}, {"test", test}, {"seed", std::to_string(seed)},
            {"size", size}, {"dicom", dicom}};
}

SynthOptions SynthOptions::fromJson(const Json& json) {
    try {
        SynthOptions o;
        o.train = json.at("train").get<int>();
        o.val = json.at("val").get<int>();
        o.test = json.at("test").get<int>();
        o.seed = std::stoull(json.at("seed").get<std::string>());
        o.size = json.at("size").get<int>();
        o.dicom = json.at("dicom").get<bool>();
        return o;
    } catch (const std::exception& e) {
        throw Error(ErrorCode::InvalidInput, std::string("synthetic set options: ") + e.what());
    }
}

void SynthOptions::validate() const {
    auto bad = [](const std::string& what) { throw Error(ErrorCode::InvalidInput, what); };
    if (train < 0 || val < 0 || test < 0)
        bad("film counts must not be negative (train " + std::to_string(train) + ", val " +
            std::to_string(val) + ", test " + std::to_string(test) + ")");
    if (static_cast<long long>(train) + val + test < 1)
        bad("a synthetic set needs at least one film (train, val and test are all 0)");
    if (static_cast<long long>(train) + val + test > 1000000)
        bad("at most 1,000,000 films per synthetic set");
    if (size != 0 && (size < 32 || size > 8192))
        bad("size must be 0 (realistic 1000-2000 px films) or 32..8192 pixels, got " + std::to_string(size));
}

Json SynthSummary::toJson() const {
    Json splitsJson = Json::object();
    for (const auto& [name, c] : splits)
        splitsJson[name] = {{"NORMAL", c.normal}, {"PNEUMONIA", c.pneumonia}, {"bacteria", c.bacteria},
                            {"virus", c.virus}, {"patients", c.patients}};
    return {{"options", options.toJson()}, {"splits", splitsJson}, {"films", films},
            {"patients", patients}, {"opacity_boxes", opacityBoxes}, {"bytes", bytesWritten}};
}

SynthSummary SynthSummary::fromJson(const Json& json, const std::filesystem::path& root) {
    SynthSummary s;
    try {
        s.root = root;
        s.options = SynthOptions::fromJson(json.at("options"));
        for (const auto& [name, c] : json.at("splits").items()) {
            SplitCounts counts;
            counts.normal = c.at("NORMAL").get<int>();
            counts.pneumonia = c.at("PNEUMONIA").get<int>();
            counts.bacteria = c.at("bacteria").get<int>();
            counts.virus = c.at("virus").get<int>();
            counts.patients = c.at("patients").get<int>();
            s.splits[name] = counts;
        }
        s.films = json.at("films").get<int>();
        s.patients = json.at("patients").get<int>();
        s.opacityBoxes = json.at("opacity_boxes").get<int>();
        s.bytesWritten = json.at("bytes").get<std::uint64_t>();
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw Error(ErrorCode::Corrupt, root / "synth.json", std::string("not a synthetic set summary: ") + e.what());
    }
    s.opacityCsv = root / "opacities.csv";
    s.filmCsv = root / "films.csv";
    return s;
}

std::string SynthSummary::toText() const {
    std::ostringstream out;
    int normal = 0, pneumonia = 0;
    for (const auto& [name, c] : splits) {
        normal += c.normal;
        pneumonia += c.pneumonia;
    }
    out << (reused ? "Kept" : "Wrote") << " " << films << " synthetic "
        << (options.dicom ? "DICOM" : "JPEG") << " films (" << pneumonia << " PNEUMONIA, " << normal
        << " NORMAL) of " << patients << " patients in " << displayPath(root) << "\n";
    for (const char* name : {"train", "val", "test"}) {
        const auto it = splits.find(name);
        if (it == splits.end())
            continue;
        const auto& c = it->second;
        out << "  " << std::left << std::setw(6) << name << std::right << std::setw(6) << c.pneumonia
            << " PNEUMONIA (" << c.bacteria << " bacteria, " << c.virus << " virus), " << c.normal
            << " NORMAL, " << c.patients << " patients\n";
    }
    out << "  size: "
        << (options.size > 0 ? "long side " + std::to_string(options.size) + " px"
                             : std::string("long side 1000-2000 px"))
        << ", seed " << options.seed << ", " << std::fixed << std::setprecision(1)
        << static_cast<double>(bytesWritten) / 1e6 << " MB";
    if (!reused)
        out << " in " << std::setprecision(2) << seconds << " s";
    out << "\n  opacity boxes: " << displayPath(opacityCsv) << " (" << opacityBoxes << " boxes)\n"
        << "  film list: " << displayPath(filmCsv) << "\n";
    return out.str();
}

}  // namespace cxr::synth
