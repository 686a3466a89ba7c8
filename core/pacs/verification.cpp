#include "core/pacs/verification.h"

#include <chrono>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmnet/diutil.h>
#include <dcmtk/dcmnet/scu.h>

#include "core/common/error.h"
#include "core/imaging/dcmtk_codecs.h"

namespace cxr::pacs {

EchoResult verifyConnection(const DicomNode& node, const AssociationSettings& settings) {
    checkAeTitle(settings.callingAeTitle, "our calling AE title");
    // DCMTK's set-up, once per process: it also keeps DCMTK's own log to fatal errors, since the
    // errors thrown here say what happened.
    imaging::detail::ensureDcmtkCodecs();
    const auto start = std::chrono::steady_clock::now();
    const std::string who = node.toString();
    DcmSCU scu;
    scu.setAETitle(settings.callingAeTitle.c_str());
    scu.setPeerAETitle(node.aeTitle.c_str());
    scu.setPeerHostName(node.host.c_str());
    scu.setPeerPort(static_cast<Uint16>(node.port));
    scu.setConnectionTimeout(settings.connectTimeoutSeconds);
    scu.setACSETimeout(static_cast<Uint32>(settings.connectTimeoutSeconds));
    scu.setDIMSEBlockingMode(DIMSE_NONBLOCKING);
    scu.setDIMSETimeout(static_cast<Uint32>(settings.dimseTimeoutSeconds));
    OFList<OFString> syntaxes;
    syntaxes.push_back(UID_LittleEndianExplicitTransferSyntax);
    syntaxes.push_back(UID_LittleEndianImplicitTransferSyntax);
    scu.addPresentationContext(UID_VerificationSOPClass, syntaxes);
    OFCondition cond = scu.initNetwork();
    if (cond.bad())
        throw Error(ErrorCode::Io, who + ": cannot set up the DICOM network: " + cond.text());
    cond = scu.negotiateAssociation();
    if (cond == DUL_ASSOCIATIONREJECTED)
        throw Error(ErrorCode::InvalidInput,
                    who + ": the node rejected the association (is its AE title \"" + node.aeTitle +
                        "\" right, and does it accept calls from \"" + settings.callingAeTitle + "\"?)");
    if (cond.bad())
        throw Error(ErrorCode::Io, who + ": no DICOM answer within " + std::to_string(settings.connectTimeoutSeconds) +
                                       " s (" + cond.text() + "); is the host up and the port right?");
    cond = scu.sendECHORequest(0);
    if (cond.bad()) {
        scu.abortAssociation();
        throw Error(ErrorCode::Io, who + ": the echo got no answer (" + std::string(cond.text()) + ")");
    }
    scu.releaseAssociation();
    EchoResult r;
    r.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return r;
}

}  // namespace cxr::pacs
