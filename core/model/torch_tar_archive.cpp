#include "core/model/torch_tar_archive.h"

#include <algorithm>
#include <cstring>

#include "core/common/error.h"

namespace cxr::model::detail {
namespace {

constexpr std::size_t kBlock = 512;
// Python's tarfile names a PAX header "././@PaxHeader"; torch's members follow.
const char* const kHeaderNames[] = {"././@PaxHeader", "sys_info", "pickle", "tensors", "storages"};

std::string fieldText(const std::uint8_t* p, std::size_t width) {
    const auto* end = static_cast<const std::uint8_t*>(std::memchr(p, 0, width));
    return std::string(reinterpret_cast<const char*>(p), end ? static_cast<std::size_t>(end - p) : width);
}

// "./storages" and "storages" name the same member, as Python's getmember treats them.
std::string normalised(std::string name) {
    while (name.rfind("./", 0) == 0)
        name.erase(0, 2);
    return name;
}

}  // namespace

bool TorchTarArchive::looksLikeTar(const std::uint8_t* data, std::size_t size) {
    if (size >= kBlock)
        return std::memcmp(data + 257, "ustar", 5) == 0;
    if (size == 0)
        return false;
    if (size > 257 && std::memcmp(data + 257, "ustar", std::min<std::size_t>(size - 257, 5)) != 0)
        return false;
    for (const char* name : kHeaderNames) {
        char field[100] = {};
        std::memcpy(field, name, std::strlen(name));
        if (std::memcmp(data, field, std::min<std::size_t>(size, sizeof field)) == 0)
            return true;
    }
    return false;
}

void TorchTarArchive::fail(const std::string& reason) const {
    throw Error(ErrorCode::Corrupt, m_source, "damaged tar-container PyTorch file: " + reason);
}

void TorchTarArchive::truncated(const std::string& where) const {
    throw Error(ErrorCode::Corrupt, m_source, "truncated tar-container PyTorch file (it ends " + where + ")");
}

// A numeric header field: octal text (spaces and NULs around it), or GNU base-256 for big values.
std::uint64_t TorchTarArchive::number(const std::uint8_t* field, std::size_t width, const char* what) const {
    if (field[0] == 0x80) {
        std::uint64_t v = 0;
        for (std::size_t i = 1; i < width; ++i) {
            if (v >> 56)
                fail(std::string(what) + " field overflows");
            v = (v << 8) | field[i];
        }
        return v;
    }
    std::size_t i = 0;
    while (i < width && (field[i] == ' ' || field[i] == 0))
        ++i;
    std::uint64_t v = 0;
    for (; i < width && field[i] >= '0' && field[i] <= '7'; ++i) {
        if (v >> 60)
            fail(std::string(what) + " field overflows");
        v = v * 8 + (field[i] - '0');
    }
    for (; i < width; ++i)
        if (field[i] != ' ' && field[i] != 0)
            fail(std::string("bad ") + what + " field");
    return v;
}

// PAX extended header records: "<length> <key>=<value>\n", the length counting the whole record.
void TorchTarArchive::readPax(const std::uint8_t* p, std::size_t n, std::string* path, std::uint64_t* size,
                              bool* hasSize) const {
    std::size_t pos = 0;
    while (pos < n && p[pos] != 0) {
        std::size_t length = 0, digits = 0;
        while (pos + digits < n && p[pos + digits] >= '0' && p[pos + digits] <= '9' && digits < 19)
            length = length * 10 + (p[pos + digits++] - '0');
        if (digits == 0 || pos + digits >= n || p[pos + digits] != ' ' || length <= digits + 1 || length > n - pos ||
            p[pos + length - 1] != '\n')
            fail("bad PAX header record");
        const std::string record(reinterpret_cast<const char*>(p + pos + digits + 1), length - digits - 2);
        const auto eq = record.find('=');
        if (eq == std::string::npos)
            fail("bad PAX header record");
        const std::string key = record.substr(0, eq), value = record.substr(eq + 1);
        if (key == "path") {
            *path = value;
        } else if (key == "size") {
            if (value.empty() || value.size() > 18 || value.find_first_not_of("0123456789") != std::string::npos)
                fail("bad PAX size");
            *size = std::stoull(value);
            *hasSize = true;
        }
        pos += length;
    }
}

TorchTarArchive::TorchTarArchive(const std::uint8_t* data, std::size_t size, std::filesystem::path source)
    : m_data(data), m_source(std::move(source)) {
    std::size_t pos = 0;
    std::string longName;  // from a PAX or GNU long-name header, for the next member
    std::uint64_t paxSize = 0;
    bool hasPaxSize = false;
    // A file cut inside a header, or between members, simply ends here: member() then says which
    // member the cut removed. (Python's tarfile also stops quietly at a short last block.)
    while (size - pos >= kBlock) {
        const std::uint8_t* h = data + pos;
        if (std::all_of(h, h + kBlock, [](std::uint8_t b) { return b == 0; })) {
            m_ended = true;
            break;
        }
        // The checksum is the byte sum with its own field read as spaces (some writers summed
        // signed chars; Python accepts either).
        std::uint64_t unsignedSum = 8 * ' ';
        std::int64_t signedSum = 8 * ' ';
        for (std::size_t i = 0; i < kBlock; ++i) {
            if (i >= 148 && i < 156)
                continue;
            unsignedSum += h[i];
            signedSum += static_cast<signed char>(h[i]);
        }
        const auto stored = number(h + 148, 8, "checksum");
        if (stored != unsignedSum && static_cast<std::int64_t>(stored) != signedSum)
            fail("header checksum mismatch at byte " + std::to_string(pos));

        const char type = static_cast<char>(h[156]);
        std::uint64_t memberSize = hasPaxSize ? paxSize : number(h + 124, 12, "size");
        if (type == 'x' || type == 'g' || type == 'L' || type == 'K')
            memberSize = number(h + 124, 12, "size");  // a header's own size is never overridden
        std::string name = fieldText(h, 100);
        const std::string prefix = std::memcmp(h + 257, "ustar\0", 6) == 0 ? fieldText(h + 345, 155) : "";
        if (!prefix.empty())
            name = prefix + "/" + name;
        if (!longName.empty() && type != 'x' && type != 'L')
            name = longName;
        name = normalised(name);

        const std::size_t dataStart = pos + kBlock;
        if (memberSize > size - dataStart)
            truncated(type == 'x' || type == 'L' ? "inside the extended header of a member"
                                                 : "inside the member '" + name + "'");
        const std::uint8_t* body = data + dataStart;
        if (type == 'x') {
            readPax(body, static_cast<std::size_t>(memberSize), &longName, &paxSize, &hasPaxSize);
        } else if (type == 'L') {
            longName = fieldText(body, static_cast<std::size_t>(memberSize));
        } else if (type == 'g' || type == 'K') {
            // archive-wide PAX records, GNU long link names: nothing torch's members need
        } else {
            if (type == '0' || type == '\0' || type == '7') {
                if (!m_members.emplace(name, Member{dataStart, static_cast<std::size_t>(memberSize)}).second)
                    fail("the member '" + name + "' appears twice");
            }
            longName.clear();
            hasPaxSize = false;
        }
        const std::uint64_t padded = (memberSize + kBlock - 1) / kBlock * kBlock;
        if (padded > size - dataStart)
            break;  // only the last block's padding is missing
        pos = dataStart + static_cast<std::size_t>(padded);
    }
}

const std::uint8_t* TorchTarArchive::member(const std::string& name, std::size_t* size) const {
    const auto it = m_members.find(name);
    if (it == m_members.end()) {
        if (!m_ended)
            truncated("before its '" + name + "' member");
        fail("it has no '" + name + "' member");
    }
    *size = it->second.size;
    return m_data + it->second.offset;
}

}  // namespace cxr::model::detail
