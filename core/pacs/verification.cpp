#include "core/pacs/verification.h"

#include <chrono>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmnet/diutil.h>
#include <dcmtk/dcmnet/scu.h>

#include "core/common/error.h"
#include "core/pacs/association.h"

namespace cxr::pacs {

EchoResult verifyConnection(const DicomNode& node, const AssociationSettings& settings) {
    const auto start = std::chrono::steady_clock::now();
    DcmSCU scu;
    detail::configureScu(scu, node, settings);
    OFList<OFString> syntaxes;
    syntaxes.push_back(UID_LittleEndianExplicitTransferSyntax);
    syntaxes.push_back(UID_LittleEndianImplicitTransferSyntax);
    scu.addPresentationContext(UID_VerificationSOPClass, syntaxes);
    detail::openAssociation(scu, node, settings);
    const OFCondition cond = scu.sendECHORequest(0);
    if (cond.bad()) {
        scu.abortAssociation();
        throw Error(ErrorCode::Io, node.toString() + ": the echo got no answer (" + std::string(cond.text()) + ")");
    }
    scu.releaseAssociation();
    EchoResult r;
    r.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return r;
}

}  // namespace cxr::pacs
