#pragma once
// A tiny explicit-VR-little-endian DICOM builder for tests: it writes files our own writer
// never would (no pixel data, absurd geometry, unknown syntaxes, colour, several frames, VOI
// LUTs), and being independent of DCMTK it also cross-checks the reader.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <vector>

namespace cxr::test {

inline std::string le16(std::uint16_t v) { return {char(v & 0xFF), char(v >> 8)}; }
inline std::string le32(std::uint32_t v) { return le16(std::uint16_t(v & 0xFFFF)) + le16(std::uint16_t(v >> 16)); }

// One element; `payload` is padded to even length (space for text, NUL for UI and binary).
inline std::string dicomElement(std::uint16_t group, std::uint16_t element, const std::string& vr,
                                std::string payload) {
    if (payload.size() % 2) payload += (vr == "UI" || vr == "OB" || vr == "OW" || vr == "UN") ? '\0' : ' ';
    std::string out = le16(group) + le16(element) + vr;
    if (vr == "OB" || vr == "OW" || vr == "SQ" || vr == "UN" || vr == "UT")
        out += le16(0) + le32(static_cast<std::uint32_t>(payload.size()));
    else
        out += le16(static_cast<std::uint16_t>(payload.size()));
    return out + payload;
}

inline std::string usValues(std::initializer_list<std::uint16_t> values) {
    std::string out;
    for (auto v : values) out += le16(v);
    return out;
}

// A sequence of undefined length holding `items` (each the concatenated elements of one item).
inline std::string dicomSequence(std::uint16_t group, std::uint16_t element, const std::vector<std::string>& items) {
    std::string out = le16(group) + le16(element) + "SQ" + le16(0) + le32(0xFFFFFFFFu);
    for (const auto& item : items) out += le16(0xFFFE) + le16(0xE000) + le32(0xFFFFFFFFu) + item + le16(0xFFFE) + le16(0xE00D) + le32(0);
    return out + le16(0xFFFE) + le16(0xE0DD) + le32(0);
}

// Encapsulated pixel data: empty offset table, then one fragment per entry.
inline std::string encapsulatedPixelData(const std::vector<std::string>& fragments) {
    std::string out = le16(0x7FE0) + le16(0x0010) + "OB" + le16(0) + le32(0xFFFFFFFFu);
    out += le16(0xFFFE) + le16(0xE000) + le32(0);
    for (auto f : fragments) {
        if (f.size() % 2) f += '\0';
        out += le16(0xFFFE) + le16(0xE000) + le32(static_cast<std::uint32_t>(f.size())) + f;
    }
    return out + le16(0xFFFE) + le16(0xE0DD) + le32(0);
}

// Preamble, "DICM", the meta header for `transferSyntaxUid`, then `dataset` (elements in
// ascending tag order, explicit VR little endian).
inline std::string dicomFile(const std::string& dataset, const std::string& transferSyntaxUid = "1.2.840.10008.1.2.1",
                             const std::string& sopClassUid = "1.2.840.10008.5.1.4.1.1.1.1") {
    std::string meta = dicomElement(0x0002, 0x0001, "OB", std::string("\0\1", 2)) +
                       dicomElement(0x0002, 0x0002, "UI", sopClassUid) +
                       dicomElement(0x0002, 0x0003, "UI", "1.2.3.4.5.6.7") +
                       dicomElement(0x0002, 0x0010, "UI", transferSyntaxUid) +
                       dicomElement(0x0002, 0x0012, "UI", "1.2.3.4.5");
    const std::string groupLength = dicomElement(0x0002, 0x0000, "UL", le32(static_cast<std::uint32_t>(meta.size())));
    return std::string(128, '\0') + "DICM" + groupLength + meta + dataset;
}

// The Image Pixel module for a grey film, without Pixel Data.
inline std::string greyPixelModule(int width, int height, int bitsAllocated, int bitsStored, bool isSigned,
                                   const std::string& photometric = "MONOCHROME2", int samples = 1,
                                   int frames = 1) {
    return dicomElement(0x0028, 0x0002, "US", usValues({std::uint16_t(samples)})) +
           dicomElement(0x0028, 0x0004, "CS", photometric) +
           (samples > 1 ? dicomElement(0x0028, 0x0006, "US", usValues({0})) : std::string()) +
           (frames > 1 ? dicomElement(0x0028, 0x0008, "IS", std::to_string(frames)) : std::string()) +
           dicomElement(0x0028, 0x0010, "US", usValues({std::uint16_t(height)})) +
           dicomElement(0x0028, 0x0011, "US", usValues({std::uint16_t(width)})) +
           dicomElement(0x0028, 0x0100, "US", usValues({std::uint16_t(bitsAllocated)})) +
           dicomElement(0x0028, 0x0101, "US", usValues({std::uint16_t(bitsStored)})) +
           dicomElement(0x0028, 0x0102, "US", usValues({std::uint16_t(bitsStored - 1)})) +
           dicomElement(0x0028, 0x0103, "US", usValues({std::uint16_t(isSigned ? 1 : 0)}));
}

inline void writeBytes(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::string readBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace cxr::test
