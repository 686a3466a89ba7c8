#include "core/records/os_user.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <vector>

namespace cxr::records::detail {

std::string osUserName() {
    std::vector<char> buffer(16384);
    passwd entry{};
    passwd* found = nullptr;
    if (getpwuid_r(geteuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found && found->pw_name)
        return found->pw_name;
    // No passwd entry (a container's numeric user): the login name the shell gives.
    if (const char* user = std::getenv("USER"); user && *user)
        return user;
    return "uid " + std::to_string(geteuid());
}

}  // namespace cxr::records::detail
