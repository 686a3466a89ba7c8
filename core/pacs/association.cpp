#include "core/pacs/association.h"

#include <cstdio>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmnet/diutil.h>
#include <dcmtk/dcmnet/dimse.h>
#include <dcmtk/dcmnet/scu.h>

#include "core/common/error.h"
#include "core/imaging/dcmtk_codecs.h"

namespace cxr::pacs::detail {

void configureScu(DcmSCU& scu, const DicomNode& node, const AssociationSettings& settings) {
    checkAeTitle(settings.callingAeTitle, "our calling AE title");
    imaging::detail::ensureDcmtkCodecs();
    scu.setAETitle(settings.callingAeTitle.c_str());
    scu.setPeerAETitle(node.aeTitle.c_str());
    scu.setPeerHostName(node.host.c_str());
    scu.setPeerPort(static_cast<Uint16>(node.port));
    scu.setConnectionTimeout(settings.connectTimeoutSeconds);
    scu.setACSETimeout(static_cast<Uint32>(settings.connectTimeoutSeconds));
    scu.setDIMSEBlockingMode(DIMSE_NONBLOCKING);
    scu.setDIMSETimeout(static_cast<Uint32>(settings.dimseTimeoutSeconds));
    // Films are megabytes: DcmSCU's default 16 KB PDUs cost a C-GET several times its time.
    scu.setMaxReceivePDULength(ASC_MAXIMUMPDUSIZE);
}

void openAssociation(DcmSCU& scu, const DicomNode& node, const AssociationSettings& settings) {
    const std::string who = node.toString();
    OFCondition cond = scu.initNetwork();
    if (cond.bad())
        throw Error(ErrorCode::Io, who + ": cannot set up the DICOM network: " + cond.text());
    cond = scu.negotiateAssociation();
    if (cond == DUL_ASSOCIATIONREJECTED)
        throw Error(ErrorCode::InvalidInput,
                    who + ": the node rejected the association (is its AE title \"" + node.aeTitle +
                        "\" right, and does it accept calls from \"" + settings.callingAeTitle + "\"?)");
    if (cond == NET_EC_NoAcceptablePresentationContexts)
        throw Error(ErrorCode::InvalidInput, who + ": the node accepted none of the services we asked for");
    if (cond.bad())
        throw Error(ErrorCode::Io, who + ": no DICOM answer within " + std::to_string(settings.connectTimeoutSeconds) +
                                       " s (" + cond.text() + "); is the host up and the port right?");
}

unsigned char acceptedContext(DcmSCU& scu, const DicomNode& node, const char* sopClassUid, const std::string& service) {
    const T_ASC_PresentationContextID id = scu.findAnyPresentationContextID(sopClassUid, "");
    if (id == 0) {
        scu.releaseAssociation();
        throw Error(ErrorCode::InvalidInput, node.toString() + ": the node does not offer " + service +
                                                 " to \"" + std::string(scu.getAETitle().c_str()) + "\"");
    }
    return id;
}

std::string dimseFailure(const DicomNode& node, const AssociationSettings& settings, const OFCondition& cond,
                         const std::string& what) {
    const std::string who = node.toString();
    if (cond == DIMSE_NODATAAVAILABLE)
        return who + ": no answer to the " + what + " within " + std::to_string(settings.dimseTimeoutSeconds) + " s";
    return who + ": the " + what + " failed (" + cond.text() + ")";
}

std::string statusText(unsigned short status) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "0x%04X", status);
    return buffer;
}

}  // namespace cxr::pacs::detail
