#pragma once
// TorchTarArchive: the tar container of PyTorch's first torch.save (before 0.1.10; torchvision's
// original ImageNet files such as resnet18-5c106cde.pth): members sys_info, pickle, tensors and
// storages, each usually after a PAX header (Python's tarfile writes one for the float mtime).
// Indexes an in-memory file, checks every header checksum, size and offset against the file, and
// says "truncated tar-container PyTorch file" whenever the file ends before a member does.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace cxr::model::detail {

class TorchTarArchive {
public:
    // True when the bytes start like a tar header (ustar magic), or, for a file shorter than one
    // header, like the start of one of torch's member headers (so a cut file is still named).
    static bool looksLikeTar(const std::uint8_t* data, std::size_t size);

    TorchTarArchive(const std::uint8_t* data, std::size_t size, std::filesystem::path source);

    // The member's bytes. Throws Corrupt when it is missing: "truncated ..." when the archive
    // ends without its end-of-archive blocks, else "... has no 'name' member".
    const std::uint8_t* member(const std::string& name, std::size_t* size) const;

    [[noreturn]] void truncated(const std::string& where) const;

private:
    struct Member {
        std::size_t offset = 0;
        std::size_t size = 0;
    };
    [[noreturn]] void fail(const std::string& reason) const;
    std::uint64_t number(const std::uint8_t* field, std::size_t width, const char* what) const;
    void readPax(const std::uint8_t* p, std::size_t n, std::string* path, std::uint64_t* size, bool* hasSize) const;

    const std::uint8_t* m_data;
    std::filesystem::path m_source;
    std::map<std::string, Member> m_members;
    bool m_ended = false;  // the two zero blocks that end an archive were seen
};

}  // namespace cxr::model::detail
