#include "ui/common/notice_text.h"

#include <cmath>

#include <QCoreApplication>
#include <QLocale>

namespace cxr::ui {
namespace {

QString valueText(const NoticeValue& v) {
    switch (v.kind) {
    case NoticeValue::Kind::Integer: {
        QLocale locale;
        locale.setNumberOptions(QLocale::OmitGroupSeparator);
        return locale.toString(static_cast<qlonglong>(v.integer));
    }
    case NoticeValue::Kind::Number: return localeNumber(v.number, v.decimals);
    case NoticeValue::Kind::Text: return QString::fromStdString(v.text);
    }
    return {};
}

}  // namespace

QString localeNumber(double value, int decimals, char format) {
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return locale.toString(value, format, decimals);
}

QString noticeText(const Notice& notice) {
    const char* english = englishWording(notice.code());
    if (!english)
        return QString::fromStdString(englishText(notice));
    // Values go in after translation, by name (core's fillWording, as for the English): a
    // translation may order them as its grammar needs.
    const QString wording = QCoreApplication::translate(notice.code().c_str(), english);
    return QString::fromStdString(fillWording(wording.toStdString(), notice,
                                              [](const NoticeValue& v) { return valueText(v).toStdString(); }));
}

QStringList noticeTexts(const std::vector<Notice>& notices) {
    QStringList out;
    for (const Notice& n : notices)
        out << noticeText(n);
    return out;
}

}  // namespace cxr::ui
