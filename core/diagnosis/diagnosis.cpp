#include "core/diagnosis/diagnosis.h"

#include "core/common/error.h"

namespace cxr::diagnosis {

double Diagnosis::probabilityOf(const std::string& className) const {
    for (size_t i = 0; i < classes.size() && i < probabilities.size(); ++i)
        if (classes[i] == className)
            return probabilities[i];
    throw Error(ErrorCode::InvalidInput, "the model has no class '" + className + "'");
}

}  // namespace cxr::diagnosis
