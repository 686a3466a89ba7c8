#pragma once
// Reference files written by Python's torch/torchvision (make_reference.py) for the model
// tests. CTest runs every test case in its own process, so they are made once per version of
// the script, into a folder named after its hash, and shared (made in a temporary folder and
// renamed, so concurrent tests never see half of them).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <ATen/ATen.h>

#include "core/common/sha256.h"

namespace cxr::test {

inline std::filesystem::path referenceScript() {
    return std::filesystem::path(CXR_SOURCE_DIR) / "tests/model/make_reference.py";
}

inline int runPython(const std::string& args) {
    const std::string cmd = std::string(CXR_TEST_PYTHON) + " " + referenceScript().string() + " " + args;
    return std::system(cmd.c_str());
}

inline std::string quote(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

inline const std::filesystem::path& modelReferenceDir() {
    static const std::filesystem::path dir = [] {
        namespace fs = std::filesystem;
        const auto hash = sha256File(referenceScript()).substr(0, 12);
        const fs::path final = fs::path(CXR_TEST_TMP) / ("model-reference-" + hash);
        if (fs::exists(final / "done"))
            return final;
        const fs::path tmp = final.string() + ".tmp" + std::to_string(::getpid());
        fs::remove_all(tmp);
        fs::create_directories(tmp);
        if (runPython(quote(tmp)) != 0)
            throw std::runtime_error("make_reference.py failed (needs python3-torch and python3-torchvision)");
        std::FILE* f = std::fopen((tmp / "done").c_str(), "w");
        if (f)
            std::fclose(f);
        std::error_code ec;
        fs::rename(tmp, final, ec);  // another test process may have won the race: fine
        if (ec)
            fs::remove_all(tmp);
        return final;
    }();
    return dir;
}

inline at::Tensor readF32(const std::filesystem::path& path, at::IntArrayRef shape) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f)
        throw std::runtime_error("cannot open " + path.string());
    auto t = at::empty(shape, at::kFloat);
    const auto n = std::fread(t.data_ptr<float>(), sizeof(float), static_cast<std::size_t>(t.numel()), f);
    std::fclose(f);
    if (n != static_cast<std::size_t>(t.numel()))
        throw std::runtime_error("short read of " + path.string());
    return t;
}

}  // namespace cxr::test
