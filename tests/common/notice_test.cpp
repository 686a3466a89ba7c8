// Notices: the wording table, the English front end, the JSON form run folders keep, and that
// every code core's sources report is worded (so no front end meets a code without words).
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/common/notice.h"
#include "core/common/notice_json.h"

namespace cxr {
namespace {

TEST(Notice, EnglishTextPutsEachValueWhereItsNameIs) {
    const Notice n = Notice("domain.small_film").integer("width", 180).integer("height", 1024).integer("input", 224);
    EXPECT_EQ(englishText(n), "small film (180 x 1024 px, below the model's 224 px input): details are interpolated");
    const Notice split = Notice("split.no_val_resplit").number("percent", 12.5, 1);
    EXPECT_EQ(englishText(split), "no val folder — re-splitting train by patient, 12.5%");
    // A value the wording does not name is not lost from the notice; a name without a value stays visible.
    EXPECT_EQ(englishText(Notice("film.multi_frame")), "multi-frame file ({frames} frames): showing the first");
}

TEST(Notice, NumbersKeepTheirDecimalsAndNonFiniteValuesAreNamed) {
    EXPECT_EQ(englishText(Notice("training.val_loss_non_finite").integer("phase", 2).text("name", "p").number(
                  "value", std::nan(""), 4)),
              "phase 2 ('p') stopped: the validation loss became NaN; the weights of this epoch were not saved. "
              "Lower the learning rate");
    EXPECT_EQ(englishText(Notice("split.no_val_resplit").number("percent", 10, 0)),
              "no val folder — re-splitting train by patient, 10%");
    EXPECT_EQ(fewestDecimals(10, 4), 0);
    EXPECT_EQ(fewestDecimals(12.5, 4), 1);
    EXPECT_EQ(fewestDecimals(0.25, 4), 2);
    EXPECT_EQ(fewestDecimals(1.0 / 3.0, 2), 2);
}

TEST(Notice, AnUnknownCodeIsShownWithItsValuesNotDropped) {
    EXPECT_EQ(englishWording("no.such.code"), nullptr);
    EXPECT_EQ(englishText(Notice("no.such.code").integer("n", 3).text("file", "a.dcm")), "no.such.code n=3 file=a.dcm");
}

TEST(Notice, JsonRoundTripKeepsCodeAndValues) {
    const Notice n = Notice("split.small_val_resplit").integer("films", 16).number("percent", 10, 0);
    const auto j = noticeToJson(n);
    EXPECT_EQ(j["text"], englishText(n));
    EXPECT_EQ(noticeFromJson(j), n);
    EXPECT_EQ(noticeFromJson(nlohmann::json::parse(j.dump())), n);
    // Older run folders hold English text only: it is kept verbatim.
    const Notice old = noticeFromJson(nlohmann::json("val has 16 films — used as given"));
    EXPECT_EQ(old.code(), "text.verbatim");
    EXPECT_EQ(englishText(old), "val has 16 films — used as given");
    EXPECT_THROW(noticeFromJson(nlohmann::json{{"args", {}}}), Error);
    EXPECT_THROW(noticeFromJson(nlohmann::json{{"code", "x"}, {"args", {{"v", {1, 2}}}}}), Error);
    // JSON has no NaN: the value survives as text.
    const auto nan = noticeToJson(Notice("x").number("v", std::nan(""), 2));
    EXPECT_EQ(nan["args"]["v"], "NaN");
}

TEST(Notice, EveryWordingHasAUniqueCodeAndWellFormedPlaceholders) {
    std::set<std::string> codes;
    for (const NoticeWording& w : noticeWordings()) {
        EXPECT_TRUE(codes.insert(w.code).second) << "code listed twice: " << w.code;
        EXPECT_TRUE(std::regex_match(w.code, std::regex("[a-z0-9_]+\\.[a-z0-9_.]+"))) << w.code;
        const std::string text = w.english;
        int depth = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '{') {
                EXPECT_EQ(depth, 0) << w.code;
                EXPECT_NE(text[i + 1], '}') << w.code << ": empty placeholder";
                ++depth;
            } else if (text[i] == '}') {
                EXPECT_EQ(depth, 1) << w.code;
                --depth;
            }
        }
        EXPECT_EQ(depth, 0) << w.code;
    }
}

// Scans core's sources for Notice(...) and checks each code in it (a literal with a dot, also
// either side of a `?:`) has a wording: a new notice without words would reach the GUI as its
// bare code.
TEST(Notice, EveryCodeCoreReportsIsWorded) {
    const std::filesystem::path core = std::filesystem::path(CXR_SOURCE_DIR) / "core";
    const std::regex literal("\"([a-z0-9_]+\\.[a-z0-9_.]+)\"");
    std::set<std::string> found;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(core)) {
        if (entry.path().extension() != ".cpp" && entry.path().extension() != ".h")
            continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        const std::string s = text.str();
        for (std::size_t at = s.find("Notice("); at != std::string::npos; at = s.find("Notice(", at + 1)) {
            std::size_t end = at + 7;
            for (int depth = 1; end < s.size() && depth > 0; ++end)
                depth += s[end] == '(' ? 1 : s[end] == ')' ? -1 : 0;
            const std::string call = s.substr(at, end - at);
            for (std::sregex_iterator it(call.begin(), call.end(), literal), stop; it != stop; ++it) {
                found.insert((*it)[1]);
                EXPECT_NE(englishWording((*it)[1]), nullptr)
                    << entry.path() << " reports " << (*it)[1] << " without a wording";
            }
        }
    }
    // The scan itself must see the notices, ternaries included, or it proves nothing.
    EXPECT_GT(found.size(), 30u);
    EXPECT_TRUE(found.count("film.blank"));
    EXPECT_TRUE(found.count("domain.patient_younger"));
}

}  // namespace
}  // namespace cxr
