#pragma once
// UIDs for the DICOM objects CXR Studio creates (result series and instances, tracking UIDs).
#include <string>

namespace cxr::pacs {

// CXR Studio's UID root: an arc below 2.25 (the UUID-derived arc, which needs no
// registration) drawn once at random, short enough that DCMTK's host/process/time/counter
// suffix keeps every UID within DICOM's 64 characters.
inline constexpr const char* kCxrUidRoot = "2.25.2876051914739066301";

// A new UID below kCxrUidRoot (dcmGenerateUniqueIdentifier). Throws cxr::Error(Internal) if
// it were ever longer than 64 characters.
std::string newUid();

}  // namespace cxr::pacs
