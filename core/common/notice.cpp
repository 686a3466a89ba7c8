#include "core/common/notice.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>

namespace cxr {

bool NoticeValue::operator==(const NoticeValue& o) const {
    if (kind != o.kind)
        return false;
    switch (kind) {
    case Kind::Integer: return integer == o.integer;
    case Kind::Number: return decimals == o.decimals && (number == o.number || (std::isnan(number) && std::isnan(o.number)));
    case Kind::Text: return text == o.text;
    }
    return false;
}

Notice& Notice::integer(const std::string& name, std::int64_t value) {
    NoticeValue v;
    v.kind = NoticeValue::Kind::Integer;
    v.integer = value;
    m_args.emplace_back(name, std::move(v));
    return *this;
}

Notice& Notice::number(const std::string& name, double value, int decimals) {
    NoticeValue v;
    v.kind = NoticeValue::Kind::Number;
    v.number = value;
    v.decimals = decimals;
    m_args.emplace_back(name, std::move(v));
    return *this;
}

Notice& Notice::text(const std::string& name, std::string value) {
    NoticeValue v;
    v.kind = NoticeValue::Kind::Text;
    v.text = std::move(value);
    m_args.emplace_back(name, std::move(v));
    return *this;
}

const NoticeValue* Notice::arg(const std::string& name) const {
    for (const auto& [n, v] : m_args)
        if (n == name)
            return &v;
    return nullptr;
}

int fewestDecimals(double value, int most) {
    double scaled = value;
    for (int d = 0; d < most; ++d, scaled *= 10)
        if (std::abs(scaled - std::round(scaled)) < 1e-9 * std::max(1.0, std::abs(scaled)))
            return d;
    return most;
}

const char* englishWording(const std::string& code) {
    for (const NoticeWording& w : noticeWordings())
        if (code == w.code)
            return w.english;
    return nullptr;
}

std::string englishText(const Notice& notice) {
    const char* wording = englishWording(notice.code());
    const auto format = [](const NoticeValue& v) -> std::string {
        switch (v.kind) {
        case NoticeValue::Kind::Integer: return std::to_string(v.integer);
        case NoticeValue::Kind::Number: {
            if (!std::isfinite(v.number))
                return std::isnan(v.number) ? "NaN" : (v.number > 0 ? "inf" : "-inf");
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.*f", v.decimals, v.number);
            return buf;
        }
        case NoticeValue::Kind::Text: return v.text;
        }
        return {};
    };
    if (wording)
        return fillWording(wording, notice, format);
    // A code this build does not know (a run folder from a newer version): say what it holds.
    std::string out = notice.code();
    for (const auto& [name, value] : notice.args())
        out += " " + name + "=" + format(value);
    return out;
}

std::vector<std::string> englishTexts(const std::vector<Notice>& notices) {
    std::vector<std::string> out;
    out.reserve(notices.size());
    for (const Notice& n : notices)
        out.push_back(englishText(n));
    return out;
}

std::ostream& operator<<(std::ostream& out, const Notice& notice) { return out << englishText(notice); }

}  // namespace cxr
