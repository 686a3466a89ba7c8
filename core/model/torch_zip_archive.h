#pragma once
// TorchZipArchive: the zip container of torch.save (PyTorch >= 1.6): entries are stored
// uncompressed under one top folder ("archive/data.pkl", "archive/data/0", ...). Parses the
// central directory of an in-memory file, checks every offset and size against the file,
// and verifies CRC-32s, so a damaged or hostile file fails with cxr::Error.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace cxr::model::detail {

class TorchZipArchive {
public:
    struct Entry {
        std::size_t offset = 0;  // of the data, in the file
        std::size_t size = 0;
        std::uint32_t crc = 0;
        bool crcChecked = false;
    };

    // True when the bytes start like a zip file (or like the start of one, for a cut file).
    static bool looksLikeZip(const std::uint8_t* data, std::size_t size);

    TorchZipArchive(const std::uint8_t* data, std::size_t size, std::filesystem::path source);

    // The top folder, e.g. "archive" or the saved file's stem.
    const std::string& prefix() const { return m_prefix; }
    bool has(const std::string& name) const;  // name below the prefix, e.g. "data.pkl"
    // The entry's bytes (CRC verified on first use). Throws Corrupt when missing.
    const std::uint8_t* record(const std::string& name, std::size_t* size);

private:
    [[noreturn]] void fail(const std::string& reason) const;
    [[noreturn]] void truncated(const std::string& reason) const;

    const std::uint8_t* m_data;
    std::size_t m_size;
    std::filesystem::path m_source;
    std::string m_prefix;
    std::map<std::string, Entry> m_entries;  // by name below the prefix
};

}  // namespace cxr::model::detail
