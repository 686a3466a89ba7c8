#pragma once
// Conversions at the Qt / core boundary: paths and strings are UTF-8 on both sides.
#include <filesystem>
#include <string>

#include <QString>

namespace cxr::ui {

QString toQString(const std::string& text);
QString toQString(const std::filesystem::path& path);
std::filesystem::path toPath(const QString& path);

}  // namespace cxr::ui
