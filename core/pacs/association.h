#pragma once
// What query and retrieve share when they open an association with a node: DcmSCU's settings
// from AssociationSettings, and the negotiation with errors that name the node and say what
// went wrong. Internal to core/pacs (its .cpp files include DCMTK before this header).
#include <string>

#include "core/pacs/dicom_node.h"

class DcmSCU;
class OFCondition;

namespace cxr::pacs::detail {

// Our AE title, the peer, the timeouts; non-blocking DIMSE so a silent peer ends in a timeout.
void configureScu(DcmSCU& scu, const DicomNode& node, const AssociationSettings& settings);

// initNetwork + negotiateAssociation. Throws cxr::Error naming the node: InvalidInput when the
// node rejects the association, Io when nothing answers within the connect timeout.
void openAssociation(DcmSCU& scu, const DicomNode& node, const AssociationSettings& settings);

// Throws Error(InvalidInput) naming the node unless the node accepted a presentation context
// for `sopClassUid` (`service` says what it is, "Study Root C-FIND"); returns its ID.
unsigned char acceptedContext(DcmSCU& scu, const DicomNode& node, const char* sopClassUid, const std::string& service);

// "no answer within 30 s (...)" / "the association broke (...)": the message for a failed DIMSE
// exchange with the node.
std::string dimseFailure(const DicomNode& node, const AssociationSettings& settings, const OFCondition& cond,
                         const std::string& what);

// Hex status for messages, "0xA700".
std::string statusText(unsigned short status);

}  // namespace cxr::pacs::detail
