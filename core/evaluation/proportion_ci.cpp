#include "core/evaluation/proportion_ci.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/common/error.h"

namespace cxr::evaluation {
namespace {

// The standard normal quantile by bisection on erfc: exact enough (1e-12) for any level and
// free of a table that covers only the usual ones.
double normalQuantile(double p) {
    double lo = -10, hi = 10;
    for (int i = 0; i < 200; ++i) {
        const double mid = (lo + hi) / 2;
        const double cdf = 0.5 * std::erfc(-mid / std::sqrt(2.0));
        (cdf < p ? lo : hi) = mid;
    }
    return (lo + hi) / 2;
}

}  // namespace

ConfidenceInterval wilsonInterval(std::int64_t successes, std::int64_t trials, double level) {
    if (successes < 0 || trials < 0 || successes > trials)
        throw Error(ErrorCode::InvalidInput, "a proportion needs 0 <= successes <= trials (got " +
                                                 std::to_string(successes) + " of " + std::to_string(trials) + ")");
    if (!(level > 0 && level < 1))
        throw Error(ErrorCode::InvalidInput, "the confidence level must lie between 0 and 1");
    ConfidenceInterval ci;
    ci.level = level;
    if (trials == 0) {
        ci.lower = 0;
        ci.upper = 1;
        return ci;
    }
    const double z = normalQuantile(0.5 + level / 2);
    const double n = static_cast<double>(trials);
    const double p = static_cast<double>(successes) / n;
    const double z2 = z * z;
    const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    const double half = z / (1 + z2 / n) * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    ci.lower = std::max(0.0, centre - half);
    ci.upper = std::min(1.0, centre + half);
    return ci;
}

}  // namespace cxr::evaluation
