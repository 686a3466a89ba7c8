// Collecting films from command-line inputs: files as given, folders searched by content.
#include <fstream>

#include <gtest/gtest.h>

#include "core/diagnosis/film_list.h"
#include "core/imaging/film_writer.h"
#include "test_dirs.h"

namespace cxr::diagnosis {
namespace {

TEST(FilmList, FindsFilmsByContentRecursivelyAndSorted) {
    const auto dir = test::scratchDir();
    std::filesystem::create_directories(dir / "set" / "b");
    const std::vector<std::uint8_t> grey(16 * 16, 100);
    imaging::writeRaster(dir / "set" / "b" / "two.png", grey, 16, 16);
    imaging::writeRaster(dir / "set" / "one.jpeg", grey, 16, 16);
    imaging::writeRaster(dir / "set" / "c.jpeg", grey, 16, 16);
    std::filesystem::rename(dir / "set" / "c.jpeg", dir / "set" / "c_film");  // content, not name
    std::ofstream(dir / "set" / "notes.txt") << "not a film";
    std::filesystem::create_directories(dir / "empty");

    const FilmList list = collectFilms({dir / "set", dir / "empty", dir / "missing.dcm"});
    ASSERT_EQ(list.files.size(), 4u);
    EXPECT_EQ(list.files[0], dir / "set" / "b" / "two.png");
    EXPECT_EQ(list.files[1], dir / "set" / "c_film");
    EXPECT_EQ(list.files[2], dir / "set" / "one.jpeg");
    EXPECT_EQ(list.files[3], dir / "missing.dcm");  // kept: the loader reports it by name
    ASSERT_EQ(list.problems.size(), 1u);
    EXPECT_NE(list.problems[0].find("no films found"), std::string::npos);
}

}  // namespace
}  // namespace cxr::diagnosis
