#pragma once
// A DICOM network peer (a PACS, a modality, an Orthanc) as the user names it, "AET@HOST:PORT",
// and the association settings CXR Studio uses with it. Plain data; DCMTK stays in the .cpp
// files of core/pacs.
#include <string>

namespace cxr::pacs {

struct DicomNode {
    std::string aeTitle;  // the peer's (called) AE title
    std::string host;
    int port = 104;

    std::string toString() const;  // "AET@HOST:PORT"
};

// Parses "AET@HOST:PORT" (an IPv6 host in brackets: "AET@[::1]:4242"). Throws
// cxr::Error(InvalidInput) naming the text and what is wrong: an AE title of 1-16 characters
// without backslash or control characters, a host, a port 1..65535.
DicomNode parseDicomNode(const std::string& text);

// Throws cxr::Error(InvalidInput) unless `aeTitle` is a valid AE title (`what` names it).
void checkAeTitle(const std::string& aeTitle, const std::string& what);

struct AssociationSettings {
    std::string callingAeTitle = "CXRSTUDIO";  // ours
    int connectTimeoutSeconds = 10;            // TCP connect and association negotiation
    int dimseTimeoutSeconds = 30;              // each request's answer
};

}  // namespace cxr::pacs
