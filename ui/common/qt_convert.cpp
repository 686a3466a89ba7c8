#include "ui/common/qt_convert.h"

#include "core/common/error.h"

namespace cxr::ui {

QString toQString(const std::string& text) { return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())); }

QString toQString(const std::filesystem::path& path) { return toQString(cxr::displayPath(path)); }

std::filesystem::path toPath(const QString& path) {
    const QByteArray utf8 = path.toUtf8();
    return std::filesystem::u8path(utf8.constData(), utf8.constData() + utf8.size());
}

}  // namespace cxr::ui
