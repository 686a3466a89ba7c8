#pragma once
// SHA-256 through OpenSSL: model bundles and run directories identify weights by it.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace cxr {

std::string sha256Hex(std::string_view bytes);
std::string sha256Hex(const void* data, std::size_t size);
// Streams the file; throws cxr::Error naming it when it cannot be read.
std::string sha256File(const std::filesystem::path& path);

}  // namespace cxr
