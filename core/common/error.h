#pragma once
// cxr::Error: the one exception type core throws. It carries a code the edges map to exit
// statuses and UI behaviour, and a message a person can act on (which file, what is wrong).
#include <filesystem>
#include <stdexcept>
#include <string>

namespace cxr {

enum class ErrorCode {
    InvalidInput,  // the input is not what was asked for (not an image, wrong model, bad option)
    NotFound,      // a file or folder that should exist does not
    Io,            // reading or writing failed (permissions, disk full)
    Corrupt,       // the input claims a format but is damaged or truncated
    Unsupported,   // a valid input this version cannot handle (transfer syntax, pixel format)
    TooLarge,      // refused before allocation: dimensions or lengths over a limit
    Model,         // weights or model bundle problems (shapes, keys, classes)
    Training,      // a run failed (NaN loss, empty split)
    Cancelled,     // the user cancelled; not a failure to report loudly
    Internal,      // a bug: an invariant broke
};

class Error : public std::runtime_error {
public:
    Error(ErrorCode code, const std::string& message);
    // Prefixes the message with the file, so every file error names its file.
    Error(ErrorCode code, const std::filesystem::path& file, const std::string& reason);

    ErrorCode code() const noexcept { return m_code; }

private:
    ErrorCode m_code;
};

const char* errorCodeName(ErrorCode code) noexcept;

// A path for messages and logs: UTF-8 where possible, never throws on odd bytes.
std::string displayPath(const std::filesystem::path& path);

}  // namespace cxr
