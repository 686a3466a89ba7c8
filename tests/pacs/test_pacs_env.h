#pragma once
// What the pacs tests share: the Orthanc the pacs.orthanc fixture started (its node, REST port,
// and the port C-MOVE sends CXRSTUDIO's copies to), a loopback port nobody listens on, and
// plain HTTP/1.0 calls to Orthanc's REST API to load films and read back what arrived.
//
// Every test binary shares the one Orthanc, and ctest runs them in parallel: a test works only
// with studies it made itself (fresh UIDs, its own patient ID) and never deletes others'.
#include <filesystem>
#include <string>

#include "core/pacs/dicom_node.h"

namespace cxr::test {

struct TestPacs {
    pacs::DicomNode node;  // CXRTESTPACS@127.0.0.1:DICOM_PORT
    int httpPort = 0;
    std::string moveAeTitle;  // the modality Orthanc moves to (CXRSTUDIO)
    int movePort = 0;         // where it expects that modality's Storage SCP
};

// Reads build/test-tmp/orthanc/orthanc.env (or the file $CXR_TEST_ORTHANC_ENV names); throws cxr::Error(NotFound) when the fixture did not run.
TestPacs testPacs();

// A loopback TCP port nothing listens on (bound, then closed).
int closedPort();

struct HttpReply {
    int status = 0;
    std::string body;
};
// One request to 127.0.0.1:port ("GET", "POST", "DELETE"); throws cxr::Error(Io) when the
// connection fails.
HttpReply httpRequest(int port, const std::string& method, const std::string& path, const std::string& body = {});

// POSTs a DICOM file to Orthanc's /instances; returns Orthanc's instance ID. Throws unless stored.
std::string uploadToOrthanc(const TestPacs& pacs, const std::filesystem::path& file);

}  // namespace cxr::test
