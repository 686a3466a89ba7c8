#include "core/pacs/instance_store.h"

#include <vector>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcostrmb.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <dcmtk/dcmdata/dccodec.h>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/imaging/dcmtk_codecs.h"
#include "core/pacs/dicom_uids.h"

namespace cxr::pacs {
namespace {

std::string text(DcmItem& item, const DcmTagKey& key) {
    OFString value;
    if (item.findAndGetOFString(key, value).bad()) return {};
    return value.c_str();
}

// A UID is digits and dots, at most 64 characters; anything else must not become a file name.
bool isUid(const std::string& uid) {
    if (uid.empty() || uid.size() > 64 || uid.front() == '.' || uid.back() == '.') return false;
    for (char c : uid)
        if (!((c >= '0' && c <= '9') || c == '.')) return false;
    return true;
}

std::string serialise(DcmDataset& dataset, E_TransferSyntax xfer) {
    DcmFileFormat file(&dataset);  // a copy with a meta header DCMTK fills in (EWM_fileformat)
    file.getMetaInfo()->clear();
    std::vector<char> buffer(static_cast<size_t>(file.calcElementLength(xfer, EET_ExplicitLength)) + (1 << 16));
    for (int attempt = 0; attempt < 4; ++attempt) {
        DcmOutputBufferStream out(buffer.data(), static_cast<offile_off_t>(buffer.size()));
        file.transferInit();
        const OFCondition cond =
            file.write(out, xfer, EET_ExplicitLength, nullptr, EGL_recalcGL, EPD_noChange, 0, 0, 0, EWM_fileformat);
        file.transferEnd();
        if (cond.good()) {
            out.flush();
            void* data = nullptr;
            offile_off_t length = 0;
            out.flushBuffer(data, length);
            return std::string(static_cast<const char*>(data), static_cast<size_t>(length));
        }
        if (cond != EC_StreamNotifyClient)
            throw Error(ErrorCode::InvalidInput, std::string("the object cannot be written as DICOM: ") + cond.text());
        buffer.resize(buffer.size() * 2);  // the length estimate was short
    }
    throw Error(ErrorCode::InvalidInput, "the object cannot be written as DICOM: it outgrew its buffer");
}

}  // namespace

void classifyInstance(DcmDataset& dataset, const std::string& transferSyntaxUid, ReceivedInstance& instance) {
    imaging::detail::ensureDcmtkCodecs();
    const std::string sopClass = instance.sopClassUid.empty() ? text(dataset, DCM_SOPClassUID) : instance.sopClassUid;
    const char* className = dcmFindNameOfUID(sopClass.c_str(), nullptr);
    const std::string what = className ? className : "object of SOP class " + sopClass;
    instance.diagnosable = false;
    // Our own results (the overlay image, the report) come back when a PACS forwards a study
    // to the listener: diagnosing the overlay would send a result of a result, and so on.
    const std::string sop = instance.sopInstanceUid.empty() ? text(dataset, DCM_SOPInstanceUID) : instance.sopInstanceUid;
    if (sop.rfind(std::string(kCxrUidRoot) + ".", 0) == 0) {
        instance.note = "a CXR Studio result (" + what + "), not a film: stored, not diagnosed";
        return;
    }
    if (!dataset.tagExists(DCM_PixelData)) {
        instance.note = "a " + what + ", not an image: stored, not diagnosed";
        return;
    }
    const DcmXfer xfer(transferSyntaxUid.c_str());
    if (xfer.getXfer() == EXS_Unknown) {
        instance.note = "an image in the unknown transfer syntax " + transferSyntaxUid + ": stored, not diagnosed";
        return;
    }
    const E_TransferSyntax x = xfer.getXfer();
    if (xfer.isEncapsulated() && x != EXS_JPEG2000LosslessOnly && x != EXS_JPEG2000 &&
        !DcmCodecList::canChangeCoding(x, EXS_LittleEndianExplicit)) {
        instance.note = std::string("an image stored as ") + xfer.getXferName() +
                        ", which CXR Studio cannot decode: stored, not diagnosed";
        return;
    }
    instance.diagnosable = true;
    instance.note.clear();
}

ReceivedInstance storeInstance(DcmDataset& dataset, const std::string& transferSyntaxUid,
                               const std::filesystem::path& dir) {
    imaging::detail::ensureDcmtkCodecs();
    ReceivedInstance r;
    r.sopInstanceUid = text(dataset, DCM_SOPInstanceUID);
    r.sopClassUid = text(dataset, DCM_SOPClassUID);
    r.studyInstanceUid = text(dataset, DCM_StudyInstanceUID);
    r.seriesInstanceUid = text(dataset, DCM_SeriesInstanceUID);
    r.transferSyntaxUid = transferSyntaxUid;
    if (!isUid(r.sopInstanceUid))
        throw Error(ErrorCode::InvalidInput, "the object's SOP Instance UID \"" + r.sopInstanceUid +
                                                 "\" is missing or not a UID (digits and dots, at most 64)");
    if (!isUid(r.sopClassUid))
        throw Error(ErrorCode::InvalidInput, "object " + r.sopInstanceUid + " has no valid SOP Class UID");
    E_TransferSyntax xfer = DcmXfer(transferSyntaxUid.c_str()).getXfer();
    if (xfer == EXS_Unknown) xfer = EXS_LittleEndianExplicit;  // kept readable; the note says what arrived
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw Error(ErrorCode::Io, dir, "cannot create the folder: " + ec.message());
    r.file = dir / (r.sopInstanceUid + ".dcm");
    writeFileAtomically(r.file, serialise(dataset, xfer));
    classifyInstance(dataset, transferSyntaxUid, r);
    return r;
}

}  // namespace cxr::pacs
