#pragma once
// C-ECHO (DICOM Verification): does a node answer us? The settings dialog's Verify button and
// `cxr pacs echo` run it.
#include "core/pacs/dicom_node.h"

namespace cxr::pacs {

struct EchoResult {
    double milliseconds = 0;  // association, echo and release
};

// Opens an association as `settings.callingAeTitle`, sends C-ECHO, releases. Throws cxr::Error
// naming the node: Io when nothing answers within the connect timeout (host down, port closed,
// firewall), InvalidInput when the node rejects the association (its reason: unknown called or
// calling AE title, no Verification support) or answers the echo with a failure status.
EchoResult verifyConnection(const DicomNode& node, const AssociationSettings& settings);

}  // namespace cxr::pacs
