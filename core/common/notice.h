#pragma once
// cxr::Notice: one warning or status core reports (a decoder's repair, an out-of-domain film, why
// a split was re-drawn, why a phase stopped) as a stable code and named values, not a sentence.
// Each front end words it: the CLI in English (englishText), the GUI and the PDF through Qt's
// translations, keyed by the same code (ui/common/notice_text). The codes and their English
// wordings are listed once, in notice_wordings.cpp.
#include <cstdint>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace cxr {

// A value a notice names: a count, a measure printed with a fixed number of decimals, or a
// text (a file name, a DICOM code string). Front ends format numbers in their own locale.
struct NoticeValue {
    enum class Kind { Integer, Number, Text };
    Kind kind = Kind::Text;
    std::int64_t integer = 0;
    double number = 0;
    int decimals = 0;
    std::string text;

    bool operator==(const NoticeValue& o) const;
    bool operator!=(const NoticeValue& o) const { return !(*this == o); }
};

class Notice {
public:
    Notice() = default;
    explicit Notice(std::string code) : m_code(std::move(code)) {}

    // Builders: Notice("film.multi_frame").integer("frames", 3)
    Notice& integer(const std::string& name, std::int64_t value);
    Notice& number(const std::string& name, double value, int decimals);
    Notice& text(const std::string& name, std::string value);

    const std::string& code() const { return m_code; }
    const std::vector<std::pair<std::string, NoticeValue>>& args() const { return m_args; }
    // The value named `name`, or nullptr.
    const NoticeValue* arg(const std::string& name) const;
    bool empty() const { return m_code.empty(); }

    bool operator==(const Notice& o) const { return m_code == o.m_code && m_args == o.m_args; }
    bool operator!=(const Notice& o) const { return !(*this == o); }

private:
    std::string m_code;
    std::vector<std::pair<std::string, NoticeValue>> m_args;
};

// One code and its English wording; {name} marks where a value goes.
struct NoticeWording {
    const char* code;
    const char* english;
};

// Every code core reports, with its English wording (the source text of its translations).
const std::vector<NoticeWording>& noticeWordings();
// The English wording of `code`, or nullptr for a code this build does not know.
const char* englishWording(const std::string& code);

// Puts a notice's values into a wording: {name} → the value (numbers through `number`, which
// formats in the caller's locale; the CLI's is C). Unknown names stay as written so a mistake
// shows rather than vanishes.
template <class Format>
std::string fillWording(const std::string& wording, const Notice& notice, Format&& format);

// The fewest decimals, up to `most`, that show `value` as it is: 10 → 0, 12.5 → 1, 0.25 → 2.
int fewestDecimals(double value, int most);

// The notice in English, numbers with a '.' (the CLI, logs, run files).
std::string englishText(const Notice& notice);
std::vector<std::string> englishTexts(const std::vector<Notice>& notices);
// englishText, for logs and test messages.
std::ostream& operator<<(std::ostream& out, const Notice& notice);

// ---- implementation of the template ----
template <class Format>
std::string fillWording(const std::string& wording, const Notice& notice, Format&& format) {
    std::string out;
    out.reserve(wording.size() + 16);
    for (std::size_t i = 0; i < wording.size();) {
        const std::size_t open = wording.find('{', i);
        if (open == std::string::npos) {
            out.append(wording, i, std::string::npos);
            break;
        }
        const std::size_t close = wording.find('}', open);
        if (close == std::string::npos) {
            out.append(wording, i, std::string::npos);
            break;
        }
        out.append(wording, i, open - i);
        const std::string name = wording.substr(open + 1, close - open - 1);
        if (const NoticeValue* v = notice.arg(name))
            out += format(*v);
        else
            out.append(wording, open, close - open + 1);
        i = close + 1;
    }
    return out;
}

}  // namespace cxr
