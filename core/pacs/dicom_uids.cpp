#include "core/pacs/dicom_uids.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcuid.h>

#include "core/common/error.h"

namespace cxr::pacs {

std::string newUid() {
    char buffer[100];
    const std::string uid = dcmGenerateUniqueIdentifier(buffer, kCxrUidRoot);
    if (uid.size() > 64)
        throw Error(ErrorCode::Internal, "a generated UID is longer than 64 characters: " + uid);
    return uid;
}

}  // namespace cxr::pacs
