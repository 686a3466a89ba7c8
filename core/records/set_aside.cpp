#include "core/records/set_aside.h"

#include <ctime>
#include <system_error>

#include "core/common/error.h"

namespace fs = std::filesystem;

namespace cxr::records::detail {

namespace {

std::string utcStamp() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &tm);
    return text;
}

}  // namespace

fs::path setAside(const fs::path& file) {
    const std::string base = file.string() + ".corrupt-" + utcStamp();
    fs::path aside = base;
    // Two damaged files within one second keep both.
    for (int n = 2; fs::exists(aside); ++n)
        aside = base + "-" + std::to_string(n);
    std::error_code ec;
    fs::rename(file, aside, ec);
    if (ec)
        throw Error(ErrorCode::Io, file, "is damaged and could not be moved aside to " + displayPath(aside) + ": " +
                                             ec.message());
    for (const char* companion : {"-wal", "-shm"}) {
        const fs::path from = file.string() + companion;
        if (fs::exists(from, ec))
            fs::rename(from, aside.string() + companion, ec);
    }
    return aside;
}

}  // namespace cxr::records::detail
