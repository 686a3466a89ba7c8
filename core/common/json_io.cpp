#include "core/common/json_io.h"

#include "core/common/atomic_file.h"
#include "core/common/error.h"

namespace cxr {

Json readJsonFile(const std::filesystem::path& path) {
    const std::string text = readFileText(path);
    try {
        return Json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw Error(ErrorCode::Corrupt, path, std::string("not valid JSON: ") + e.what());
    }
}

void writeJsonFile(const std::filesystem::path& path, const Json& value) {
    writeFileAtomically(path, value.dump(2) + "\n");
}

}  // namespace cxr
