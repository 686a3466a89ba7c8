// libFuzzer target: bytes -> model::readStateDict (the zip and the legacy PyTorch containers,
// the unpickler, tensor views). readStateDict reads a path, so each input goes through one
// temporary file (in $TMPDIR, best on tmpfs). Any input must end in a StateDict or a cxr::Error.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/common/error.h"
#include "core/model/state_dict.h"

namespace {

const std::filesystem::path& scratchFile() {
    static const std::filesystem::path path = [] {
        const char* dir = std::getenv("TMPDIR");
        return std::filesystem::path(dir ? dir : "/tmp") / ("cxr-fuzz-weights-" + std::to_string(::getpid()) + ".pth");
    }();
    return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    {
        std::ofstream out(scratchFile(), std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    try {
        const cxr::model::StateDict dict = cxr::model::readStateDict(scratchFile());
        for (const auto& [name, tensor] : dict)
            if (name.empty() || !tensor.defined())
                __builtin_trap();
    } catch (const cxr::Error&) {
    }
    return 0;
}
