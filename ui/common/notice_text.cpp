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
    const QString wording = QCoreApplication::translate(notice.code().c_str(), english);
    // Values go in after translation, by name: a translation may order them as its grammar needs.
    QString out;
    out.reserve(wording.size() + 16);
    for (qsizetype i = 0; i < wording.size();) {
        const qsizetype open = wording.indexOf(QLatin1Char('{'), i);
        const qsizetype close = open < 0 ? -1 : wording.indexOf(QLatin1Char('}'), open);
        if (close < 0) {
            out += wording.mid(i);
            break;
        }
        out += wording.mid(i, open - i);
        const std::string name = wording.mid(open + 1, close - open - 1).toStdString();
        if (const NoticeValue* v = notice.arg(name))
            out += valueText(*v);
        else
            out += wording.mid(open, close - open + 1);
        i = close + 1;
    }
    return out;
}

QStringList noticeTexts(const std::vector<Notice>& notices) {
    QStringList out;
    for (const Notice& n : notices)
        out << noticeText(n);
    return out;
}

}  // namespace cxr::ui
