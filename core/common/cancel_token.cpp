#include "core/common/cancel_token.h"

#include <string>

#include "core/common/error.h"

namespace cxr {

void CancelToken::throwIfCancelled(const char* what) const {
    if (isCancelled())
        throw Error(ErrorCode::Cancelled, std::string(what) + " cancelled");
}

}  // namespace cxr
