#include "core/pacs/store_scu.h"

#include <map>
#include <set>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/diutil.h>
#include <dcmtk/dcmnet/dimse.h>
#include <dcmtk/dcmnet/scu.h>

#include "core/common/error.h"
#include "core/imaging/dcmtk_codecs.h"
#include "core/pacs/association.h"

namespace cxr::pacs {

bool StoreResult::allStored() const {
    for (const auto& f : files)
        if (!f.stored)
            return false;
    return !cancelled;
}

namespace {

namespace fs = std::filesystem;

struct FileHeader {
    std::string sopClassUid, sopInstanceUid, transferSyntaxUid;
};

// The meta header and the identifiers, without the pixel data (it is sent from the file later).
FileHeader readHeader(const fs::path& file) {
    DcmFileFormat ff;
    const OFCondition cond = ff.loadFile(file.string().c_str(), EXS_Unknown, EGL_noChange, 4096);
    if (cond.bad())
        throw Error(ErrorCode::InvalidInput, file, std::string("cannot be sent: it is not readable DICOM (") +
                                                       cond.text() + ")");
    FileHeader h;
    OFString value;
    if (ff.getDataset()->findAndGetOFString(DCM_SOPClassUID, value).good())
        h.sopClassUid = value.c_str();
    if (ff.getDataset()->findAndGetOFString(DCM_SOPInstanceUID, value).good())
        h.sopInstanceUid = value.c_str();
    if (ff.getMetaInfo()->findAndGetOFString(DCM_TransferSyntaxUID, value).good())
        h.transferSyntaxUid = value.c_str();
    if (h.transferSyntaxUid.empty())
        h.transferSyntaxUid = DcmXfer(ff.getDataset()->getOriginalXfer()).getXferID();
    if (h.sopClassUid.empty() || h.sopInstanceUid.empty())
        throw Error(ErrorCode::InvalidInput, file, "cannot be sent: it has no SOP Class or SOP Instance UID");
    return h;
}

bool isSuccessOrWarning(Uint16 status) {
    return status == STATUS_Success || (status & 0xF000) == 0xB000;  // 0xBxxx: stored, with a warning
}

}  // namespace

StoreResult storeFiles(const DicomNode& node, const AssociationSettings& settings, const std::vector<fs::path>& files,
                       const CancelToken* cancel) {
    StoreResult result;
    if (files.empty())
        return result;
    imaging::detail::ensureDcmtkCodecs();
    std::vector<FileHeader> headers;
    std::map<std::string, std::set<std::string>> syntaxesOf;  // SOP class -> the files' syntaxes
    for (const auto& file : files) {
        headers.push_back(readHeader(file));
        syntaxesOf[headers.back().sopClassUid].insert(headers.back().transferSyntaxUid);
    }

    DcmSCU scu;
    detail::configureScu(scu, node, settings);
    for (const auto& [sopClass, syntaxes] : syntaxesOf) {
        // The files' own syntaxes first (no conversion), then the two every node must know; a
        // separate context for each compressed syntax, so the node can accept one or the other.
        for (const auto& ts : syntaxes) {
            if (ts == UID_LittleEndianExplicitTransferSyntax || ts == UID_LittleEndianImplicitTransferSyntax)
                continue;
            OFList<OFString> one;
            one.push_back(ts.c_str());
            scu.addPresentationContext(sopClass.c_str(), one);
        }
        OFList<OFString> plain;
        plain.push_back(UID_LittleEndianExplicitTransferSyntax);
        plain.push_back(UID_LittleEndianImplicitTransferSyntax);
        scu.addPresentationContext(sopClass.c_str(), plain);
    }
    detail::openAssociation(scu, node, settings);

    const std::string who = node.toString();
    for (size_t i = 0; i < files.size(); ++i) {
        StoredFile out;
        out.file = files[i];
        out.sopClassUid = headers[i].sopClassUid;
        out.sopInstanceUid = headers[i].sopInstanceUid;
        if (cancel && cancel->isCancelled()) {
            result.cancelled = true;
            out.problem = "not sent: cancelled";
            result.files.push_back(out);
            continue;
        }
        T_ASC_PresentationContextID id =
            scu.findPresentationContextID(headers[i].sopClassUid.c_str(), headers[i].transferSyntaxUid.c_str());
        if (id == 0)
            id = scu.findAnyPresentationContextID(headers[i].sopClassUid.c_str(), UID_LittleEndianExplicitTransferSyntax);
        if (id == 0) {
            out.problem = who + " does not accept " + std::string(dcmFindNameOfUID(out.sopClassUid.c_str(), "this SOP class")) +
                          " (" + out.sopClassUid + "): " + files[i].string() + " was not sent";
            result.files.push_back(out);
            continue;
        }
        Uint16 status = 0xFFFF;
        const OFCondition cond = scu.sendSTORERequest(id, OFFilename(files[i].string().c_str()), nullptr, status);
        if (cond.bad()) {
            scu.abortAssociation();
            throw Error(ErrorCode::Io, detail::dimseFailure(node, settings, cond, "C-STORE of " + files[i].string()));
        }
        out.status = status;
        out.stored = isSuccessOrWarning(status);
        if (!out.stored)
            out.problem = who + " refused " + files[i].string() + " (C-STORE status " + detail::statusText(status) + ")";
        else if (status != STATUS_Success)
            out.problem = who + " stored " + files[i].string() + " with a warning (status " + detail::statusText(status) + ")";
        result.files.push_back(out);
    }
    scu.releaseAssociation();
    return result;
}

}  // namespace cxr::pacs
