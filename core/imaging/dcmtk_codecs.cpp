#include "core/imaging/dcmtk_codecs.h"

#include <mutex>

#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmdata/dcrleerg.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpeg/djencode.h>
#include <dcmtk/dcmjpls/djdecode.h>
#include <dcmtk/dcmjpls/djencode.h>
#include <dcmtk/oflog/oflog.h>

namespace cxr::imaging::detail {

void ensureDcmtkCodecs() {
    static std::once_flag once;
    std::call_once(once, [] {
        // DCMTK logs parse problems to stderr by default; our callers turn them into cxr::Error.
        OFLog::configure(OFLogger::FATAL_LOG_LEVEL);
        DJDecoderRegistration::registerCodecs();
        DJEncoderRegistration::registerCodecs();
        DJLSDecoderRegistration::registerCodecs();
        DJLSEncoderRegistration::registerCodecs();
        DcmRLEDecoderRegistration::registerCodecs();
        DcmRLEEncoderRegistration::registerCodecs();
    });
}

std::string dcmtkText(const char* what, const char* conditionText) {
    return std::string(what) + " (DCMTK: " + (conditionText ? conditionText : "unknown error") + ")";
}

}  // namespace cxr::imaging::detail
