#pragma once
// Writing colour overlays as PNG files (the film writer of imaging/ writes grey only).
#include <cstdint>
#include <filesystem>
#include <vector>

namespace cxr::diagnosis {

// `rgb`: width * height * 3 bytes, RGB interleaved (makeOverlayRgb). Written atomically;
// throws cxr::Error(Io) naming the file.
void writeOverlayPng(const std::filesystem::path& path, const std::vector<std::uint8_t>& rgb, int width, int height);

}  // namespace cxr::diagnosis
