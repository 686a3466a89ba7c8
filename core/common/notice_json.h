#pragma once
// A notice in a run's JSON files: {"code": ..., "args": {name: value}, "text": English}. The
// English text is for people reading the file; front ends word the code and args again.
#include <nlohmann/json.hpp>

#include "core/common/notice.h"

namespace cxr {

nlohmann::json noticeToJson(const Notice& notice);
// Reads what noticeToJson wrote; a plain string (files written before notices) becomes the
// code "text.verbatim" holding it. Throws cxr::Error on anything else.
Notice noticeFromJson(const nlohmann::json& json);
// A list of notices as a JSON array of noticeToJson objects (`cxr info --json`, `cxr predict --json`).
nlohmann::json noticesJson(const std::vector<Notice>& notices);

}  // namespace cxr
