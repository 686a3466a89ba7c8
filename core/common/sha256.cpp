#include "core/common/sha256.h"

#include <openssl/evp.h>

#include <array>
#include <fstream>
#include <memory>

#include "core/common/error.h"

namespace cxr {
namespace {

struct DigestDeleter {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
using DigestPtr = std::unique_ptr<EVP_MD_CTX, DigestDeleter>;

DigestPtr newDigest() {
    DigestPtr ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
        throw Error(ErrorCode::Internal, "OpenSSL could not start a SHA-256 digest");
    return ctx;
}

std::string finish(EVP_MD_CTX* ctx) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
    unsigned int len = 0;
    if (EVP_DigestFinal_ex(ctx, md.data(), &len) != 1)
        throw Error(ErrorCode::Internal, "OpenSSL could not finish a SHA-256 digest");
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < len; ++i) {
        out += hex[md[i] >> 4];
        out += hex[md[i] & 0xF];
    }
    return out;
}

}  // namespace

std::string sha256Hex(const void* data, std::size_t size) {
    auto ctx = newDigest();
    EVP_DigestUpdate(ctx.get(), data, size);
    return finish(ctx.get());
}

std::string sha256Hex(std::string_view bytes) { return sha256Hex(bytes.data(), bytes.size()); }

std::string sha256File(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorCode::NotFound, path, "cannot open for hashing");
    auto ctx = newDigest();
    std::array<char, 1 << 16> buf{};
    while (in) {
        in.read(buf.data(), buf.size());
        if (in.gcount() > 0)
            EVP_DigestUpdate(ctx.get(), buf.data(), static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad())
        throw Error(ErrorCode::Io, path, "read failed while hashing");
    return finish(ctx.get());
}

}  // namespace cxr
