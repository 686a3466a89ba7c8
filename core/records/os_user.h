#pragma once
// The name of the user running CXR Studio: a verdict's reviewer when none was given.
#include <string>

namespace cxr::records::detail {

std::string osUserName();

}  // namespace cxr::records::detail
