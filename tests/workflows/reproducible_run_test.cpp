// Reproducible runs: the same data, --seed, thread count and machine give the same model on the
// CPU, bit for bit; another seed gives another model (so the comparison can fail).
#include <sys/wait.h>

#include <cstdlib>
#include <sstream>

#include <gtest/gtest.h>

#include "core/common/atomic_file.h"
#include "core/common/json_io.h"
#include "core/model/state_dict.h"
#include "test_dirs.h"

namespace cxr {
namespace {

int cxr(const std::string& args, const std::filesystem::path& dir, std::string* output = nullptr) {
    const auto log = dir / "cxr-output.txt";
    const std::string cmd = std::string(CXR_CLI_BINARY) + " " + args + " > '" + log.string() + "' 2>&1";
    const int raw = std::system(cmd.c_str());
    if (output)
        *output = readFileText(log);
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

// Two threads for LibTorch and two loader workers: what a user's two-core machine runs, so
// thread-order effects (OpenMP reductions, prefetching) are part of what is compared.
std::string train(const std::filesystem::path& dir, const std::string& run, int seed) {
    std::string out;
    const int status = cxr("train '" + (dir / "data").string() + "' --out '" + (dir / run).string() +
                               "' --device cpu --phase-epochs 1,1,1 --batch 8 --image-size 32 --workers 2 --threads 2"
                               " --seed " + std::to_string(seed),
                           dir, &out);
    EXPECT_EQ(status, 0) << out;
    return (dir / run / "X_ray_classifier.pth").string();
}

bool sameWeights(const std::string& a, const std::string& b, std::string* firstDifference) {
    const auto x = model::readStateDict(a);
    const auto y = model::readStateDict(b);
    if (x.size() != y.size()) {
        *firstDifference = "different tensor counts";
        return false;
    }
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (x[i].first != y[i].first || !x[i].second.equal(y[i].second)) {
            *firstDifference = x[i].first;
            return false;
        }
    }
    return true;
}

std::string withoutLastColumn(const std::string& csv) {
    std::string out, line;
    std::istringstream in(csv);
    while (std::getline(in, line))
        out += line.substr(0, line.rfind(',')) + "\n";
    return out;
}

TEST(ReproducibleRun, TheSameSeedTrainsTheSameWeightsBitForBit) {
    const auto dir = test::scratchDir();
    std::string out;
    ASSERT_EQ(cxr("synth '" + (dir / "data").string() + "' --train 32 --val 8 --test 8 --size 64 --seed 3", dir, &out),
              0)
        << out;
    const auto first = train(dir, "run1", 7);
    const auto second = train(dir, "run2", 7);
    const auto other = train(dir, "run3", 8);
    std::string difference;
    EXPECT_TRUE(sameWeights(first, second, &difference)) << "first differing tensor: " << difference;
    EXPECT_FALSE(sameWeights(first, other, &difference)) << "another seed gave the same model";
    // The recorded metrics agree too, row by row (they are what a user compares first), all but
    // the last column, the epoch's wall time.
    EXPECT_EQ(withoutLastColumn(readFileText(dir / "run1" / "metrics.csv")),
              withoutLastColumn(readFileText(dir / "run2" / "metrics.csv")));
}

}  // namespace
}  // namespace cxr
