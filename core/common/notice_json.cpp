#include "core/common/notice_json.h"

#include <cmath>

#include "core/common/error.h"

namespace cxr {

nlohmann::json noticeToJson(const Notice& notice) {
    nlohmann::json args = nlohmann::json::object();
    for (const auto& [name, v] : notice.args()) {
        switch (v.kind) {
        case NoticeValue::Kind::Integer: args[name] = v.integer; break;
        case NoticeValue::Kind::Number:
            // JSON has no NaN or infinity: those travel as text and read back as text.
            if (std::isfinite(v.number))
                args[name] = {{"number", v.number}, {"decimals", v.decimals}};
            else
                args[name] = std::isnan(v.number) ? "NaN" : (v.number > 0 ? "inf" : "-inf");
            break;
        case NoticeValue::Kind::Text: args[name] = v.text; break;
        }
    }
    return {{"code", notice.code()}, {"args", args}, {"text", englishText(notice)}};
}

nlohmann::json noticesJson(const std::vector<Notice>& notices) {
    nlohmann::json out = nlohmann::json::array();
    for (const Notice& n : notices)
        out.push_back(noticeToJson(n));
    return out;
}

Notice noticeFromJson(const nlohmann::json& json) {
    if (json.is_string())
        return Notice("text.verbatim").text("text", json.get<std::string>());
    if (!json.is_object() || !json.contains("code") || !json["code"].is_string())
        throw Error(ErrorCode::Corrupt, "a notice is neither a text nor an object with a \"code\"");
    Notice n(json["code"].get<std::string>());
    if (json.contains("args")) {
        if (!json["args"].is_object())
            throw Error(ErrorCode::Corrupt, "notice " + n.code() + ": \"args\" is not an object");
        for (const auto& [name, v] : json["args"].items()) {
            if (v.is_number_integer())
                n.integer(name, v.get<std::int64_t>());
            else if (v.is_string())
                n.text(name, v.get<std::string>());
            else if (v.is_object() && v.contains("number") && v["number"].is_number() && v.contains("decimals") &&
                     v["decimals"].is_number_integer())
                n.number(name, v["number"].get<double>(), v["decimals"].get<int>());
            else
                throw Error(ErrorCode::Corrupt, "notice " + n.code() + ": value \"" + name + "\" has no known form");
        }
    }
    return n;
}

}  // namespace cxr
