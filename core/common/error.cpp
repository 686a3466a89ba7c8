#include "core/common/error.h"

namespace cxr {

Error::Error(ErrorCode code, const std::string& message)
    : std::runtime_error(message), m_code(code) {}

Error::Error(ErrorCode code, const std::filesystem::path& file, const std::string& reason)
    : std::runtime_error(displayPath(file) + ": " + reason), m_code(code) {}

const char* errorCodeName(ErrorCode code) noexcept {
    switch (code) {
    case ErrorCode::InvalidInput: return "invalid-input";
    case ErrorCode::NotFound: return "not-found";
    case ErrorCode::Io: return "io";
    case ErrorCode::Corrupt: return "corrupt";
    case ErrorCode::Unsupported: return "unsupported";
    case ErrorCode::TooLarge: return "too-large";
    case ErrorCode::Model: return "model";
    case ErrorCode::Training: return "training";
    case ErrorCode::Cancelled: return "cancelled";
    case ErrorCode::Internal: return "internal";
    }
    return "unknown";
}

std::string displayPath(const std::filesystem::path& path) {
    // On Linux a path is bytes; replace what is not UTF-8 so messages stay printable.
    const std::string& raw = path.native();
    std::string out;
    out.reserve(raw.size());
    for (size_t i = 0; i < raw.size();) {
        const auto c = static_cast<unsigned char>(raw[i]);
        size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        bool ok = len > 0 && i + len <= raw.size();
        for (size_t k = 1; ok && k < len; ++k)
            ok = (static_cast<unsigned char>(raw[i + k]) >> 6) == 0x2;
        if (ok) {
            out.append(raw, i, len);
            i += len;
        } else {
            out += "\xEF\xBF\xBD";  // U+FFFD
            ++i;
        }
    }
    return out;
}

}  // namespace cxr
