// records_writer DB TAG COUNT: records films TAG-0, TAG-1, … (a film, its diagnosis and, for
// every other film, a verdict: three transactions each) and prints each index once all three
// are committed. COUNT < 0: forever. The process tests kill it or run two at once.
#include <cstdio>
#include <exception>
#include <string>

#include "core/records/records_db.h"
#include "records/records_samples.h"

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: records_writer DB TAG COUNT\n");
        return 2;
    }
    try {
        auto db = cxr::records::RecordsDb::open(argv[1]);
        const std::string tag = argv[2];
        const long count = std::stol(argv[3]);
        const std::string model = cxr::test::filmSha("model-" + tag);
        for (long i = 0; count < 0 || i < count; ++i) {
            const std::string name = tag + "-" + std::to_string(i);
            db->recordFilm(cxr::test::sampleFilm(name));
            const auto id = db->recordDiagnosis(cxr::test::sampleDiagnosis(name, model, i % 3 == 0));
            if (i % 2 == 0)
                db->recordVerdict(cxr::test::sampleVerdict(name, id, i % 4 == 0, "PNEUMONIA"));
            std::printf("%ld\n", i);
            std::fflush(stdout);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "records_writer: %s\n", e.what());
        return 1;
    }
    return 0;
}
