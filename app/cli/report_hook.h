#pragma once
// The PDF report as an optional step for other subcommands: `cxr report` (GUI builds only, it
// needs Qt) installs the renderer here; `cxr demo` ends with the report when one is installed.
// Header-only so headless builds need no extra source.
#include <filesystem>
#include <functional>

namespace cxr::cli {

// Renders the report of the run in `runDir` into `pdfFile`; throws cxr::Error on failure.
using ReportRenderer = std::function<void(const std::filesystem::path& runDir, const std::filesystem::path& pdfFile)>;

inline ReportRenderer& reportRenderer() {
    static ReportRenderer renderer;  // empty in builds without the GUI layer
    return renderer;
}

}  // namespace cxr::cli
